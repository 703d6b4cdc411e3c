// The auditor's (HR bureau, read-only) pass-rate report (first sitting, after resit, trend).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { PassRatesReport } from "~/components/reports/PassRatesReport";
import { passRatesView } from "~/data/report-views.server";
import { requireCap } from "~/utils/guard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCap(request, "audit.area");
  return json({ ...(await passRatesView(user, new URL(request.url).searchParams)), base: "/auditor" });
}

export default PassRatesReport;
