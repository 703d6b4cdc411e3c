// Grading a stored attempt: a pure function (app/domain/grading.ts) of the pinned versions, the
// stored responses and the paper's scoring rule. Used at submit and for regrades.
import { contentOfRow } from "~/data/questions.server";
import type { BlueprintSpec } from "~/domain/blueprint";
import { gradeAttempt, type Grade } from "~/domain/grading";
import type { Answer } from "~/domain/question";
import type { QuestionType } from "~/domain/vocabulary";
import type { Tx } from "~/utils/db.server";

export async function gradeStored(tx: Tx, attemptId: string): Promise<Grade> {
  const a = await tx.attempt.findUniqueOrThrow({
    where: { id: attemptId },
    include: { responses: true, paper: { include: { items: { include: { questionVersion: true } } } } },
  });
  const spec = JSON.parse(a.paper.blueprintSpec) as BlueprintSpec;
  const responses = new Map<number, Answer | null>(a.responses.map((r) => [r.position, JSON.parse(r.answer) as Answer | null]));
  return gradeAttempt({
    items: a.paper.items.map((i) => {
      const q = contentOfRow(i.questionVersion);
      return { position: i.position, section: i.section as QuestionType, points: i.points, topic: q.topic, type: q.type, answer: q.answer, voided: (i.voided as "CREDIT" | "DROP" | null) ?? null };
    }),
    responses,
    scoring: spec.multipleScoring,
    totalPoints: spec.totalPoints,
    passMark: spec.passMark,
  });
}

/** Grade and store the result on the attempt (inside the caller's transaction). */
export async function gradeAndStore(tx: Tx, attemptId: string): Promise<Grade> {
  const g = await gradeStored(tx, attemptId);
  await tx.attempt.update({
    where: { id: attemptId },
    data: { score: g.score, maxScore: g.maxScore, passed: g.passed, gradedAt: new Date(), gradeDetail: JSON.stringify({ sections: g.sections, topics: g.topics }) },
  });
  return g;
}
