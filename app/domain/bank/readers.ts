// Readers turn one YAML value node into a typed field value, or say why they cannot. They check
// the shape (text, list, number, true/false) and the closed vocabularies the types need; every
// other rule is in validate.ts, which sees the typed question.
import { isScalar, isSeq, isMap, type Node } from "yaml";
import { BANK_INDUSTRIES, CATEGORIES, QUESTION_TYPES, isOneOf } from "../vocabulary";
import type { Answer } from "../question";
import type { BankIndustry, Category, QuestionType } from "../vocabulary";

export type Read<T> = { ok: true; value: T } | { ok: false; message: string; node?: Node };
export type Reader<T> = (node: Node | null) => Read<T>;

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(message: string, node?: Node): Read<T> => ({ ok: false, message, node });

function kindOf(node: Node | null): string {
  if (node === null || (isScalar(node) && node.value === null)) return "nothing";
  if (isSeq(node)) return "a list";
  if (isMap(node)) return "a mapping";
  if (isScalar(node)) return JSON.stringify(node.value);
  return "an unsupported value";
}

/**
 * Text. An unquoted number or true/false is taken as written (`- 30` is the option "30"); an empty
 * value is "", so validate.ts reports every empty text the same way.
 */
export const text: Reader<string> = (node) => {
  if (node === null) return ok("");
  if (!isScalar(node)) return fail(`expected text, got ${kindOf(node)}`, node);
  const v = node.value;
  if (v === null) return ok("");
  if (typeof v === "string") return ok(v);
  if ((typeof v === "number" || typeof v === "boolean") && node.source !== undefined) return ok(node.source);
  return fail(`expected text, got ${kindOf(node)}`, node);
};

/** A list of texts; an empty value is an empty list. */
export function textList(what: string): Reader<string[]> {
  return (node) => {
    if (node === null || (isScalar(node) && node.value === null)) return ok([]);
    if (!isSeq(node)) return fail(`expected a list of ${what}, got ${kindOf(node)}`, node);
    const out: string[] = [];
    for (const item of node.items as Array<Node | null>) {
      const r = isSeq(item) || isMap(item) ? fail<string>(`each of the ${what} must be text, got ${kindOf(item)}`, item ?? undefined) : text(item);
      if (!r.ok) return r.node ? r : fail(r.message, node);
      out.push(r.value);
    }
    return ok(out);
  };
}

/** One word out of a closed list. */
function oneOf<T extends string>(list: readonly T[]): Reader<T> {
  return (node) => {
    const r = text(node);
    if (!r.ok) return r;
    if (!isOneOf(list, r.value)) return fail(`unknown value ${JSON.stringify(r.value)} (allowed: ${list.join(", ")})`, node ?? undefined);
    return ok(r.value);
  };
}

/** Tags out of a closed list: a YAML list, or one bare word for a single tag. */
function tagList<T extends string>(list: readonly T[]): Reader<T[]> {
  const words = textList(`tags (${list.join(", ")})`);
  return (node) => {
    const r = isScalar(node) && node.value !== null ? text(node) : null;
    const all = r ? (r.ok ? ok([r.value]) : r) : words(node);
    if (!all.ok) return all;
    const unknown = all.value.filter((v) => !isOneOf(list, v));
    if (unknown.length)
      return fail(`unknown value ${unknown.map((u) => JSON.stringify(u)).join(", ")} (allowed: ${list.join(", ")})`, node ?? undefined);
    return ok(all.value as T[]);
  };
}

export const questionType = oneOf(QUESTION_TYPES);
export const industries = tagList<BankIndustry>(BANK_INDUSTRIES);
export const audiences = tagList<Category>(CATEGORIES);
export const options = textList("option texts");

export const number: Reader<number> = (node) => {
  if (isScalar(node) && typeof node.value === "number") return ok(node.value);
  return fail(`expected a whole number 1–5, got ${kindOf(node)}`, node ?? undefined);
};

/** The answer's shape depends on the type: true/false, one letter, or a list of letters (sorted). */
export function answerOf(type: QuestionType): Reader<Answer> {
  return (node) => {
    if (type === "judge") {
      if (isScalar(node) && typeof node.value === "boolean") return ok(node.value);
      return fail(`a judge answer must be true or false, got ${kindOf(node)}`, node ?? undefined);
    }
    if (type === "single") {
      if (isSeq(node)) return fail("a single-choice answer is one letter, got a list", node);
      const r = text(node);
      if (r.ok && r.value === "") return fail("is empty", node ?? undefined);
      return r;
    }
    if (isScalar(node) && node.value !== null)
      return fail(`a multiple-choice answer is a list of letters such as [A, C], got ${kindOf(node)}`, node);
    const r = textList("answer letters")(node);
    return r.ok ? ok([...r.value].sort()) : r;
  };
}
