// The canonical bank writer: one folder per topic, one file per type, a `defaults` block with the
// file's topic and type and its most common industry, audience and difficulty, and each question
// listing only what differs from the defaults, keys in a fixed order. Deterministic, and
// parseBankFile(format(x)) gives x back.
import { Document, isMap, isSeq, type YAMLMap, type YAMLSeq } from "yaml";
import type { Topic } from "../vocabulary";
import type { BankQuestion } from "./types";

/** Topic → folder under question-bank/ (question-bank/README.md). */
export const TOPIC_FOLDERS: Record<Topic, string> = {
  安全生产法: "work-safety-law",
  刑法: "criminal-law",
  社会保险法: "social-insurance-law",
  职业病防治法: "occupational-disease-law",
  工伤保险条例: "work-injury-insurance",
  工伤预防: "work-injury-prevention",
  职业病预防: "occupational-health",
  矿山安全: "mining-safety",
  机械制造安全: "machinery-safety",
  事故案例: "accident-cases",
  应急救援: "emergency-response",
  安全培训: "safety-training",
};

export interface BankFile {
  /** Relative to the bank folder, e.g. `work-safety-law/single.yaml`. */
  path: string;
  text: string;
}

export function bankFilePath(q: Pick<BankQuestion, "topic" | "type">): string {
  const folder = TOPIC_FOLDERS[q.topic as Topic];
  if (!folder) throw new Error(`no bank folder for topic ${JSON.stringify(q.topic)}`);
  return `${folder}/${q.type}.yaml`;
}

/** The bank as canonical files, sorted by path; questions keep their order within a file. */
export function formatBank(questions: readonly BankQuestion[]): BankFile[] {
  const groups = new Map<string, BankQuestion[]>();
  for (const q of questions) {
    const path = bankFilePath(q);
    const g = groups.get(path);
    if (g) g.push(q);
    else groups.set(path, [q]);
  }
  return [...groups.keys()].sort().map((path) => ({ path, text: formatFile(groups.get(path)!) }));
}

/** One file's text. All questions share a topic and type (formatBank groups them so). */
export function formatFile(questions: readonly BankQuestion[]): string {
  const first = questions[0];
  if (!first) throw new Error("formatFile: a bank file needs at least one question");
  const defaults = {
    topic: first.topic,
    type: first.type,
    industry: mostCommon(questions.map((q) => q.industry)),
    audience: mostCommon(questions.map((q) => q.audience)),
    difficulty: mostCommon(questions.map((q) => q.difficulty)),
  };
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const items = questions.map((q) => {
    const o: Record<string, unknown> = { id: q.id };
    if (q.type !== defaults.type) o.type = q.type;
    o.stem = q.stem;
    if (q.type !== "judge" || q.options.length) o.options = [...q.options];
    o.answer = Array.isArray(q.answer) ? [...q.answer] : q.answer;
    o.explanation = q.explanation;
    o.source = q.source;
    if (q.topic !== defaults.topic) o.topic = q.topic;
    for (const k of ["industry", "audience", "difficulty"] as const) if (!same(q[k], defaults[k])) o[k] = q[k];
    return o;
  });

  const doc = new Document({ defaults, questions: items }, { aliasDuplicateObjects: false });
  flow(doc.getIn(["defaults", "industry"], true), doc.getIn(["defaults", "audience"], true));
  const list = doc.get("questions", true) as YAMLSeq;
  list.items.forEach((item, i) => {
    if (!isMap(item)) return;
    if (i > 0) item.spaceBefore = true;
    flow(item.get("answer", true), item.get("industry", true), item.get("audience", true));
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function flow(...nodes: unknown[]) {
  for (const n of nodes) if (isSeq(n) || isMap(n)) (n as YAMLSeq | YAMLMap).flow = true;
}

/** The most frequent value; ties go to the smallest by JSON text, so the result ignores order. */
function mostCommon<T>(values: readonly T[]): T {
  const counts = new Map<string, { value: T; n: number }>();
  for (const v of values) {
    const k = JSON.stringify(v);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { value: v, n: 1 });
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const v = best[1].value;
  return (Array.isArray(v) ? [...v] : v) as T;
}
