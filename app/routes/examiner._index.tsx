import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CoverageTable } from "~/components/CoverageTable";
import { coverage } from "~/services/overview.server";
import { requireCap } from "~/utils/guard.server";
import { useLang } from "~/utils/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCap(request, "session.manage");
  return json({ rows: await coverage(user) });
}

export default function ExaminerHome() {
  const { rows } = useLoaderData<typeof loader>();
  const en = useLang() === "en";
  return (
    <>
      <h1>{en ? "Exam office" : "市局考务"}</h1>
      <h2>{en ? "Training coverage" : "培训覆盖情况"}</h2>
      <CoverageTable rows={rows} />
    </>
  );
}
