// Resource route: a provider downloads one of its own trainees' certificates; another provider's is 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { certificateInScope } from "~/data/certificates.server";
import { certificatePdf } from "~/services/certificate-pdf.server";
import { download } from "~/utils/download.server";
import { notFound, requireCap } from "~/utils/guard.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCap(request, "class.manage");
  if (!(await certificateInScope(actor, params.id!))) throw notFound("证书不存在");
  const f = await certificatePdf(params.id!, new URL(request.url).origin);
  if (!f) throw notFound("证书不存在");
  return download(f.body, f.name, "application/pdf");
}
