// Every kiosk loader and action starts here: is this a kiosk with a signed-in candidate?
import { json } from "@remix-run/node";
import { candidateAttemptId } from "./kiosk-auth.server";
import { candidateAttempt, type CandidateAttempt } from "~/services/kiosk.server";

export async function requireCandidate(request: Request): Promise<CandidateAttempt> {
  const t = candidateAttemptId(request);
  const a = t ? await candidateAttempt(t.attemptId, t.kioskId) : null;
  if (!a) throw json({ ok: false, error: "请先在考试机上登录", state: "SIGNED_OUT" }, { status: 401 });
  return a;
}
