// The proctor console's live stream: every event of the room, a full room frame after each burst
// and every 5 s (so "offline" and time left stay true without any polling in the page).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { roomState } from "~/data/room.server";
import { proctoredSession } from "~/services/proctoring.server";
import { eventStream } from "~/utils/bus.server";
import { forbidden, requireCap } from "~/utils/guard.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCap(request, "session.proctor");
  if (!(await proctoredSession(actor, params.id!))) throw forbidden("无权查看该考场 Not your session");
  return eventStream(request, params.id!, { snapshot: () => roomState(params.id!), snapshotEveryMs: 5000 });
}
