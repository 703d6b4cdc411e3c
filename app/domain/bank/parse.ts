// Reads one bank file (question-bank/README.md) into questions with the file's defaults applied.
// Never throws: malformed YAML, a wrong shape or an unknown field becomes a Problem with its line.
import { LineCounter, parseDocument, visit, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import type { QuestionType } from "../vocabulary";
import * as read from "./readers";
import {
  DEFAULT_FIELDS,
  QUESTION_FIELDS,
  type DefaultField,
  type ParsedQuestion,
  type Problem,
  type QuestionField,
} from "./types";

export interface ParseResult {
  questions: ParsedQuestion[];
  problems: Problem[];
}

type Value = { node: Node | null; line: number };
type Fields = Map<string, Value>;

export function parseBankFile(file: string, text: string): ParseResult {
  const lc = new LineCounter();
  const problems: Problem[] = [];
  const problem = (line: number, field: string, message: string) => problems.push({ file, line, field, message });
  const lineOf = (node: Node | null | undefined, fallback = 1) =>
    node?.range ? lc.linePos(node.range[0]).line : fallback;

  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const lastLine = lc.linePos(text.trimEnd().length).line;
    for (const e of doc.errors) {
      const at = e.code === "MISSING_CHAR" ? (openQuoteBefore(doc, e.pos[0]) ?? e.pos[0]) : e.pos[0];
      const message = e.code === "MULTIPLE_DOCS" ? "a bank file is one YAML document: remove the `---` line" : e.message.split("\n")[0];
      problem(Math.min(lc.linePos(at).line, lastLine), "yaml", message);
    }
    return { questions: [], problems };
  }
  const root = doc.contents as Node | null;
  if (!isMap(root)) {
    problem(lineOf(root), "questions", "a bank file is a mapping with `defaults` (optional) and `questions`");
    return { questions: [], problems };
  }

  const top = entries(root, lineOf, (line, key) => problem(line, key, "unknown top-level key (allowed: defaults, questions)"),
    ["defaults", "questions"]);

  // defaults: read once; a broken default is reported here, not again for every question.
  const defaults = new Map<DefaultField, Value>();
  const brokenDefaults = new Set<string>();
  const d = top.get("defaults");
  if (d && d.node !== null && !(isScalar(d.node) && d.node.value === null)) {
    if (!isMap(d.node)) problem(d.line, "defaults", "expected a mapping of default tags");
    else {
      const fields = entries(d.node, lineOf, (line, key) =>
        problem(line, `defaults.${key}`, `unknown default (allowed: ${DEFAULT_FIELDS.join(", ")})`), DEFAULT_FIELDS);
      for (const [key, v] of fields) {
        const k = key as DefaultField;
        const r = defaultReaders[k](v.node);
        if (r.ok) defaults.set(k, v);
        else {
          brokenDefaults.add(k);
          problem(lineOf(r.node, v.line), k, r.message);
        }
      }
    }
  }

  const q = top.get("questions");
  if (!q) {
    problem(1, "questions", "missing: a bank file lists its questions under `questions:`");
    return { questions: [], problems };
  }
  if (!isSeq(q.node)) {
    problem(q.line, "questions", "expected a list of questions");
    return { questions: [], problems };
  }

  const questions: ParsedQuestion[] = [];
  for (const item of q.node.items as Array<Node | null>) {
    const line = lineOf(item, q.line);
    if (!isMap(item)) {
      problem(line, "questions", "each question is a mapping of fields (id, stem, …)");
      continue;
    }
    const own = entries(item, lineOf, (l, key) =>
      problem(l, key, `unknown field (allowed: ${QUESTION_FIELDS.join(", ")})`), QUESTION_FIELDS);
    const parsed = readQuestion(file, line, own, defaults, brokenDefaults, lineOf, problem);
    if (parsed) questions.push(parsed);
  }
  return { questions, problems };
}

/** An unclosed quote is reported at the end of the file; point at where the quoted text opened. */
function openQuoteBefore(doc: Document.Parsed, pos: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Scalar(_, node) {
      const quoted = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
      if (quoted && node.range && node.range[0] <= pos && node.range[1] >= pos) start = node.range[0];
    },
  });
  return start;
}

const defaultReaders: Record<DefaultField, read.Reader<unknown>> = {
  topic: read.text,
  type: read.questionType,
  industry: read.industries,
  audience: read.audiences,
  difficulty: read.number,
};

/** A mapping's entries by key; keys outside `allowed` are reported and skipped. */
function entries(
  map: YAMLMap,
  lineOf: (n: Node | null | undefined, fallback?: number) => number,
  unknown: (line: number, key: string) => void,
  allowed: readonly string[],
): Fields {
  const out: Fields = new Map();
  for (const pair of map.items as Array<Pair<Node | null, Node | null>>) {
    const line = lineOf(pair.key, lineOf(pair.value));
    const key = isScalar(pair.key) ? String(pair.key.value) : "?";
    if (!allowed.includes(key)) unknown(line, key);
    else out.set(key, { node: pair.value, line });
  }
  return out;
}

function readQuestion(
  file: string,
  line: number,
  own: Fields,
  defaults: Map<DefaultField, Value>,
  brokenDefaults: Set<string>,
  lineOf: (n: Node | null | undefined, fallback?: number) => number,
  problem: (line: number, field: string, message: string) => void,
): ParsedQuestion | null {
  let failed = false;
  const lines: Partial<Record<QuestionField, number>> = {};
  function field<T>(name: QuestionField, reader: read.Reader<T>, fallback?: T): T | undefined {
    const v = own.get(name) ?? defaults.get(name as DefaultField);
    if (!v) {
      if (fallback !== undefined) return fallback;
      failed = true;
      if (!brokenDefaults.has(name)) {
        const where = (DEFAULT_FIELDS as readonly string[]).includes(name) ? " (set it on the question or in defaults)" : "";
        problem(line, name, `missing${where}`);
      }
      return undefined;
    }
    lines[name] = v.line;
    const r = reader(v.node);
    if (r.ok) return r.value;
    failed = true;
    problem(lineOf(r.node, v.line), name, r.message);
    return undefined;
  }

  const id = field("id", read.text);
  const type = field<QuestionType>("type", read.questionType);
  const stem = field("stem", read.text);
  const options = field("options", read.options, []);
  const answer = type ? field("answer", read.answerOf(type)) : undefined;
  const explanation = field("explanation", read.text);
  const source = field("source", read.text);
  const topic = field("topic", read.text);
  const industry = field("industry", read.industries);
  const audience = field("audience", read.audiences);
  const difficulty = field("difficulty", read.number);
  if (failed || !type) return null;
  return {
    id: id!, type, stem: stem!, options: options!, answer: answer!, explanation: explanation!, source: source!,
    topic: topic!, industry: industry!, audience: audience!, difficulty: difficulty!,
    file, line, lines,
  };
}
