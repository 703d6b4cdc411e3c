// PROCTOR (county emergency department): act on candidates of their own county's sessions.
// Every action carries a reason where it matters and lands in the audit log with the attempt's
// progress at that moment (app/services/attempts.server.ts), and on the candidate's kiosk.
import { audit } from "~/data/audit.server";
import { inScope, type Actor } from "~/domain/access";
import type { AttemptAction } from "~/domain/attempt";
import { announce, recordEvent } from "~/utils/bus.server";
import { db } from "~/utils/db.server";
import { applyAction, applyActions, type ActionResult } from "./attempts.server";
import { forgetSession } from "~/data/kiosk-context.server";

/** The session if this proctor is assigned to it and it is in their county; else null. */
export async function proctoredSession(actor: Actor, sessionId: string) {
  const prisma = await db();
  const s = await prisma.examSession.findUnique({ where: { id: sessionId }, include: { proctors: true } });
  if (!s || !inScope(actor, { countyId: s.countyId }) || !s.proctors.some((p) => p.userId === actor.id)) return null;
  return s;
}

export const PROCTOR_ACTIONS = ["admit", "pause", "resume", "extend", "lock", "unlock", "terminate", "submit", "transfer", "absent", "cameraOverride"] as const;
export type ProctorAction = (typeof PROCTOR_ACTIONS)[number];
const NEEDS_REASON: ProctorAction[] = ["pause", "extend", "lock", "terminate", "transfer", "absent", "cameraOverride", "submit"];

export async function actOnCandidate(actor: Actor, sessionId: string, registrationId: string, action: ProctorAction, input: { reason?: string; minutes?: number }): Promise<ActionResult> {
  const session = await proctoredSession(actor, sessionId);
  if (!session) return { ok: false, error: "无权操作该考场", status: 403 };
  const reason = (input.reason ?? "").trim().slice(0, 500);
  if (NEEDS_REASON.includes(action) && !reason) return { ok: false, error: "请填写原因", status: 400 };
  const prisma = await db();
  const reg = await prisma.registration.findFirst({ where: { id: registrationId, sessionId }, include: { attempt: true } });
  if (!reg) return { ok: false, error: "考生不在本考场", status: 404 };
  const a = reg.attempt;
  const by = { actorId: actor.id, actorRole: actor.role };

  if (action === "absent") {
    if (a && a.state !== "AWAITING") return { ok: false, error: "考生已开始考试，不能登记缺考", status: 409 };
    await prisma.$transaction(async (tx) => {
      await tx.registration.update({ where: { id: reg.id }, data: { absent: true } });
      await recordEvent(tx, sessionId, "registration.absent", { registrationId: reg.id, reason }, a?.id ?? null);
      await audit(tx, { ...by, action: "registration.absent", entity: "Registration", entityId: reg.id, reason });
    });
    announce(sessionId);
    return { ok: true, state: "AWAITING" };
  }
  if (!a) return { ok: false, error: "考生尚未在考试机登录", status: 409 };
  if (action === "transfer" || action === "cameraOverride") {
    await prisma.$transaction(async (tx) => {
      await tx.attempt.update({ where: { id: a.id }, data: action === "transfer" ? { kioskId: null } : { cameraOverride: true } });
      await recordEvent(tx, sessionId, `attempt.${action}`, { reason }, a.id);
      await audit(tx, { ...by, action: `attempt.${action}`, entity: "Attempt", entityId: a.id, reason, data: { state: a.state } });
    });
    announce(sessionId);
    return { ok: true, state: a.state as never };
  }
  const minutes = Math.round(Number(input.minutes ?? 0));
  if (action === "extend" && !(minutes >= 1 && minutes <= 120)) return { ok: false, error: "延长时间应为 1–120 分钟", status: 400 };
  return applyAction(a.id, domainAction(action, reason, minutes), actor, { reason: reason || undefined });
}

