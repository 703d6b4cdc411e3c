// Resource route: the current versions of the questions matching the browse filters, as XLSX
// (the same sheet the upload reads back).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { browseFilterOf } from "~/data/bank-browse.server";
import { exportXlsx } from "~/services/bank-edit.server";
import { download } from "~/utils/download.server";
import { requireCap } from "~/utils/guard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCap(request, "bank.read");
  const f = await exportXlsx(browseFilterOf(new URL(request.url).searchParams));
  return download(f.body, f.name, f.type);
}
