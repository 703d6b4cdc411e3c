// Resource route: the session's Safe Exam Browser configuration (.seb). The kiosk URL in it is
// this app's address as the examiner reaches it (download it from the address the kiosks use, or
// pin `startURL` in the session's SEB settings). X-Ankao-Config-Key shows the Config Key.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { SEB_MIME, sessionSebFile } from "~/services/seb-file.server";
import { download } from "~/utils/download.server";
import { notFound, requireCap } from "~/utils/guard.server";
import { clientOrigin } from "~/utils/seb.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCap(request, "session.manage");
  const f = await sessionSebFile(params.id!, clientOrigin(request));
  if (!f) throw notFound();
  if (!f.ok) throw json({ message: f.error }, { status: 422 });
  const res = download(f.bytes, f.name, SEB_MIME);
  res.headers.set("X-Ankao-Config-Key", f.configKey);
  return res;
}
