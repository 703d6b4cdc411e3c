// The bank as a spreadsheet for people who review it in Excel: one row per question, Chinese headers.
import { LETTERS, type Answer } from "../question";
import {
  BANK_INDUSTRIES,
  CATEGORIES,
  CATEGORY_LABEL,
  INDUSTRY_LABEL,
  QUESTION_TYPES,
  TYPE_LABEL,
  type BankIndustry,
  type Category,
  type QuestionType,
} from "../vocabulary";
import { QUESTION_FIELDS, type BankQuestion, type ParsedQuestion, type Problem, type QuestionField } from "./types";

export const MAX_OPTIONS = 5;
export const BANK_SHEET_HEADERS = [
  "编号",
  "题型",
  "题干",
  ...LETTERS.slice(0, MAX_OPTIONS).map((l) => `选项${l}`),
  "答案",
  "解析",
  "知识点",
  "依据",
  "行业",
  "适用人员",
  "难度",
];

const BANK_INDUSTRY_LABEL: Record<BankIndustry, string> = {
  general: "通用",
  mining: INDUSTRY_LABEL.MINING.zh,
  machinery: INDUSTRY_LABEL.MACHINERY.zh,
};

/** 正确/错误 for judge, the letter(s) otherwise: "B", "ACD". */
export function answerText(q: Pick<BankQuestion, "answer">): string {
  if (typeof q.answer === "boolean") return q.answer ? "正确" : "错误";
  return Array.isArray(q.answer) ? q.answer.join("") : q.answer;
}

export function bankSheetRow(q: BankQuestion): Array<string | number> {
  return [
    q.id,
    TYPE_LABEL[q.type].zh,
    q.stem,
    ...Array.from({ length: MAX_OPTIONS }, (_, i) => q.options[i] ?? ""),
    answerText(q),
    q.explanation,
    q.topic,
    q.source,
    q.industry.map((i) => BANK_INDUSTRY_LABEL[i]).join("、"),
    q.audience.map((c) => CATEGORY_LABEL[c].zh).join("、"),
    q.difficulty,
  ];
}

// ───────────── reading the sheet back (upload) ─────────────
// The reverse of bankSheetRow: rows of the exported sheet (or one people filled in by hand) →
// questions with the row's line on every field, so validate.ts problems point at "file:line".
// Lenient on wording people type (判断/判断题/judge, 对/错, "A、C", 矿山/mining), strict on meaning.

/** The Chinese name of each question field: the sheet's headers, also used to label problems. */
export const FIELD_LABEL: Record<QuestionField, string> = {
  id: "编号",
  type: "题型",
  stem: "题干",
  options: "选项",
  answer: "答案",
  explanation: "解析",
  topic: "知识点",
  source: "依据",
  industry: "行业",
  audience: "适用人员",
  difficulty: "难度",
};

/** One spreadsheet row as read from the file: 1-based line (header is line 1), header → text. */
export interface SheetRow {
  line: number;
  cells: Record<string, string>;
}

const REQUIRED_HEADERS = ["编号", "题型", "题干", "答案", "解析", "知识点", "依据", "行业", "适用人员", "难度"];
const OPTION_HEADERS = LETTERS.slice(0, MAX_OPTIONS).map((l) => `选项${l}`);

const TYPE_WORDS: Record<string, QuestionType> = {};
for (const t of QUESTION_TYPES) {
  TYPE_WORDS[t] = t;
  TYPE_WORDS[TYPE_LABEL[t].zh] = t;
  TYPE_WORDS[TYPE_LABEL[t].zh.replace(/题$/, "")] = t;
}
const INDUSTRY_WORDS: Record<string, BankIndustry> = { 通用: "general", 矿山: "mining", 机械制造: "machinery", 机械: "machinery" };
for (const i of BANK_INDUSTRIES) INDUSTRY_WORDS[i] = i;
const CATEGORY_WORDS: Record<string, Category> = { 分管负责人: "SAFETY_LEADER", 安全管理人员: "SAFETY_MANAGER" };
for (const c of CATEGORIES) {
  CATEGORY_WORDS[c] = c;
  CATEGORY_WORDS[CATEGORY_LABEL[c].zh] = c;
}
const TRUE_WORDS = new Set(["正确", "对", "是", "√", "✓", "true", "t", "y", "yes"]);
const FALSE_WORDS = new Set(["错误", "错", "否", "×", "✗", "x", "false", "f", "n", "no"]);
const LIST_SEPARATORS = /[、,，;；/\s]+/u;

