// The candidate's side of an exam at a kiosk: sign in with ID number + ticket code, wait for a
// proctor, receive the paper (never its answers), save every answer, report integrity events,
// submit. The server owns the clock; the kiosk only displays it.
import { randomBytes } from "node:crypto";
import { seatContext, sessionRow } from "~/data/kiosk-context.server";
import { hit, peek, type Limit } from "~/data/rate-limit.server";
import { contentOfRow } from "~/data/questions.server";
import { isOverdue, type AttemptState } from "~/domain/attempt";
import { nextSnapshotInMs, snapshotSchedule } from "~/domain/camera";
import { kioskPaper, normaliseAnswer, type KioskItem } from "~/domain/delivery";
import { validateIdNumber } from "~/domain/id-number";
import { normaliseTicket } from "~/domain/ticket";
import type { QuestionType } from "~/domain/vocabulary";
import { announce, recordEvent } from "~/utils/bus.server";
import { db } from "~/utils/db.server";
import { inGroupCommit } from "~/utils/group-commit.server";
import { idLookupHash } from "~/utils/secrets.server";
import { applyAction, publicState, submitOverdue } from "./attempts.server";

const SIGN_IN_LIMITS = {
  perId: { max: 5, windowSec: 15 * 60 },
  perKiosk: { max: 20, windowSec: 15 * 60 },
  /**
   * Failed sign-ins from one network address, whatever kiosk cookie they carry: dropping the
   * cookie resets the per-kiosk count, not this one. A venue's kiosks may share one address
   * behind NAT, so only failures count, and a room of 80 with typos stays far below it.
   */
  failuresPerAddress: { max: 200, windowSec: 15 * 60 },
} satisfies Record<string, Limit>;
/** Candidates may sign in this long before the window opens. */
const EARLY_MS = 60 * 60_000;

export type SignIn = { ok: true; attemptId: string } | { ok: false; message: string; status: number };

export async function signIn(kioskId: string, ip: string, rawId: string, rawTicket: string, sebOk: (session: { id: string; requireSeb: boolean; sebSettings: string; requireCamera: boolean }) => boolean = () => true): Promise<SignIn> {
  const prisma = await db();
  const id = validateIdNumber(rawId);
  const ticket = normaliseTicket(rawTicket);
  const limited = (r: { ok: boolean; retryAfter: number }) => (!r.ok ? { ok: false as const, status: 429, message: `尝试次数过多，请 ${Math.ceil(r.retryAfter / 60)} 分钟后再试或联系监考员` } : null);
  const address = `kiosk-failures:${ip}`;
  const refused = <T>(r: T) => hit(prisma, address, SIGN_IN_LIMITS.failuresPerAddress).then(() => r);
  const f = limited(await peek(prisma, address, SIGN_IN_LIMITS.failuresPerAddress));
  if (f) return f;
  const k = limited(await hit(prisma, `kiosk:${kioskId}:${ip}`, SIGN_IN_LIMITS.perKiosk));
  if (k) return k;
  if (!id.ok || !ticket) return refused({ ok: false, status: 400, message: "身份证号或准考证校验码不正确" });
  const hash = idLookupHash(id.value);
  const p = limited(await hit(prisma, `kiosk-id:${hash}`, SIGN_IN_LIMITS.perId));
  if (p) return p;
  const now = new Date();
  const reg = await prisma.registration.findFirst({
    where: { ticketCode: ticket, enrolment: { trainee: { idHash: hash } }, session: { status: { not: "CLOSED" }, startsAt: { lte: new Date(now.getTime() + EARLY_MS) }, endsAt: { gte: now } } },
    include: { session: { include: { classes: true } }, enrolment: true, attempt: true },
  });
  if (!reg) return refused({ ok: false, status: 401, message: "身份证号或准考证校验码不正确，或当前不在考试时间内" });
  if (reg.absent) return { ok: false, status: 403, message: "您已被登记为缺考，请联系监考员" };
  if (!sebOk(reg.session)) return { ok: false, status: 403, message: "请使用安全考试浏览器（Safe Exam Browser）参加本场考试" };
  const paperId = reg.session.classes.find((c) => c.classId === reg.enrolment.classId)?.paperId;
  if (!paperId) return { ok: false, status: 500, message: "本场考试未配置试卷，请联系监考员" };
  return prisma.$transaction(async (tx) => {
    const existing = await tx.attempt.findUnique({ where: { registrationId: reg.id } });
    if (existing?.kioskId && existing.kioskId !== kioskId)
      return { ok: false as const, status: 409, message: "您已在另一台考试机上登录。如需更换考试机，请联系监考员办理转机" };
    const attempt = existing
      ? await tx.attempt.update({ where: { id: existing.id }, data: { kioskId, lastSeenAt: now } })
      : await tx.attempt.create({
          data: { registrationId: reg.id, paperId, state: "AWAITING", shuffleSeed: randomBytes(12).toString("hex"), kioskId, durationSec: reg.session.durationMin * 60, lastSeenAt: now },
        });
    await recordEvent(tx, reg.sessionId, existing ? "attempt.rejoin" : "attempt.arrive", { seat: reg.seat, registrationId: reg.id }, attempt.id);
    return { ok: true as const, attemptId: attempt.id };
  }).then((r) => {
    if (r.ok) announce(reg.sessionId);
    return r;
  });
}

