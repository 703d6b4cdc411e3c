// The auditor's (HR bureau, read-only) reports hub: the year at a glance, charts, links and downloads.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { ReportHub } from "~/components/reports/ReportHub";
import { hubView } from "~/data/report-views.server";
import { requireCap } from "~/utils/guard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCap(request, "audit.area");
  return json({ ...(await hubView(user, new URL(request.url).searchParams)), base: "/auditor" });
}

export default ReportHub;
