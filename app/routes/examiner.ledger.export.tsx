// Resource route: the retraining-hours ledger of a year as CSV or XLSX (?format=csv|xlsx).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ledgerExport } from "~/services/ledger.server";
import { requireCap } from "~/utils/guard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCap(request, "report.read");
  return ledgerExport(new URL(request.url).searchParams);
}
