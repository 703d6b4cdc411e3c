// Every error kind, from the broken fixtures: exact file, line, field and message.
import { join } from "node:path";
import { loadBankDir } from "../../scripts/lib/bank-files";
import { formatProblem, type Problem } from "~/domain/bank/types";
import { validateBank } from "~/domain/bank/validate";
import { TOPICS } from "~/domain/vocabulary";

const FIXTURES = join(__dirname, "../fixtures/bank");
const where = (p: Problem) => `${p.file}:${p.line}: ${p.field}`;
const TOPIC_LIST = TOPICS.join(", ");

describe("broken fixtures", () => {
  const { questions, problems } = loadBankDir(join(FIXTURES, "broken"));
  const inFile = (f: string) => problems.filter((p) => p.file === f).map(formatProblem);

  test("malformed YAML: reported at the line where the quote opened", () => {
    expect(inFile("syntax.yaml")).toEqual(['syntax.yaml:6: yaml: Missing closing "quote']);
  });

  test("a field written twice in one question is a YAML error on the second", () => {
    expect(inFile("duplicate-key.yaml")).toEqual(["duplicate-key.yaml:13: yaml: Map keys must be unique"]);
  });

  test("file shape: not a mapping, no questions, questions not a list", () => {
    expect(inFile("root-list.yaml")).toEqual([
      "root-list.yaml:1: questions: a bank file is a mapping with `defaults` (optional) and `questions`",
    ]);
    expect(inFile("no-questions.yaml")).toEqual([
      "no-questions.yaml:1: questions: missing: a bank file lists its questions under `questions:`",
    ]);
    expect(inFile("questions-not-list.yaml")).toEqual(["questions-not-list.yaml:3: questions: expected a list of questions"]);
    expect(inFile("defaults-not-map.yaml")).toEqual(["defaults-not-map.yaml:1: defaults: expected a mapping of default tags"]);
  });

  test("structure: bad default, unknown default, a question that is not a mapping, unknown top-level key", () => {
    expect(inFile("structure.yaml")).toEqual([
      'structure.yaml:3: type: unknown value "essay" (allowed: judge, single, multiple)',
      "structure.yaml:4: defaults.level: unknown default (allowed: topic, type, industry, audience, difficulty)",
      "structure.yaml:15: questions: each question is a mapping of fields (id, stem, …)",
      "structure.yaml:16: extra: unknown top-level key (allowed: defaults, questions)",
    ]);
  });

  test("fields: unknown, missing, wrong shape, outside the vocabulary", () => {
    expect(inFile("fields.yaml")).toEqual([
      "fields.yaml:14: note: unknown field (allowed: id, type, stem, options, answer, explanation, source, topic, industry, audience, difficulty)",
      "fields.yaml:15: explanation: missing",
      "fields.yaml:21: stem: expected text, got a list",
      'fields.yaml:28: options: expected a list of option texts, got "甲乙丙"',
      'fields.yaml:33: type: unknown value "essay" (allowed: judge, single, multiple)',
      'fields.yaml:44: industry: unknown value "coal" (allowed: general, mining, machinery)',
      'fields.yaml:51: audience: unknown value "BOSS" (allowed: SAFETY_LEADER, SAFETY_MANAGER, TEAM_LEADER)',
      'fields.yaml:58: difficulty: expected a whole number 1–5, got "hard"',
      'fields.yaml:62: answer: a judge answer must be true or false, got "正确"',
      "fields.yaml:68: answer: a single-choice answer is one letter, got a list",
      'fields.yaml:75: answer: a multiple-choice answer is a list of letters such as [A, C], got "A"',
      "fields.yaml:82: options: each of the option texts must be text, got a list",
    ]);
  });

  test("rules: id, empty texts, option counts, answers, citation, topic, difficulty, tags", () => {
    expect(inFile("rules.yaml")).toEqual([
      'rules.yaml:8: id: "RU_001" is not a valid id: use lowercase letters, digits and "-" (e.g. aqf-s-001)',
      "rules.yaml:15: stem: is empty",
      "rules.yaml:18: explanation: is empty",
      "rules.yaml:19: source: is empty",
      "rules.yaml:22: options: single-choice needs 3–4 options, has 5",
      "rules.yaml:28: options: single-choice needs 3–4 options, has 2",
      "rules.yaml:35: options: multiple-choice needs 4–5 options, has 3",
      "rules.yaml:42: options: multiple-choice needs 4–5 options, has 6",
      "rules.yaml:49: options: judge questions take no options, has 2",
      'rules.yaml:56: answer: "E" is not an option letter (options are A–D)',
      "rules.yaml:63: answer: A is listed twice",
      "rules.yaml:63: answer: a multiple-choice question needs at least 2 correct letters, has 1",
      "rules.yaml:70: answer: a multiple-choice question needs at least 2 correct letters, has 1",
      'rules.yaml:78: source: "安全生产法第十一条" does not cite a text: name the law or standard in 《》, e.g. 《安全生产法》第二十一条',
      `rules.yaml:85: topic: unknown topic "安全法" (allowed: ${TOPIC_LIST})`,
      "rules.yaml:92: difficulty: must be a whole number from 1 to 5, got 0",
      "rules.yaml:99: difficulty: must be a whole number from 1 to 5, got 6",
      "rules.yaml:106: difficulty: must be a whole number from 1 to 5, got 2.5",
      "rules.yaml:113: industry: needs at least one tag",
      "rules.yaml:114: audience: TEAM_LEADER is listed twice",
      "rules.yaml:117: options: option B is empty",
      "rules.yaml:117: options: options A and C are the same text",
    ]);
  });

  test("a bad default is reported once, on the defaults line", () => {
    expect(inFile("default-topic.yaml")).toEqual([`default-topic.yaml:2: topic: unknown topic "安全法" (allowed: ${TOPIC_LIST})`]);
  });

  test("files are read in sorted order; readable questions come back even when they break a rule", () => {
    expect([...new Set(problems.map((p) => p.file))]).toEqual([
      "default-topic.yaml", "defaults-not-map.yaml", "duplicate-key.yaml", "fields.yaml", "no-questions.yaml", "questions-not-list.yaml", "root-list.yaml", "rules.yaml", "structure.yaml", "syntax.yaml",
    ]);
    expect(questions.filter((q) => q.file === "fields.yaml").map((q) => q.id)).toEqual(["fd-s-001"]);
    expect(questions.filter((q) => q.file === "rules.yaml")).toHaveLength(17);
  });
});

test("across files: duplicate ids, identical stems and near-duplicate stems", () => {
  const { problems } = loadBankDir(join(FIXTURES, "duplicates"));
  expect(problems.map(formatProblem)).toEqual([
    'b.yaml:8: id: duplicate id "dup-j-001" (first at a.yaml:8)',
    "b.yaml:14: stem: near-duplicate stem (similarity 0.91) of dup-j-001 (a.yaml:8)",
    "b.yaml:24: stem: same stem as dup-j-003 (a.yaml:18)",
  ]);
  // dup-j-102 differs from dup-j-002 in a few characters (similarity 0.85): below the 0.9 threshold.
  expect(problems.map(where)).not.toContain("b.yaml:19: stem");
});

test("a valid file has no problems", () => {
  const text = `defaults:
  topic: 刑法
  type: judge
  industry: [general]
  audience: [SAFETY_LEADER]
  difficulty: 3
questions:
  - id: xf-j-001
    stem: 危险作业罪不以实际发生事故为要件。
    answer: true
    explanation: 具有现实危险即可构成。
    source: 《刑法》第一百三十四条之一
`;
  expect(validateBank([{ file: "criminal-law/judge.yaml", text }]).problems).toEqual([]);
});
