// A provider's own (scoped to its classes) reports hub: the year at a glance, charts, links and downloads.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { ReportHub } from "~/components/reports/ReportHub";
import { hubView } from "~/data/report-views.server";
import { requireCap } from "~/utils/guard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCap(request, "class.manage");
  return json({ ...(await hubView(user, new URL(request.url).searchParams)), base: "/provider/reports", noAcceptance: true });
}

export default ReportHub;
