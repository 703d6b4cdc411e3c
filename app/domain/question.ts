// A question version as the domain sees it: what the bank holds, what papers pin, what grading reads.
import type { BankIndustry, Category, QuestionType } from "./vocabulary";
import { canonicalJson, sha256Hex } from "./canonical";

export type JudgeAnswer = boolean;
export type SingleAnswer = string; // "A".."E"
export type MultipleAnswer = string[]; // sorted letters
export type Answer = JudgeAnswer | SingleAnswer | MultipleAnswer;

export interface QuestionContent {
  type: QuestionType;
  topic: string;
  stem: string;
  options: string[]; // empty for judge
  answer: Answer;
  explanation: string;
  source: string;
  industry: BankIndustry[];
  audience: Category[];
  difficulty: number; // 1..5
}

/**
 * A pinned, immutable version of a bank question. `versionId` is the database row papers
 * reference; `contentHash` identifies the content itself, so a paper drawn from the YAML bank
 * (no database) and one drawn in the app hash the same.
 */
export interface QuestionVersionRef extends QuestionContent {
  questionId: string; // stable bank id
  version: number;
  versionId: string;
  contentHash: string;
}

/** SHA-256 of the canonical content: equal content, equal hash, whatever the key order. */
export function contentHashOf(c: QuestionContent): string {
  const norm = {
    ...c,
    industry: [...c.industry].sort(),
    audience: [...c.audience].sort(),
    answer: Array.isArray(c.answer) ? [...c.answer].sort() : c.answer,
  };
  return sha256Hex(canonicalJson(norm));
}

export const LETTERS = ["A", "B", "C", "D", "E", "F"] as const;
export const letterOf = (i: number) => LETTERS[i];
export const indexOfLetter = (l: string) => LETTERS.indexOf(l as (typeof LETTERS)[number]);
