// parseBankFile: defaults, line numbers, lenient text, and never throwing.
import fc from "fast-check";
import { parseBankFile } from "~/domain/bank/parse";

const FILE = `defaults:
  topic: 安全生产法
  type: single
  industry: [general]
  audience: [SAFETY_LEADER, TEAM_LEADER]
  difficulty: 2
questions:
  - id: aqf-s-001
    stem: 生产经营单位的主要负责人是本单位安全生产的（  ）。
    options:
      - 第一责任人
      - 30
      - true
    answer: A
    explanation: 主要负责人是第一责任人。
    source: 《安全生产法》第五条
    difficulty: 1

  - id: aqf-m-002
    type: multiple
    stem: 多选题（  ）。
    options: [甲, 乙, 丙, 丁]
    answer: [D, B]
    explanation: 解析。
    source: 《安全生产法》第六条
    industry: mining
`;

test("applies defaults and keeps the question's own values", () => {
  const { questions, problems } = parseBankFile("work-safety-law/single.yaml", FILE);
  expect(problems).toEqual([]);
  expect(questions.map(({ lines: _l, ...q }) => q)).toEqual([
    {
      id: "aqf-s-001",
      type: "single",
      topic: "安全生产法",
      stem: "生产经营单位的主要负责人是本单位安全生产的（  ）。",
      options: ["第一责任人", "30", "true"],
      answer: "A",
      explanation: "主要负责人是第一责任人。",
      source: "《安全生产法》第五条",
      industry: ["general"],
      audience: ["SAFETY_LEADER", "TEAM_LEADER"],
      difficulty: 1,
      file: "work-safety-law/single.yaml",
      line: 8,
    },
    {
      id: "aqf-m-002",
      type: "multiple",
      topic: "安全生产法",
      stem: "多选题（  ）。",
      options: ["甲", "乙", "丙", "丁"],
      answer: ["B", "D"],
      explanation: "解析。",
      source: "《安全生产法》第六条",
      industry: ["mining"],
      audience: ["SAFETY_LEADER", "TEAM_LEADER"],
      difficulty: 2,
      file: "work-safety-law/single.yaml",
      line: 19,
    },
  ]);
});

test("knows the line of every field, defaulted fields pointing at the default", () => {
  const [q1, q2] = parseBankFile("f.yaml", FILE).questions;
  expect(q1.lines).toEqual({
    id: 8, stem: 9, options: 10, answer: 14, explanation: 15, source: 16, difficulty: 17,
    type: 3, topic: 2, industry: 4, audience: 5,
  });
  expect(q2.lines).toMatchObject({ type: 20, answer: 23, industry: 26, difficulty: 6 });
});

test("an empty file or a comment-only file is a problem, not an exception", () => {
  expect(parseBankFile("e.yaml", "").problems).toEqual([
    { file: "e.yaml", line: 1, field: "questions", message: "a bank file is a mapping with `defaults` (optional) and `questions`" },
  ]);
  expect(parseBankFile("e.yaml", "# nothing yet\n").questions).toEqual([]);
});

test("a second YAML document is a problem on its `---` line", () => {
  expect(parseBankFile("m.yaml", "questions: []\n---\nquestions: []\n").problems).toEqual([
    { file: "m.yaml", line: 2, field: "yaml", message: "a bank file is one YAML document: remove the `---` line" },
  ]);
});

test("an empty questions list is fine", () => {
  expect(parseBankFile("e.yaml", "questions: []\n")).toEqual({ questions: [], problems: [] });
});

test("never throws, whatever the text", () => {
  const yamlish = fc.array(
    fc.constantFrom("defaults:", "questions:", "  - id: a", "    stem: x", "    answer: [A", "  topic: 刑法", "- ", ": :", "'", '"', "&a", "*a", "<<: *a", "\t", "---", "{", "}"),
    { maxLength: 12 },
  );
  fc.assert(
    fc.property(fc.oneof(fc.string(), yamlish.map((l) => l.join("\n"))), (text) => {
      const r = parseBankFile("x.yaml", text);
      for (const p of r.problems) expect(p.line).toBeGreaterThanOrEqual(1);
    }),
    { numRuns: 500 },
  );
});
