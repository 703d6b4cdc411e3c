// A camera snapshot, for the proctor of that candidate's room only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { proctoredSession } from "~/services/proctoring.server";
import { snapshotBytes } from "~/services/snapshots.server";
import { db } from "~/utils/db.server";
import { forbidden, requireCap } from "~/utils/guard.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCap(request, "session.proctor");
  const prisma = await db();
  const s = await prisma.snapshot.findUnique({ where: { id: params.id! }, include: { attempt: { include: { registration: true } } } });
  if (!s || !(await proctoredSession(actor, s.attempt.registration.sessionId))) throw forbidden("无权查看该照片 Not your session");
  return new Response(snapshotBytes(s.path) as unknown as BodyInit, { headers: { "Content-Type": s.mime, "Cache-Control": "private, max-age=3600" } });
}
