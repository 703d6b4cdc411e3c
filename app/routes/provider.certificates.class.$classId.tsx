// Resource route: a provider's own class, every valid certificate in one streamed PDF.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { classCertificatesPdf } from "~/services/certificate-pdf.server";
import { notFound, requireCap } from "~/utils/guard.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCap(request, "class.manage");
  const res = await classCertificatesPdf(actor, params.classId!, new URL(request.url).origin);
  if (!res) throw notFound("班次不存在");
  return res;
}
