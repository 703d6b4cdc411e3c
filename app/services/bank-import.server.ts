// Import the bank into the database in one transaction, and export it back. A changed question
// gets a new immutable version (papers keep the versions they pinned); an id missing from the
// files is retired, never deleted; a retired id that comes back is restored.
import type { Actor } from "../domain/access";
import { contentHashOf } from "../domain/question";
import { contentOf, type BankQuestion } from "../domain/bank/types";
import { db, type Tx } from "../utils/db.server";
import {
  QUESTION_STATUS,
  activeCurrentVersions,
  bankQuestionOfRow,
  versionRowOf,
} from "../data/questions.server";
import { audit } from "../data/audit.server";

export interface ImportReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  retired: string[];
  restored: string[];
}

/**
 * Import the whole bank. `questions` must be validated (see validate.ts); the caller checks the
 * actor may write the bank. New versions record `actor.id` as their author; the import is audited.
 */
export interface ImportOptions {
  actor: Actor;
  /** Retire active questions missing from `questions` (a whole-bank import). Default true. */
  retireMissing?: boolean;
  /** Compute the report without writing anything (the upload preview). */
  dryRun?: boolean;
}

export async function importBank(questions: readonly BankQuestion[], { actor, retireMissing = true, dryRun = false }: ImportOptions): Promise<ImportReport> {
  const client = await db();
  return client.$transaction(
    async (tx) => {
      const existing = new Map(
        (await tx.question.findMany({ select: { id: true, status: true, currentVersion: true } })).map((q) => [q.id, q]),
      );
      const hashes = new Map(
        (await tx.questionVersion.findMany({ select: { questionId: true, version: true, contentHash: true } })).map((v) => [
          `${v.questionId}\0${v.version}`,
          v.contentHash,
        ]),
      );

      const report: ImportReport = { added: [], updated: [], unchanged: [], retired: [], restored: [] };
      const newVersions: ReturnType<typeof versionRowOf>[] = [];
      const newQuestions: Array<{ id: string; status: string; currentVersion: number }> = [];
      const moves = new Map<number, string[]>(); // new currentVersion → ids (status becomes ACTIVE)
      const reactivate: string[] = []; // restored with unchanged content
      const seen = new Set<string>();

      for (const q of questions) {
        if (seen.has(q.id)) throw new Error(`importBank: duplicate id ${q.id} (validate the bank first)`);
        seen.add(q.id);
        const content = contentOf(q);
        const hash = contentHashOf(content);
        const old = existing.get(q.id);
        if (!old) {
          newQuestions.push({ id: q.id, status: QUESTION_STATUS.ACTIVE, currentVersion: 1 });
          newVersions.push(versionRowOf(q.id, 1, content, hash, actor.id));
          report.added.push(q.id);
          continue;
        }
        const retired = old.status !== QUESTION_STATUS.ACTIVE;
        if (hashes.get(`${q.id}\0${old.currentVersion}`) === hash) {
          if (retired) reactivate.push(q.id);
          (retired ? report.restored : report.unchanged).push(q.id);
          continue;
        }
        const next = old.currentVersion + 1;
        newVersions.push(versionRowOf(q.id, next, content, hash, actor.id));
        moves.set(next, [...(moves.get(next) ?? []), q.id]);
        (retired ? report.restored : report.updated).push(q.id);
      }
      if (retireMissing)
        for (const [id, q] of existing) if (!seen.has(id) && q.status === QUESTION_STATUS.ACTIVE) report.retired.push(id);
      for (const list of Object.values(report)) list.sort();
      if (dryRun) return report;

      if (newQuestions.length) await tx.question.createMany({ data: newQuestions });
      if (newVersions.length) await tx.questionVersion.createMany({ data: newVersions });
      for (const [currentVersion, ids] of moves)
        await tx.question.updateMany({ where: { id: { in: ids } }, data: { currentVersion, status: QUESTION_STATUS.ACTIVE } });
      if (reactivate.length)
        await tx.question.updateMany({ where: { id: { in: reactivate } }, data: { status: QUESTION_STATUS.ACTIVE } });
      if (report.retired.length)
        await tx.question.updateMany({ where: { id: { in: report.retired } }, data: { status: QUESTION_STATUS.RETIRED } });
      if (newVersions.length) await linkCurrentVersions(tx);

      await audit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: "bank.import",
        entity: "QuestionBank",
        entityId: "bank",
        data: { ...report, added: report.added.length, unchanged: report.unchanged.length },
      });
      return report;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** Point every question at the row of its current version (one portable statement). */
export async function linkCurrentVersions(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE "Question" SET "currentVersionId" = (SELECT v."id" FROM "QuestionVersion" v WHERE v."questionId" = "Question"."id" AND v."version" = "Question"."currentVersion")`,
  );
}

/** The current version of every ACTIVE question, as bank questions ordered by id. */
export async function exportBank(): Promise<BankQuestion[]> {
  return (await activeCurrentVersions(await db())).map(bankQuestionOfRow);
}
