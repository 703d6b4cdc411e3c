// Resource route: one certificate as a PDF (a revoked one carries a 已撤销 watermark).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { certificateInScope } from "~/data/certificates.server";
import { certificatePdf } from "~/services/certificate-pdf.server";
import { download } from "~/utils/download.server";
import { notFound, requireCap } from "~/utils/guard.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCap(request, "certificate.manage");
  if (!(await certificateInScope(actor, params.id!))) throw notFound("证书不存在");
  const f = await certificatePdf(params.id!, new URL(request.url).origin);
  if (!f) throw notFound("证书不存在");
  return download(f.body, f.name, "application/pdf");
}
