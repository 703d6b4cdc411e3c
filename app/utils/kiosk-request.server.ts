// Every kiosk loader and action starts here: is this a kiosk with a signed-in candidate, and,
// when the session requires Safe Exam Browser, is the request from SEB with the right Config Key?
import { json } from "@remix-run/node";
import { candidateAttemptId } from "./kiosk-auth.server";
import { sebGate } from "./seb.server";
import { candidateAttempt, type CandidateAttempt } from "~/services/kiosk.server";

export const SEB_REQUIRED = "请使用安全考试浏览器";

export async function requireCandidate(request: Request, context?: unknown): Promise<CandidateAttempt> {
  const t = candidateAttemptId(request);
  const a = t ? await candidateAttempt(t.attemptId, t.kioskId) : null;
  if (!a) throw json({ ok: false, error: "请先在考试机上登录", state: "SIGNED_OUT" }, { status: 401 });
  const gate = sebGate(request, a.registration.session, context);
  if (!gate.ok) throw json({ ok: false, error: SEB_REQUIRED, seb: gate.message, state: "SEB_REQUIRED" }, { status: 403 });
  return a;
}
