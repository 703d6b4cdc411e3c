// The bank as the tooling sees it: a question is its content plus its stable id; a parsed
// question also knows where it came from, so every problem can point at a file and line.
import type { QuestionContent } from "../question";

/** A question as the bank holds it: stable id + content (what import and export exchange). */
export interface BankQuestion extends QuestionContent {
  id: string;
}

/** The YAML fields of a question, in the canonical order the writer uses. */
export const QUESTION_FIELDS = [
  "id",
  "type",
  "stem",
  "options",
  "answer",
  "explanation",
  "source",
  "topic",
  "industry",
  "audience",
  "difficulty",
] as const;
export type QuestionField = (typeof QUESTION_FIELDS)[number];

/** The fields a file's `defaults` block may set, in canonical order. */
export const DEFAULT_FIELDS = ["topic", "type", "industry", "audience", "difficulty"] as const;
export type DefaultField = (typeof DEFAULT_FIELDS)[number];

/** A question read from a file; `lines` gives each field's line (a defaulted field: the default's). */
export interface ParsedQuestion extends BankQuestion {
  file: string;
  line: number;
  lines: Partial<Record<QuestionField, number>>;
}

export interface Problem {
  file: string;
  line: number;
  field: string;
  message: string;
}

export const formatProblem = (p: Problem) => `${p.file}:${p.line}: ${p.field}: ${p.message}`;

/** Problems in reading order: by file, then line, then field. */
export function sortProblems(ps: Problem[]): Problem[] {
  return [...ps].sort(
    (a, b) => cmp(a.file, b.file) || a.line - b.line || cmp(a.field, b.field) || cmp(a.message, b.message),
  );
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The content of a question, without its id or position (what contentHashOf hashes). */
export function contentOf(q: QuestionContent): QuestionContent {
  return {
    type: q.type,
    topic: q.topic,
    stem: q.stem,
    options: [...q.options],
    answer: Array.isArray(q.answer) ? [...q.answer] : q.answer,
    explanation: q.explanation,
    source: q.source,
    industry: [...q.industry],
    audience: [...q.audience],
    difficulty: q.difficulty,
  };
}

/** Drop file positions: a parsed question as plain bank data. */
export const bankQuestionOf = (q: BankQuestion): BankQuestion => ({ id: q.id, ...contentOf(q) });
