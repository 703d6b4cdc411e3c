// Resource route: the printable paper, the answer key (examiner only), or the paper as JSON.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { paperPdf } from "~/services/paper-pdf.server";
import { paperExport } from "~/services/papers.server";
import { download } from "~/utils/download.server";
import { notFound, requireCap } from "~/utils/guard.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCap(request, "paper.manage");
  const kind = new URL(request.url).searchParams.get("kind");
  if (kind === "json") {
    const p = await paperExport(params.id!);
    if (!p) throw notFound();
    return download(JSON.stringify(p, null, 2) + "\n", `${p.code}.json`, "application/json");
  }
  const f = await paperPdf(params.id!, kind === "key" ? "key" : "paper");
  if (!f) throw notFound();
  return download(f.body, f.name, "application/pdf");
}
