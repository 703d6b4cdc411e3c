// The exam office's item statistics (examiners only: they show question content).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { ItemStatsReport } from "~/components/reports/ItemStatsReport";
import { itemsView } from "~/data/report-views.server";
import { requireCap } from "~/utils/guard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCap(request, "paper.manage");
  return json({ ...(await itemsView(user, new URL(request.url).searchParams)), base: "/examiner/reports" });
}

export default ItemStatsReport;
