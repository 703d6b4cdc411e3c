// Resource route: a provider's own report downloads for ?year= (fee-eligible list XLSX/PDF; the
// acceptance report is the bureau's, not the provider's).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportDownload } from "~/services/report-files.server";
import { requireCap } from "~/utils/guard.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCap(request, "class.manage");
  return reportDownload(user, params.file ?? "", new URL(request.url).searchParams, ["fee-list.xlsx", "fee-list.pdf"]);
}
