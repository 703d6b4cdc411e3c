import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { orgCounts } from "~/data/org.server";
import { requireCap } from "~/utils/guard.server";
import { useLang } from "~/utils/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCap(request, "admin.manage");
  return json(await orgCounts());
}

const LABELS = {
  counties: ["县（市、区）", "Counties"],
  venues: ["考点", "Venues"],
  enterprises: ["企业", "Enterprises"],
  providers: ["施教单位", "Providers"],
  users: ["账号", "Accounts"],
  trainees: ["学员", "Trainees"],
  classes: ["培训班次", "Classes"],
} as const;

export default function AdminHome() {
  const counts = useLoaderData<typeof loader>();
  const en = useLang() === "en";
  return (
    <>
      <h1>{en ? "Administration" : "系统管理"}</h1>
      <div className="stats">
        {(Object.keys(LABELS) as Array<keyof typeof LABELS>).map((k) => (
          <div className="stat" key={k}>
            {LABELS[k][en ? 1 : 0]}
            <b>{counts[k]}</b>
          </div>
        ))}
      </div>
    </>
  );
}