/** The candidate's attempt, if this kiosk's token still owns it. */
export async function candidateAttempt(attemptId: string, kioskId: string) {
  const prisma = await db();
  // A plain read, not a transaction: on SQLite a transaction would queue behind every write.
  // One query per request; the seat and the session come from kiosk-context's cache.
  const a = await prisma.attempt.findUnique({ where: { id: attemptId } });
  if (!a || a.kioskId !== kioskId) return null;
  const seat = await seatContext(prisma, a.registrationId);
  return { ...a, registration: { ...seat, session: await sessionRow(prisma, seat.sessionId) } };
}
export type CandidateAttempt = NonNullable<Awaited<ReturnType<typeof candidateAttempt>>>;

/** Deadline first: an overdue attempt is submitted before anything else is answered. */
async function settleDeadline(a: CandidateAttempt): Promise<CandidateAttempt> {
  if (!isOverdue({ ...a, state: a.state as AttemptState }, new Date())) return a;
  await submitOverdue();
  return (await candidateAttempt(a.id, a.kioskId!))!;
}

const released = (a: CandidateAttempt) => !!a.registration.session.resultsReleasedAt || a.registration.session.releaseMode === "IMMEDIATE";

export async function kioskState(a0: CandidateAttempt) {
  const a = await settleDeadline(a0);
  const prisma = await db();
  const responses = await prisma.response.findMany({ where: { attemptId: a.id }, select: { position: true, answer: true, flagged: true, seq: true } });
  const final = a.state === "SUBMITTED" || a.state === "TERMINATED";
  const session = a.registration.session;
  // Elapsed exam time (pauses excluded): duration + extension − remaining.
  const elapsedMs = a.startedAt ? a.durationSec * 1000 + a.extensionSec * 1000 - publicState(a).remainingMs : 0;
  const signInSnapshots = await prisma.snapshot.count({ where: { attemptId: a.id, purpose: "SIGN_IN" } });
  return {
    ...publicState(a),
    lastSeq: a.lastSeq,
    candidate: { name: a.registration.enrolment.trainee.name, idMasked: a.registration.enrolment.trainee.idMasked, seat: a.registration.seat },
    session: { name: session.name, code: session.code, requireCamera: session.requireCamera, sessionId: a.registration.sessionId },
    camera: session.requireCamera && !final
      ? { needSignIn: signInSnapshots === 0, nextInMs: a.state === "IN_PROGRESS" ? nextSnapshotInMs(snapshotSchedule(a.shuffleSeed, a.durationSec), elapsedMs) : null }
      : null,
    responses: final ? [] : responses.map((r) => ({ position: r.position, answer: JSON.parse(r.answer) as unknown, flagged: r.flagged, seq: r.seq })),
    result: final && released(a) && a.score !== null ? { score: a.score, maxScore: a.maxScore, passed: a.passed } : null,
    submittedAt: a.submittedAt?.toISOString() ?? null,
  };
}

type PaperCacheEntry = { items: Array<{ position: number; section: QuestionType; stem: string; options: string[] }> };
const paperCache = new Map<string, PaperCacheEntry>();
/** Sealed papers never change, so their delivery form is cached per paper. */
async function deliveryItems(paperId: string): Promise<PaperCacheEntry> {
  const hit = paperCache.get(paperId);
  if (hit) return hit;
  const prisma = await db();
  const paper = await prisma.paper.findUniqueOrThrow({ where: { id: paperId }, include: { items: { orderBy: { position: "asc" }, include: { questionVersion: true } } } });
  const entry = {
    items: paper.items.map((i) => {
      const q = contentOfRow(i.questionVersion);
      // Only what the candidate may see: no answer, no explanation, no source.
      return { position: i.position, section: i.section as QuestionType, stem: q.stem, options: q.options };
    }),
  };
  if (paper.status === "SEALED") paperCache.set(paperId, entry);
  return entry;
}

/** The paper as this candidate sees it — only once admitted, and never its answers. */
export async function kioskItems(a: CandidateAttempt): Promise<KioskItem[] | null> {
  if (!["IN_PROGRESS", "PAUSED", "LOCKED"].includes(a.state)) return null;
  return kioskPaper((await deliveryItems(a.paperId)).items, a.shuffleSeed);
}

export type SaveResult =
  | { ok: true; ack: number; stale?: boolean; state: AttemptState; remainingMs: number; serverTime: string }
  | { ok: false; error: string; state: AttemptState; remainingMs: number; serverTime: string };

/**
 * Save one answer. `seq` increases with every change the kiosk makes; a save older than what the
 * server holds for that item is acknowledged but ignored, so a late retry never overwrites a
 * newer answer. Only running attempts accept answers.
 */
