import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CoverageTable } from "~/components/CoverageTable";
import { coverage } from "~/services/overview.server";
import { requireCap } from "~/utils/guard.server";
import { useLang } from "~/utils/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCap(request, "audit.area");
  return json({ rows: await coverage() });
}

export default function AuditorHome() {
  const { rows } = useLoaderData<typeof loader>();
  const en = useLang() === "en";
  return (
    <>
      <h1>{en ? "Training coverage" : "培训覆盖情况"}</h1>
      <p className="muted">{en ? "Read-only. Planned counts are the bureau's yearly plan." : "只读。计划人数为市局年度培训计划。"}</p>
      <CoverageTable rows={rows} />
    </>
  );
}
