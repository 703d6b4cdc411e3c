// Applying an action to an attempt: the candidate's submit, the deadline's auto-submit and every
// proctor action go through here. One transaction: the state machine's transition, an
// optimistic-concurrency update, grading when it ends, the event for live consoles, the audit row.
import { auditMany, type AuditEntry } from "~/data/audit.server";
import type { Actor } from "~/domain/access";
import { isOverdue, remainingMs, transition, type AttemptAction, type AttemptSnapshot, type AttemptState } from "~/domain/attempt";
import { announce, recordEvent } from "~/utils/bus.server";
import { db, type Tx } from "~/utils/db.server";
import { gradeAndStore } from "./grade.server";

type AttemptRow = NonNullable<Awaited<ReturnType<typeof loadAttempt>>>;

export function loadAttempt(tx: Tx, attemptId: string) {
  return tx.attempt.findUnique({
    where: { id: attemptId },
    include: { registration: { include: { session: true, enrolment: { include: { trainee: true } } } }, snapshots: { where: { purpose: "SIGN_IN" }, select: { id: true }, take: 1 } },
  });
}

export function snapshotOf(a: AttemptRow): AttemptSnapshot {
  return {
    state: a.state as AttemptState,
    startedAt: a.startedAt,
    durationSec: a.durationSec,
    extensionSec: a.extensionSec,
    pausedSec: a.pausedSec,
    pausedAt: a.pausedAt,
    requireCamera: a.registration.session.requireCamera,
    hasSignInSnapshot: a.snapshots.length > 0,
    cameraOverride: a.cameraOverride,
  };
}

/** What a kiosk or a console shows of an attempt's clock and state. */
export function publicState(a: { state: string; startedAt: Date | null; durationSec: number; extensionSec: number; pausedSec: number; pausedAt: Date | null; deadlineAt: Date | null }, now = new Date()) {
  return {
    state: a.state as AttemptState,
    remainingMs: remainingMs(a, now),
    deadline: a.deadlineAt?.toISOString() ?? null,
    serverTime: now.toISOString(),
  };
}

export type ActionResult = { ok: true; state: AttemptState; noop?: boolean } | { ok: false; error: string; status: number };

/**
 * Apply `action` to the attempt. `actor` is null for the candidate and the deadline; proctor
 * actions carry their actor and reason into the audit log together with the attempt's progress.
 */
export async function applyAction(attemptId: string, action: AttemptAction, actor: Actor | null, extra: { reason?: string; check?: (a: AttemptRow) => string | null } = {}): Promise<ActionResult> {
  return (await applyActions([attemptId], action, actor, extra))[0];
}

/**
 * The same action on several attempts in ONE transaction: a proctor's "admit all" or "pause all"
 * costs one commit for the room instead of 80 (each an fsync on SQLite). Each attempt still gets
 * its own result, event and audit row; a database error rolls the whole room back.
 */
export async function applyActions(attemptIds: string[], action: AttemptAction, actor: Actor | null, extra: { reason?: string; check?: (a: AttemptRow) => string | null } = {}): Promise<ActionResult[]> {
  const prisma = await db();
  const changed = new Set<string>();
  const results = await prisma.$transaction(
    async (tx) => {
      const out: ActionResult[] = [];
      const audits: AuditEntry[] = [];
      for (const id of attemptIds) {
        const { result, sessionId } = await applyIn(tx, id, action, actor, extra, audits);
        if (result.ok && !result.noop) changed.add(sessionId);
        out.push(result);
      }
      await auditMany(tx, audits); // last: the chain's lock is held only from here to the commit
      return out;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  for (const sessionId of changed) announce(sessionId);
  return results;
}

/** One attempt's change; its audit entry (proctor actions) is added to `audits` for the caller to append. */
async function applyIn(tx: Tx, attemptId: string, action: AttemptAction, actor: Actor | null, extra: { reason?: string; check?: (a: AttemptRow) => string | null }, audits: AuditEntry[]): Promise<{ result: ActionResult; sessionId: string }> {
  const a = await loadAttempt(tx, attemptId);
  if (!a) return { result: { ok: false, error: "考试记录不存在", status: 404 }, sessionId: "" };
  const sessionId = a.registration.sessionId;
  const done = (result: ActionResult) => ({ result, sessionId });
  const refused = extra.check?.(a);
  if (refused) return done({ ok: false, error: refused, status: 403 });
  const now = new Date();
  const t = transition(snapshotOf(a), action, now);
  if (!t.ok) return done({ ok: false, error: t.error, status: 409 });
  if (t.noop) return done({ ok: true, state: a.state as AttemptState, noop: true });
  // Optimistic concurrency: only if nobody changed the state since we read it.
  const r = await tx.attempt.updateMany({ where: { id: a.id, state: a.state }, data: t.patch });
  if (r.count === 0) return done({ ok: false, error: "考试状态已变化，请刷新后重试", status: 409 });
  const next = (t.patch.state ?? a.state) as AttemptState;
  if (next === "SUBMITTED" || next === "TERMINATED") await gradeAndStore(tx, a.id);
  await recordEvent(tx, sessionId, `attempt.${action.type}`, { state: next, reason: extra.reason ?? null, by: actor?.role ?? (action.type === "submit" ? action.by : "CANDIDATE") }, a.id);
  if (actor) {
    const answered = await tx.response.count({ where: { attemptId: a.id, NOT: { answer: "null" } } });
    audits.push({
      actorId: actor.id,
      actorRole: actor.role,
      action: `attempt.${action.type}`,
      entity: "Attempt",
      entityId: a.id,
      reason: extra.reason ?? "",
      data: { from: a.state, to: next, answered, remainingMs: remainingMs(a, now), ...(action.type === "extend" ? { seconds: action.seconds } : {}) },
    });
  }
  return done({ ok: true, state: next });
}

/** Submit every running attempt whose deadline has passed, connected kiosk or not. */
export async function submitOverdue(now = new Date()): Promise<number> {
  const prisma = await db();
  const due = await prisma.attempt.findMany({ where: { state: { in: ["IN_PROGRESS", "LOCKED"] }, deadlineAt: { lte: now } }, select: { id: true } });
  let n = 0;
  for (const { id } of due) {
    const r = await applyAction(id, { type: "submit", by: "DEADLINE" }, null, {
      check: (a) => (isOverdue(snapshotOf(a), new Date()) ? null : "未到截止时间"),
    });
    if (r.ok && !r.noop) n++;
  }
  return n;
}
