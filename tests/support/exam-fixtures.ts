// Finished sittings written straight to the database, for tests of what comes after an exam
// (certificates, ledger, reports). The kiosk's own tests go through HTTP instead.
import type { Db } from "~/utils/db.server";

export interface SittingResult {
  enrolmentId: string;
  sitting?: 1 | 2;
  /** Points scored; passed = score ≥ pass mark unless given. */
  score: number;
  passed?: boolean;
  absent?: boolean;
  terminated?: boolean;
  /** position → canonical answer (boolean | "B" | ["A","C"]), for item statistics. */
  answers?: Record<number, unknown>;
}

let n = 0;

/**
 * One closed exam session for a class on a paper, with released results. Returns the session id.
 * `at` is when it took place (default: the class's end date + 3 days).
 */
export async function sitClass(db: Db, opts: { classId: string; paperId: string; results: SittingResult[]; at?: Date; passMark?: number; maxScore?: number }): Promise<string> {
  const cls = await db.trainingClass.findUniqueOrThrow({ where: { id: opts.classId } });
  const venue = await db.venue.findFirstOrThrow({ include: { county: true } });
  const examiner = await db.user.findFirstOrThrow({ where: { role: "EXAMINER" } });
  const at = opts.at ?? new Date(cls.endDate.getTime() + 3 * 86400_000);
  const passMark = opts.passMark ?? 80;
  const maxScore = opts.maxScore ?? 100;
  n++;
  const session = await db.examSession.create({
    data: {
      code: `FX-${cls.code}-${n}`,
      name: `${cls.name} 考试`,
      venueId: venue.id,
      countyId: venue.countyId,
      startsAt: at,
      endsAt: new Date(at.getTime() + 3 * 3600_000),
      durationMin: 120,
      status: "CLOSED",
      openedAt: at,
      closedAt: new Date(at.getTime() + 3 * 3600_000),
      resultsReleasedAt: new Date(at.getTime() + 4 * 3600_000),
      createdBy: examiner.id,
      classes: { create: { classId: cls.id, paperId: opts.paperId } },
    },
  });
  for (const r of opts.results) {
    const reg = await db.registration.create({
      data: { sessionId: session.id, enrolmentId: r.enrolmentId, sitting: r.sitting ?? 1, ticketCode: `T${n}${r.enrolmentId.slice(-6)}`, absent: !!r.absent },
    });
    if (r.absent) continue;
    const passed = r.passed ?? (!r.terminated && r.score >= passMark);
    const attempt = await db.attempt.create({
      data: {
        registrationId: reg.id,
        paperId: opts.paperId,
        state: r.terminated ? "TERMINATED" : "SUBMITTED",
        shuffleSeed: `fx-${reg.id}`,
        admittedAt: at,
        startedAt: at,
        durationSec: 7200,
        deadlineAt: new Date(at.getTime() + 7200_000),
        submittedAt: new Date(at.getTime() + 5400_000),
        submitReason: r.terminated ? "PROCTOR" : "CANDIDATE",
        score: r.score,
        maxScore,
        passed,
        gradedAt: new Date(at.getTime() + 5400_000),
      },
    });
    const answers = Object.entries(r.answers ?? {});
    if (answers.length)
      await db.response.createMany({ data: answers.map(([pos, a], i) => ({ attemptId: attempt.id, position: Number(pos), answer: JSON.stringify(a), seq: i + 1 })) });
  }
  return session.id;
}
