// A proctor's view of one exam room: one tile per candidate. Never questions, answers or
// scores (scores are not even selected).
import { remainingMs } from "~/domain/attempt";
import { db } from "~/utils/db.server";

export const OFFLINE_AFTER_MS = 30_000;

export type TileState = "NOT_ARRIVED" | "AWAITING" | "IN_PROGRESS" | "PAUSED" | "LOCKED" | "SUBMITTED" | "ABSENT" | "TERMINATED";

export async function roomState(sessionId: string, now = new Date()) {
  const prisma = await db();
  const session = await prisma.examSession.findUniqueOrThrow({
    where: { id: sessionId },
    include: { venue: true, county: true, classes: { include: { paper: { select: { code: true, hash: true, _count: { select: { items: true } } } }, class: { select: { code: true, name: true } } } } },
  });
  const regs = await prisma.registration.findMany({
    where: { sessionId },
    orderBy: { seat: "asc" },
    select: {
      id: true,
      seat: true,
      absent: true,
      enrolment: { select: { classId: true, trainee: { select: { name: true, idMasked: true } } } },
      attempt: {
        select: {
          id: true, state: true, kioskId: true, startedAt: true, durationSec: true, extensionSec: true, pausedSec: true, pausedAt: true, deadlineAt: true,
          lastSeenAt: true, integrityCount: true, cameraOverride: true, submittedAt: true,
          integrity: { orderBy: { createdAt: "desc" }, take: 1, select: { kind: true, createdAt: true } },
          snapshots: { orderBy: { takenAt: "desc" }, take: 1, select: { id: true, purpose: true, takenAt: true } },
        },
      },
    },
  });
  // Answered counts in one grouped query over this room's attempts: a filtered `_count` relation
  // made the database group the whole Response table (42 ms at 1,000 candidates, growing with
  // every year kept) on every room frame; this reads only the room's rows (~2 ms).
  const attemptIds = regs.flatMap((r) => (r.attempt ? [r.attempt.id] : []));
  const answeredRows = attemptIds.length
    ? await prisma.response.groupBy({ by: ["attemptId"], where: { attemptId: { in: attemptIds }, NOT: { answer: "null" } }, _count: { _all: true } })
    : [];
  const answered = new Map(answeredRows.map((g) => [g.attemptId, g._count._all]));
  const totals = new Map(session.classes.map((c) => [c.classId, c.paper._count.items]));
  const tiles = regs.map((r) => {
    const a = r.attempt;
    const state: TileState = r.absent ? "ABSENT" : !a ? "NOT_ARRIVED" : (a.state as TileState);
    const running = !!a && ["AWAITING", "IN_PROGRESS", "PAUSED", "LOCKED"].includes(a.state);
    return {
      registrationId: r.id,
      attemptId: a?.id ?? null,
      seat: r.seat,
      name: r.enrolment.trainee.name,
      idMasked: r.enrolment.trainee.idMasked,
      kiosk: a?.kioskId ? a.kioskId.slice(0, 6) : null,
      state,
      answered: (a && answered.get(a.id)) ?? 0,
      total: totals.get(r.enrolment.classId) ?? 0,
      remainingMs: a && a.state !== "AWAITING" ? remainingMs(a, now) : null,
      running: a?.state === "IN_PROGRESS" || a?.state === "LOCKED",
      integrityCount: a?.integrityCount ?? 0,
      latestIntegrity: a?.integrity[0] ? { kind: a.integrity[0].kind, at: a.integrity[0].createdAt.toISOString() } : null,
      online: running && !!a?.lastSeenAt && now.getTime() - a.lastSeenAt.getTime() < OFFLINE_AFTER_MS,
      snapshot: a?.snapshots[0] ? { id: a.snapshots[0].id, purpose: a.snapshots[0].purpose, at: a.snapshots[0].takenAt.toISOString() } : null,
      cameraOverride: a?.cameraOverride ?? false,
    };
  });
  return {
    serverTime: now.toISOString(),
    session: {
      id: session.id, code: session.code, name: session.name, status: session.status, venue: session.venue.name, county: session.county.name,
      startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString(), durationMin: session.durationMin,
      requireCamera: session.requireCamera, violationThreshold: session.violationThreshold,
      // The proctor sees each paper's code and hash, never its content.
      papers: session.classes.map((c) => ({ classCode: c.class.code, className: c.class.name, code: c.paper.code, hash: c.paper.hash })),
    },
    tiles,
  };
}
export type RoomState = Awaited<ReturnType<typeof roomState>>;
