// EXAMINER: release a session's results, and void a defective item of a sealed paper — credit
// everyone or drop and rescale — regrading every affected attempt in one transaction.
import { audit } from "~/data/audit.server";
import { forgetSession } from "~/data/kiosk-context.server";
import type { Actor } from "~/domain/access";
import { announce, recordEvent } from "~/utils/bus.server";
import { db } from "~/utils/db.server";
import { certificateOfAttempt, flagForReview } from "./certificates.server";
import { gradeAndStore } from "./grade.server";

export async function releaseResults(actor: Actor, sessionId: string) {
  const prisma = await db();
  const open = await prisma.attempt.count({ where: { registration: { sessionId }, state: { in: ["AWAITING", "IN_PROGRESS", "PAUSED", "LOCKED"] } } });
  if (open) return { ok: false as const, error: `还有 ${open} 名考生未交卷，暂不能发布成绩` };
  await prisma.$transaction(async (tx) => {
    await tx.examSession.update({ where: { id: sessionId }, data: { resultsReleasedAt: new Date() } });
    await recordEvent(tx, sessionId, "session.release", {});
    await audit(tx, { actorId: actor.id, actorRole: actor.role, action: "session.release", entity: "ExamSession", entityId: sessionId });
  });
  forgetSession(sessionId);
  announce(sessionId);
  return { ok: true as const };
}

export interface RegradeChange {
  attemptId: string;
  name: string;
  before: { score: number | null; passed: boolean | null };
  after: { score: number; passed: boolean };
}

export async function voidItem(actor: Actor, paperId: string, position: number, mode: "CREDIT" | "DROP", reason: string) {
  if (!reason.trim()) return { ok: false as const, error: "请填写作废原因" };
  const prisma = await db();
  const item = await prisma.paperItem.findUnique({ where: { paperId_position: { paperId, position } }, include: { paper: true } });
  if (!item) return { ok: false as const, error: `试卷没有第 ${position} 题` };
  if (item.paper.status !== "SEALED") return { ok: false as const, error: "草稿试卷可直接作废重抽，无需作废单题" };
  if (item.voided) return { ok: false as const, error: `第 ${position} 题已作废（${item.voided === "CREDIT" ? "全体给分" : "删除并折算"}）` };
  const changes = await prisma.$transaction(
    async (tx) => {
      await tx.paperItem.update({ where: { id: item.id }, data: { voided: mode } });
      const attempts = await tx.attempt.findMany({ where: { paperId, state: { in: ["SUBMITTED", "TERMINATED"] } }, include: { registration: { include: { enrolment: { include: { trainee: true } } } } } });
      const changed: RegradeChange[] = [];
      for (const a of attempts) {
        const g = await gradeAndStore(tx, a.id);
        if (g.passed !== a.passed)
          changed.push({ attemptId: a.id, name: a.registration.enrolment.trainee.name, before: { score: a.score, passed: a.passed }, after: { score: g.score, passed: g.passed } });
        // A pass that became a fail flags the certificate for review; it is never revoked silently.
        if (a.passed && !g.passed) {
          const cert = await certificateOfAttempt(a.id, tx);
          if (cert) await flagForReview(cert.id, "REGRADED_TO_FAIL", { tx, actor, reason });
        }
      }
      await audit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: "paper.voidItem",
        entity: "Paper",
        entityId: paperId,
        reason,
        data: { position, mode, regraded: attempts.length, passChanged: changed.map((c) => c.attemptId) },
      });
      return changed;
    },
    { timeout: 60_000 },
  );
  return { ok: true as const, changes };
}
