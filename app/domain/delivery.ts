// What the kiosk sees: the paper in a per-candidate seeded order, without answers (issue 5).
// KioskItem is built only from DeliveryItem, which has no answer or explanation field, so the
// answer key cannot leak through this module whatever the caller passes.
//
// Order: sections keep the paper's order (judge, single, multiple). Within a section the items
// are shuffled with shuffleFor(`${seed}|section|${section}`), and each item's options with
// shuffleFor(`${seed}|item|${position}`) (draw.ts: seedrandom over the stored attempt seed), so an
// auditor can re-derive any candidate's order, and one item's option order does not depend on
// the rest of the paper.
import { shuffleFor } from "./draw";
import { LETTERS, indexOfLetter, letterOf, type Answer } from "./question";
import { QUESTION_TYPES, TYPE_LABEL, type QuestionType } from "./vocabulary";

export interface DeliveryItem {
  position: number; // paper position, the key the kiosk saves under
  section: QuestionType;
  stem: string;
  options: string[];
}

export interface KioskOption {
  key: string; // canonical letter, e.g. "C": what the kiosk saves
  label: string; // display letter A, B… in this candidate's order
  text: string;
}

export interface KioskItem {
  position: number;
  index: number; // 1-based display order
  section: QuestionType;
  stem: string;
  options: KioskOption[]; // empty for judge: the kiosk renders 正确/错误 and saves a boolean
}

export function kioskPaper(items: DeliveryItem[], shuffleSeed: string): KioskItem[] {
  const out: KioskItem[] = [];
  for (const section of QUESTION_TYPES) {
    const inSection = items.filter((i) => i.section === section).sort((a, b) => a.position - b.position);
    for (const at of shuffleFor(`${shuffleSeed}|section|${section}`, inSection.length)) {
      const item = inSection[at];
      const options =
        section === "judge"
          ? []
          : shuffleFor(`${shuffleSeed}|item|${item.position}`, item.options.length).map((from, shown) => ({
              key: letterOf(from),
              label: letterOf(shown),
              text: item.options[from],
            }));
      out.push({ position: item.position, index: out.length + 1, section, stem: item.stem, options });
    }
  }
  return out;
}

export type AnswerError = { error: string };
export const isAnswerError = (x: Answer | null | AnswerError): x is AnswerError =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * Validates what a kiosk sends for one item. null clears the answer. Judge: a boolean. Single:
 * one canonical letter within the option count. Multiple: an array of distinct valid letters,
 * returned sorted; an empty array clears (null). Letters are case-insensitive. Pass the item's
 * option count; without it any of A–F is accepted.
 */
export function normaliseAnswer(section: QuestionType, raw: unknown, optionCount: number = LETTERS.length): Answer | null | AnswerError {
  const name = TYPE_LABEL[section]?.zh ?? String(section);
  if (raw === undefined) return { error: "缺少答案（清除作答请发送 null）" };
  if (raw === null) return null;
  const count = Math.max(0, Math.min(LETTERS.length, Math.floor(optionCount)));
  const range = count > 0 ? `A–${letterOf(count - 1)}` : "（本题没有选项）";
  const letter = (x: unknown): string | null => {
    if (typeof x !== "string") return null;
    const l = x.trim().toUpperCase();
    const i = indexOfLetter(l);
    return i >= 0 && i < count ? l : null;
  };
  const shown = (x: unknown) => (typeof x === "string" ? `“${x}”` : JSON.stringify(x) ?? String(x));

  switch (section) {
    case "judge":
      return typeof raw === "boolean" ? raw : { error: `${name}答案须为 true（正确）或 false（错误），收到 ${shown(raw)}` };
    case "single": {
      if (raw === "") return null;
      const l = letter(raw);
      return l ?? { error: `${name}答案须为一个选项字母 ${range}，收到 ${shown(raw)}` };
    }
    case "multiple": {
      if (!Array.isArray(raw)) return { error: `${name}答案须为选项字母的数组（${range}），收到 ${shown(raw)}` };
      const picks = new Set<string>();
      for (const x of raw) {
        const l = letter(x);
        if (!l) return { error: `${name}答案含无效选项 ${shown(x)}，选项须为 ${range}` };
        picks.add(l);
      }
      return picks.size === 0 ? null : [...picks].sort();
    }
    default:
      return { error: `未知题型：${String(section)}` };
  }
}
