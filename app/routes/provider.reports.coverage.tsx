// A provider's own (scoped to its classes) plan and coverage report.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { CoverageReport } from "~/components/reports/CoverageReport";
import { coverageView } from "~/data/report-views.server";
import { requireCap } from "~/utils/guard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCap(request, "class.manage");
  return json({ ...(await coverageView(user, new URL(request.url).searchParams)), base: "/provider/reports" });
}

export default CoverageReport;