/**
 * Rows → questions. A row whose cells are all empty is skipped. A cell that cannot be read (an
 * unknown type, a tag outside the list, a difficulty that is not a number) is a problem on that
 * row; rows with such problems are left out, so the caller must not import when `problems` is
 * non-empty. Rule checks (options per type, answer letters, citations…) are validate.ts's job.
 */
export function readBankSheet(file: string, headers: readonly string[], rows: readonly SheetRow[]): { questions: ParsedQuestion[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const present = new Set(headers.map((h) => h.trim()));
  const missing = REQUIRED_HEADERS.filter((h) => !present.has(h));
  if (missing.length) {
    problems.push({ file, line: 1, field: "header", message: `缺少列：${missing.join("、")}（表头须与导出的题库表一致）` });
    return { questions: [], problems };
  }
  const questions: ParsedQuestion[] = [];
  for (const row of rows) {
    const cell = (h: string) => (row.cells[h] ?? "").trim();
    if (Object.values(row.cells).every((v) => !v.trim())) continue;
    const line = row.line;
    let failed = false;
    const problem = (field: QuestionField, message: string) => {
      failed = true;
      problems.push({ file, line, field, message });
    };

    const typeText = cell("题型");
    const type = TYPE_WORDS[typeText] ?? TYPE_WORDS[typeText.toLowerCase()];
    if (!type) problem("type", typeText ? `未知题型“${typeText}”（可用：判断题、单选题、多选题）` : "is empty");

    // Options: keep everything up to the last filled column, so a gap is reported as an empty option.
    const cells = OPTION_HEADERS.map(cell);
    let last = cells.length - 1;
    while (last >= 0 && !cells[last]) last--;
    const options = cells.slice(0, last + 1);

    const answerText = cell("答案");
    let answer: Answer | undefined;
    if (type === "judge") {
      const w = answerText.toLowerCase();
      if (TRUE_WORDS.has(w)) answer = true;
      else if (FALSE_WORDS.has(w)) answer = false;
      else problem("answer", answerText ? `判断题答案须为“正确”或“错误”，而不是“${answerText}”` : "is empty");
    } else if (type) {
      const letters = answerText.toUpperCase().replace(/[、,，;；\s]+/gu, "").split("");
      if (!letters.length) problem("answer", "is empty");
      else if (type === "single") {
        if (letters.length > 1) problem("answer", `单选题只有一个正确答案，而不是“${answerText}”`);
        else answer = letters[0];
      } else answer = [...letters].sort();
    }

    const tags = <T extends string>(field: "industry" | "audience", header: string, words: Record<string, T>): T[] => {
      const text = cell(header);
      const out: T[] = [];
      const unknown: string[] = [];
      for (const w of text.split(LIST_SEPARATORS).filter(Boolean)) {
        const v = words[w] ?? words[w.toLowerCase()] ?? words[w.toUpperCase()];
        if (v) out.push(v);
        else unknown.push(w);
      }
      if (unknown.length) problem(field, `无法识别“${unknown.join("、")}”（可用：${[...new Set(Object.keys(words).filter((k) => /\p{Script=Han}/u.test(k)))].join("、")}）`);
      return out;
    };
    const industry = tags("industry", "行业", INDUSTRY_WORDS);
    const audience = tags("audience", "适用人员", CATEGORY_WORDS);

    const diffText = cell("难度");
    const difficulty = Number(diffText);
    if (!diffText || !Number.isFinite(difficulty)) problem("difficulty", diffText ? `难度须为 1–5 的整数，而不是“${diffText}”` : "is empty");

    if (failed || !type || answer === undefined) continue;
    const lines = Object.fromEntries(QUESTION_FIELDS.map((f) => [f, line])) as Record<QuestionField, number>;
    questions.push({
      id: cell("编号"),
      type,
      stem: cell("题干"),
      options,
      answer,
      explanation: cell("解析"),
      source: cell("依据"),
      topic: cell("知识点"),
      industry,
      audience,
      difficulty,
      file,
      line,
      lines,
    });
  }
  return { questions, problems };
}
