// Proctor actions (JSON): one candidate, the whole room, the session, or an incident report.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { actOnCandidate, actOnRoom, PROCTOR_ACTIONS, reportIncident, setSessionStatus, type ProctorAction } from "~/services/proctoring.server";
import { requireCap } from "~/utils/guard.server";
import { readFormData } from "~/utils/form.server";

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCap(request, "session.proctor");
  const f = await readFormData(request);
  const s = (k: string) => String(f.get(k) ?? "");
  const op = s("op");
  const sessionId = params.id!;
  if (op === "room") {
    const a = s("action");
    if (a !== "pause" && a !== "resume" && a !== "admit") return json({ ok: false, error: "未知操作" }, { status: 400 });
    const r = await actOnRoom(actor, sessionId, a, s("reason"));
    return json(r, { status: r.ok ? 200 : 403 });
  }
  if (op === "open" || op === "close") {
    const r = await setSessionStatus(actor, sessionId, op === "open" ? "OPEN" : "CLOSED");
    return json(r, { status: r.ok ? 200 : r.error.startsWith("无权") ? 403 : 409 });
  }
  if (op === "incident") {
    const r = await reportIncident(actor, sessionId, { category: s("category"), note: s("note"), registrationId: s("registrationId") || undefined });
    return json(r, { status: r.ok ? 200 : r.error.startsWith("无权") ? 403 : 400 });
  }
  const a = s("action") as ProctorAction;
  if (!(PROCTOR_ACTIONS as readonly string[]).includes(a)) return json({ ok: false, error: "未知操作" }, { status: 400 });
  const r = await actOnCandidate(actor, sessionId, s("registrationId"), a, { reason: s("reason"), minutes: Number(s("minutes")) });
  return json(r, { status: r.ok ? 200 : r.status });
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCap(request, "session.proctor");
  return json({ error: "POST only" }, { status: 405 });
}
