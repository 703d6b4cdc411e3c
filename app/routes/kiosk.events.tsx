// The candidate's live stream: their own attempt's events and the room's (pause all, resume…).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eventStream } from "~/utils/bus.server";
import { requireCandidate } from "~/utils/kiosk-request.server";

const FOR_CANDIDATE = /^attempt\./;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const a = await requireCandidate(request, context);
  return eventStream(request, a.registration.sessionId, {
    attemptId: a.id,
    // Only state changes reach the kiosk; never other candidates' events or integrity details.
    accept: (e) => FOR_CANDIDATE.test(e.kind) && (e.attemptId === a.id || e.attemptId === null),
  });
}