function domainAction(action: Exclude<ProctorAction, "absent" | "transfer" | "cameraOverride">, reason: string, minutes = 0): AttemptAction {
  if (action === "extend") return { type: "extend", seconds: minutes * 60, reason };
  if (action === "pause" || action === "lock" || action === "terminate") return { type: action, reason };
  if (action === "submit") return { type: "submit", by: "PROCTOR" };
  return { type: action };
}

/** Pause or resume the whole room: every candidate the action applies to. */
export async function actOnRoom(actor: Actor, sessionId: string, action: "pause" | "resume" | "admit", reason: string) {
  const session = await proctoredSession(actor, sessionId);
  if (!session) return { ok: false as const, error: "无权操作该考场" };
  if (action === "pause" && !reason.trim()) return { ok: false as const, error: "请填写原因" };
  const prisma = await db();
  const want = action === "pause" ? "IN_PROGRESS" : action === "resume" ? "PAUSED" : "AWAITING";
  const attempts = await prisma.attempt.findMany({ where: { state: want, registration: { sessionId, absent: false } }, select: { id: true } });
  const text = reason.trim().slice(0, 500);
  const results = await applyActions(attempts.map((a) => a.id), domainAction(action, text), actor, { reason: text || undefined });
  return { ok: true as const, done: results.filter((r) => r.ok).length };
}

export async function setSessionStatus(actor: Actor, sessionId: string, status: "OPEN" | "CLOSED") {
  const session = await proctoredSession(actor, sessionId);
  if (!session) return { ok: false as const, error: "无权操作该考场" };
  const prisma = await db();
  if (status === "CLOSED") {
    const running = await prisma.attempt.count({ where: { registration: { sessionId }, state: { in: ["AWAITING", "IN_PROGRESS", "PAUSED", "LOCKED"] } } });
    if (running) return { ok: false as const, error: `还有 ${running} 名考生未交卷，不能结束考场（可先收卷或登记）` };
  }
  await prisma.$transaction(async (tx) => {
    // A session that shows scores at once has released them when it closes (certificates and
    // reports count released results only).
    const closing = { status, closedAt: new Date(), ...(session.releaseMode === "IMMEDIATE" && !session.resultsReleasedAt ? { resultsReleasedAt: new Date() } : {}) };
    await tx.examSession.update({ where: { id: sessionId }, data: status === "OPEN" ? { status, openedAt: new Date() } : closing });
    await recordEvent(tx, sessionId, `session.${status === "OPEN" ? "open" : "close"}`, {});
    await audit(tx, { actorId: actor.id, actorRole: actor.role, action: `session.${status.toLowerCase()}`, entity: "ExamSession", entityId: sessionId });
  });
  forgetSession(sessionId);
  announce(sessionId);
  return { ok: true as const };
}

export const INCIDENT_CATEGORIES = { ENVIRONMENT: "考场环境", EXAMINEE: "考生", STAFF: "工作人员", TECHNICAL: "技术故障", OTHER: "其他" } as const;

export async function reportIncident(actor: Actor, sessionId: string, input: { category: string; note: string; registrationId?: string }) {
  const session = await proctoredSession(actor, sessionId);
  if (!session) return { ok: false as const, error: "无权操作该考场" };
  if (!(input.category in INCIDENT_CATEGORIES)) return { ok: false as const, error: "请选择事件类别" };
  const note = input.note.trim();
  if (note.length < 2) return { ok: false as const, error: "请填写事件说明" };
  const prisma = await db();
  const reg = input.registrationId ? await prisma.registration.findFirst({ where: { id: input.registrationId, sessionId }, include: { attempt: true } }) : null;
  await prisma.$transaction(async (tx) => {
    const inc = await tx.incident.create({ data: { sessionId, attemptId: reg?.attempt?.id ?? null, category: input.category, note: note.slice(0, 2000), createdBy: actor.id } });
    await recordEvent(tx, sessionId, "incident", { category: input.category, incidentId: inc.id }, reg?.attempt?.id ?? null);
    await audit(tx, { actorId: actor.id, actorRole: actor.role, action: "incident.report", entity: "Incident", entityId: inc.id, reason: note.slice(0, 200) });
  });
  announce(sessionId);
  return { ok: true as const };
}
