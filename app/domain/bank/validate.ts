// The rules of question-bank/README.md. parse.ts has already checked the shape of every field
// (text, list, number, the closed type/industry/audience lists); here: the rules on values, on a
// question as a whole, and on the bank (unique ids, near-duplicate stems).
import { LETTERS } from "../question";
import { TOPICS, isOneOf } from "../vocabulary";
import { findNearDuplicates, normaliseStem } from "./near-duplicates";
import { parseBankFile } from "./parse";
import { sortProblems, type ParsedQuestion, type Problem, type QuestionField } from "./types";

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A citation names the cited text in 《》: 《安全生产法》第二十一条, 《GB 30871-2022》5.1. */
export const CITATION_PATTERN = /《[^《》\s][^《》]*》/;
export const OPTION_COUNTS = { judge: [0, 0], single: [3, 4], multiple: [4, 5] } as const;
const TYPE_NAME = { judge: "judge", single: "single-choice", multiple: "multiple-choice" } as const;

/** Parse and validate a whole bank: every file, then the rules across files. */
export function validateBank(files: ReadonlyArray<{ file: string; text: string }>) {
  const questions: ParsedQuestion[] = [];
  const problems: Problem[] = [];
  for (const f of files) {
    const r = parseBankFile(f.file, f.text);
    questions.push(...r.questions);
    problems.push(...r.problems);
  }
  return { questions, problems: sortProblems(dedupe([...problems, ...validateQuestions(questions)])) };
}

/** The value, question and bank rules for parsed questions. */
export function validateQuestions(questions: readonly ParsedQuestion[]): Problem[] {
  return sortProblems(dedupe([...questions.flatMap(checkQuestion), ...checkIds(questions), ...checkStems(questions)]));
}

export function checkQuestion(q: ParsedQuestion): Problem[] {
  const out: Problem[] = [];
  const report = (field: QuestionField, message: string) =>
    out.push({ file: q.file, line: q.lines[field] ?? q.line, field, message });

  if (!ID_PATTERN.test(q.id))
    report("id", `${JSON.stringify(q.id)} is not a valid id: use lowercase letters, digits and "-" (e.g. aqf-s-001)`);
  for (const f of ["stem", "explanation", "source"] as const) if (!q[f].trim()) report(f, "is empty");
  // PostgreSQL cannot store a NUL character in text (and no question needs one).
  for (const f of ["stem", "explanation", "source"] as const) if (q[f].includes("\0")) report(f, "contains a NUL character (\\0): remove it");
  if (q.options.some((o) => o.includes("\0"))) report("options", "an option contains a NUL character (\\0): remove it");
  if (q.source.trim() && !CITATION_PATTERN.test(q.source))
    report("source", `${JSON.stringify(q.source)} does not cite a text: name the law or standard in 《》, e.g. 《安全生产法》第二十一条`);
  if (!isOneOf(TOPICS, q.topic)) report("topic", `unknown topic ${JSON.stringify(q.topic)} (allowed: ${TOPICS.join(", ")})`);
  if (!Number.isInteger(q.difficulty) || q.difficulty < 1 || q.difficulty > 5)
    report("difficulty", `must be a whole number from 1 to 5, got ${q.difficulty}`);
  for (const f of ["industry", "audience"] as const) {
    if (q[f].length === 0) report(f, "needs at least one tag");
    for (const t of repeated(q[f])) report(f, `${t} is listed twice`);
  }
  checkOptions(q, report);
  checkAnswer(q, report);
  return out;
}

function checkOptions(q: ParsedQuestion, report: (f: QuestionField, m: string) => void) {
  const n = q.options.length;
  const [min, max] = OPTION_COUNTS[q.type];
  if (q.type === "judge" && n > 0) report("options", `judge questions take no options, has ${n}`);
  else if (n < min || n > max) report("options", `${TYPE_NAME[q.type]} needs ${min}–${max} options, has ${n}`);
  q.options.forEach((o, i) => {
    if (!o.trim()) report("options", `option ${LETTERS[i] ?? i + 1} is empty`);
  });
  const seen = new Map<string, number>();
  q.options.forEach((o, i) => {
    const key = o.trim();
    const j = seen.get(key);
    if (key && j !== undefined) report("options", `options ${LETTERS[j]} and ${LETTERS[i] ?? i + 1} are the same text`);
    else seen.set(key, i);
  });
}

function checkAnswer(q: ParsedQuestion, report: (f: QuestionField, m: string) => void) {
  if (q.type === "judge") return; // parse.ts accepted only true/false
  const letters = LETTERS.slice(0, Math.min(q.options.length, LETTERS.length));
  const range = letters.length ? `options are ${letters[0]}–${letters[letters.length - 1]}` : "there are no options";
  const given = Array.isArray(q.answer) ? q.answer : [String(q.answer)];
  for (const l of new Set(given))
    if (!(letters as readonly string[]).includes(l)) report("answer", `${JSON.stringify(l)} is not an option letter (${range})`);
  if (q.type === "multiple") {
    for (const l of repeated(given)) report("answer", `${l} is listed twice`);
    const distinct = new Set(given).size;
    if (distinct < 2) report("answer", `a multiple-choice question needs at least 2 correct letters, has ${distinct}`);
  }
}

function checkIds(questions: readonly ParsedQuestion[]): Problem[] {
  const first = new Map<string, ParsedQuestion>();
  const out: Problem[] = [];
  for (const q of questions) {
    const f = first.get(q.id);
    if (!f) first.set(q.id, q);
    else out.push({ file: q.file, line: q.lines.id ?? q.line, field: "id", message: `duplicate id ${JSON.stringify(q.id)} (first at ${f.file}:${f.line})` });
  }
  return out;
}

function checkStems(questions: readonly ParsedQuestion[]): Problem[] {
  return findNearDuplicates(questions.map((q) => q.stem)).map(({ first, second, similarity }) => {
    const a = questions[first];
    const b = questions[second];
    const what = normaliseStem(a.stem) === normaliseStem(b.stem)
      ? "same stem as"
      : `near-duplicate stem (similarity ${similarity.toFixed(2)}) of`;
    return { file: b.file, line: b.lines.stem ?? b.line, field: "stem", message: `${what} ${a.id} (${a.file}:${a.line})` };
  });
}

function repeated<T>(xs: readonly T[]): T[] {
  const seen = new Set<T>();
  const twice = new Set<T>();
  for (const x of xs) (seen.has(x) ? twice : seen).add(x);
  return [...twice];
}

function dedupe(ps: Problem[]): Problem[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.file}\0${p.line}\0${p.field}\0${p.message}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