export async function saveAnswer(a0: CandidateAttempt, input: { position: number; answer: unknown; flagged?: boolean; seq: number }): Promise<SaveResult> {
  const a = await settleDeadline(a0);
  const state = () => publicState(a);
  if (a.state !== "IN_PROGRESS") return { ok: false, error: a.state === "PAUSED" ? "考试已暂停" : a.state === "LOCKED" ? "考试已被锁定，请联系监考员" : "考试已结束", ...state() };
  if (!Number.isInteger(input.seq) || input.seq < 1) return { ok: false, error: "seq 无效", ...state() };
  const item = (await deliveryItems(a.paperId)).items.find((i) => i.position === input.position);
  if (!item) return { ok: false, error: "题号无效", ...state() };
  const answer = normaliseAnswer(item.section, input.answer, item.options.length);
  if (answer && typeof answer === "object" && "error" in answer) return { ok: false, error: answer.error, ...state() };
  // Group commit: concurrent saves share one transaction and one fsync (app/utils/group-commit.server.ts).
  const saved = await inGroupCommit(async (tx): Promise<"saved" | "stale" | "closed"> => {
    const now = new Date();
    // Read before writing: on SQLite a transaction whose first statement writes waits out the busy
    // timeout on the main thread when another connection holds the lock; a reader is told at once.
    const cur = await tx.response.findUnique({ where: { attemptId_position: { attemptId: a.id, position: input.position } }, select: { seq: true } });
    if (cur && cur.seq >= input.seq) return "stale";
    // The state is checked again inside the write (on PostgreSQL this takes the attempt's row lock,
    // as a submit does): a submit, pause or lock that committed since the read above wins, and the
    // answer is refused rather than stored after the attempt was graded. Usually one statement:
    // this seq is the attempt's newest; a late retry of an older change takes a second.
    const running = { id: a.id, state: "IN_PROGRESS" };
    const newest = await tx.attempt.updateMany({ where: { ...running, lastSeq: { lt: input.seq } }, data: { lastSeq: input.seq, lastSeenAt: now } });
    if (newest.count === 0 && (await tx.attempt.updateMany({ where: running, data: { lastSeenAt: now } })).count === 0) return "closed";
    const data = { answer: JSON.stringify(answer ?? null), flagged: !!input.flagged, seq: input.seq, savedAt: now };
    await tx.response.upsert({ where: { attemptId_position: { attemptId: a.id, position: input.position } }, create: { attemptId: a.id, position: input.position, ...data }, update: data });
    return "saved";
  });
  if (saved === "closed") return { ok: false, error: "考试状态已变化，答案未保存", ...state() };
  return { ok: true, ack: input.seq, ...(saved === "stale" ? { stale: true } : {}), ...state() };
}

export const INTEGRITY_KINDS = ["BLUR", "HIDDEN", "FULLSCREEN_EXIT", "COPY", "CUT", "PASTE", "CONTEXT_MENU", "PRINT", "DRAG", "SELECT", "CAMERA_MISSING", "SEB_MISMATCH", "DEVTOOLS"] as const;

/** An integrity event; past the session's threshold the attempt locks until a proctor unlocks it. */
export async function reportIntegrity(a: CandidateAttempt, kind: string, detail: string, clientAt?: string) {
  if (!(INTEGRITY_KINDS as readonly string[]).includes(kind)) return { ok: false as const, error: "未知事件类型" };
  const prisma = await db();
  const count = await prisma.$transaction(async (tx) => {
    const at = clientAt && !Number.isNaN(Date.parse(clientAt)) ? new Date(clientAt) : null;
    await tx.integrityEvent.create({ data: { attemptId: a.id, kind, detail: detail.slice(0, 200), clientAt: at } });
    const updated = await tx.attempt.update({ where: { id: a.id }, data: { integrityCount: { increment: 1 }, lastSeenAt: new Date() } });
    await recordEvent(tx, a.registration.sessionId, "integrity", { kind, detail: detail.slice(0, 200), count: updated.integrityCount }, a.id);
    return updated.integrityCount;
  });
  announce(a.registration.sessionId);
  if (count >= a.registration.session.violationThreshold && a.state === "IN_PROGRESS")
    await applyAction(a.id, { type: "lock", reason: `违规事件达到 ${count} 次（阈值 ${a.registration.session.violationThreshold}）` }, null, { reason: `自动锁定：违规事件 ${count} 次` });
  return { ok: true as const, count };
}

/** A kiosk's sign of life; written at most every 10 s per attempt. */
export async function heartbeat(a: CandidateAttempt) {
  if (!a.lastSeenAt || Date.now() - a.lastSeenAt.getTime() > 10_000)
    await inGroupCommit((tx) => tx.attempt.updateMany({ where: { id: a.id }, data: { lastSeenAt: new Date() } }));
  return publicState(await settleDeadline(a));
}

export async function submitByCandidate(a: CandidateAttempt) {
  return applyAction(a.id, { type: "submit", by: "CANDIDATE" }, null);
}
