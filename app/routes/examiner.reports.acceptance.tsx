// The exam office's acceptance report (评估验收报告) page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { AcceptanceReportPage } from "~/components/reports/AcceptanceReport";
import { acceptanceView } from "~/data/report-views.server";
import { requireCap } from "~/utils/guard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCap(request, "report.read");
  return json({ ...(await acceptanceView(user, new URL(request.url).searchParams)), base: "/examiner/reports" });
}

export default AcceptanceReportPage;
