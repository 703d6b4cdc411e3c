// Question rows ↔ the domain's question shapes: the one place that knows `options`/`answer` are
// JSON text and `industries`/`audiences` are comma strings like ",general,mining,".
import type { Prisma, QuestionVersion } from "../generated/sqlite/client";
import type { Answer, QuestionContent, QuestionVersionRef } from "../domain/question";
import type { BankIndustry, Category, QuestionType } from "../domain/vocabulary";
import type { BankQuestion } from "../domain/bank/types";
import type { Db, Tx } from "../utils/db.server";

export const QUESTION_STATUS = { ACTIVE: "ACTIVE", RETIRED: "RETIRED" } as const;

/** ["general", "mining"] → ",general,mining," (so `contains: ",mining,"` finds a tag). */
export const tagsColumn = (tags: readonly string[]) => (tags.length ? `,${tags.join(",")},` : "");
export const tagsOf = (column: string) => column.split(",").filter(Boolean);

/** The columns of a QuestionVersion row for this content (the row's id is left to Prisma). */
export function versionRowOf(
  questionId: string,
  version: number,
  content: QuestionContent,
  contentHash: string,
  createdBy: string,
): Prisma.QuestionVersionCreateManyInput {
  return {
    questionId,
    version,
    contentHash,
    type: content.type,
    topic: content.topic,
    stem: content.stem,
    options: JSON.stringify(content.options),
    answer: JSON.stringify(content.answer),
    explanation: content.explanation,
    source: content.source,
    industries: tagsColumn(content.industry),
    audiences: tagsColumn(content.audience),
    difficulty: content.difficulty,
    createdBy,
  };
}

export function contentOfRow(row: QuestionVersion): QuestionContent {
  return {
    type: row.type as QuestionType,
    topic: row.topic,
    stem: row.stem,
    options: JSON.parse(row.options) as string[],
    answer: JSON.parse(row.answer) as Answer,
    explanation: row.explanation,
    source: row.source,
    industry: tagsOf(row.industries) as BankIndustry[],
    audience: tagsOf(row.audiences) as Category[],
    difficulty: row.difficulty,
  };
}

/** A QuestionVersion row as the pinned version papers and grading use. */
export function toVersionRef(row: QuestionVersion): QuestionVersionRef {
  return { questionId: row.questionId, version: row.version, versionId: row.id, contentHash: row.contentHash, ...contentOfRow(row) };
}

export const bankQuestionOfRow = (row: QuestionVersion): BankQuestion => ({ id: row.questionId, ...contentOfRow(row) });

/** The current version of every ACTIVE question, ordered by question id. */
export async function activeCurrentVersions(client: Db | Tx): Promise<QuestionVersion[]> {
  const rows = await client.questionVersion.findMany({
    where: { question: { status: QUESTION_STATUS.ACTIVE } },
    include: { question: { select: { currentVersion: true } } },
    orderBy: [{ questionId: "asc" }, { version: "asc" }],
  });
  return rows.filter((r) => r.version === r.question.currentVersion).map(({ question: _q, ...row }) => row);
}
