// The exam office's fee-eligible list (工伤预防费).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { FeeListReport } from "~/components/reports/FeeListReport";
import { feeListView } from "~/data/report-views.server";
import { requireCap } from "~/utils/guard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCap(request, "report.read");
  return json({ ...(await feeListView(user, new URL(request.url).searchParams)), base: "/examiner/reports" });
}

export default FeeListReport;
