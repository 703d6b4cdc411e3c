// The bank as a spreadsheet for people who review it in Excel: one row per question, Chinese headers.
import { LETTERS } from "../question";
import { CATEGORY_LABEL, INDUSTRY_LABEL, TYPE_LABEL, type BankIndustry } from "../vocabulary";
import type { BankQuestion } from "./types";

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
