// Resource route: the signed room record of a closed session, for its proctors.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { proctoredSession } from "~/services/proctoring.server";
import { roomRecordPdf } from "~/services/room-record.server";
import { download } from "~/utils/download.server";
import { forbidden, notFound, requireCap } from "~/utils/guard.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCap(request, "session.proctor");
  if (!(await proctoredSession(actor, params.id!))) throw forbidden("无权查看该考场 Not your session");
  const f = await roomRecordPdf(params.id!);
  if (!f) throw notFound();
  return download(f.body, f.name, "application/pdf");
}
