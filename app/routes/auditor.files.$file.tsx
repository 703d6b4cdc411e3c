// Resource route: report downloads (fee-eligible list XLSX/PDF, acceptance report PDF) for ?year=.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportDownload } from "~/services/report-files.server";
import { requireCap } from "~/utils/guard.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCap(request, "audit.area");
  return reportDownload(user, params.file ?? "", new URL(request.url).searchParams, ["fee-list.xlsx", "fee-list.pdf", "acceptance.pdf"]);
}
