// The canonical writer: README style, deterministic, and parse(format(x)) == x.
import fc from "fast-check";
import { formatBank, formatFile, bankFilePath } from "~/domain/bank/format";
import { parseBankFile } from "~/domain/bank/parse";
import { validateBank } from "~/domain/bank/validate";
import { bankQuestionOf, type BankQuestion } from "~/domain/bank/types";
import { BANK_INDUSTRIES, CATEGORIES, TOPICS, type QuestionType } from "~/domain/vocabulary";
import { LETTERS } from "~/domain/question";

const base: Omit<BankQuestion, "id" | "stem"> = {
  type: "single",
  topic: "安全生产法",
  options: ["第一责任人", "直接责任人", "监督责任人", "间接责任人"],
  answer: "A",
  explanation: "主要负责人是第一责任人。",
  source: "《安全生产法》第五条",
  industry: ["general"],
  audience: ["SAFETY_LEADER", "SAFETY_MANAGER", "TEAM_LEADER"],
  difficulty: 2,
};

test("writes the README's style: defaults, only what differs, fixed key order, flow answers", () => {
  const qs: BankQuestion[] = [
    { ...base, id: "aqf-m-001", type: "multiple", options: ["甲", "乙", "丙", "丁"], answer: ["A", "C"], stem: "多选（  ）。", difficulty: 3 },
    { ...base, id: "aqf-m-002", type: "multiple", options: ["甲", "乙", "丙", "丁", "戊"], answer: ["B", "E"], stem: "又一道多选（  ）。", industry: ["mining", "machinery"] },
    { ...base, id: "aqf-m-003", type: "multiple", options: ["30", "true", "a: b", "#号"], answer: ["A", "B"], stem: "选项需要引号（  ）。", audience: ["TEAM_LEADER"] },
  ];
  expect(formatFile(qs)).toBe(`defaults:
  topic: 安全生产法
  type: multiple
  industry: [general]
  audience: [SAFETY_LEADER, SAFETY_MANAGER, TEAM_LEADER]
  difficulty: 2
questions:
  - id: aqf-m-001
    stem: 多选（  ）。
    options:
      - 甲
      - 乙
      - 丙
      - 丁
    answer: [A, C]
    explanation: 主要负责人是第一责任人。
    source: 《安全生产法》第五条
    difficulty: 3

  - id: aqf-m-002
    stem: 又一道多选（  ）。
    options:
      - 甲
      - 乙
      - 丙
      - 丁
      - 戊
    answer: [B, E]
    explanation: 主要负责人是第一责任人。
    source: 《安全生产法》第五条
    industry: [mining, machinery]

  - id: aqf-m-003
    stem: 选项需要引号（  ）。
    options:
      - "30"
      - "true"
      - "a: b"
      - "#号"
    answer: [A, B]
    explanation: 主要负责人是第一责任人。
    source: 《安全生产法》第五条
    audience: [TEAM_LEADER]
`);
});

test("judge questions have no options; files go to the topic's folder, one per type, sorted", () => {
  const files = formatBank([
    { ...base, id: "xf-j-001", type: "judge", topic: "刑法", options: [], answer: false, stem: "判断。" },
    { ...base, id: "aqf-s-001", stem: "单选（  ）。" },
    { ...base, id: "xf-s-001", topic: "刑法", stem: "刑法单选（  ）。" },
  ]);
  expect(files.map((f) => f.path)).toEqual(["criminal-law/judge.yaml", "criminal-law/single.yaml", "work-safety-law/single.yaml"]);
  expect(files[0].text).toContain("  - id: xf-j-001\n    stem: 判断。\n    answer: false\n");
  expect(() => bankFilePath({ topic: "未知", type: "judge" })).toThrow(/no bank folder/);
});

// ── property: any valid bank survives format → parse unchanged ──
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom("安全", "生产", "（  ）", "：", ": ", "#", " # ", "'", '"', "\\", "-", "- ", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "%", "@", "`", "null", "true", "1", "0x1F", "1e3", "~", "\n", "\t", " ", "  ", "？", "《", "》", "A"),
      fc.string({ maxLength: 4 }),
      fc.string({ maxLength: 3, unit: "binary" }),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(""))
  .filter((s) => s.trim() !== "");

const subset = <T,>(xs: readonly T[]) => fc.subarray([...xs], { minLength: 1 });

const question = (i: number) =>
  fc
    .record({
      type: fc.constantFrom<QuestionType>("judge", "single", "multiple"),
      topic: fc.constantFrom(...TOPICS),
      stem: text,
      options: fc.array(text, { minLength: 5, maxLength: 5 }),
      nOptions: fc.integer({ min: 3, max: 5 }),
      pick: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      judge: fc.boolean(),
      correct: fc.nat(),
      explanation: text,
      source: text.map((s) => `《${s.replace(/[《》]/g, "")}》${s}`),
      industry: subset(BANK_INDUSTRIES),
      audience: subset(CATEGORIES),
      difficulty: fc.integer({ min: 1, max: 5 }),
    })
    .map((r): BankQuestion => {
      const n = r.type === "judge" ? 0 : r.type === "single" ? Math.min(r.nOptions, 4) : Math.max(r.nOptions, 4);
      const letters = LETTERS.slice(0, n);
      const chosen = letters.filter((_, k) => r.pick[k]);
      return {
        id: `q-${i}`,
        type: r.type,
        topic: r.topic,
        stem: r.stem,
        options: r.options.slice(0, n),
        answer: r.type === "judge" ? r.judge : r.type === "single" ? letters[r.correct % n] : chosen.length >= 2 ? chosen : letters.slice(0, 2),
        explanation: r.explanation,
        source: r.source,
        industry: r.industry,
        audience: r.audience,
        difficulty: r.difficulty,
      };
    });

const bank = fc.integer({ min: 1, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => question(i))));

function parseAll(files: ReturnType<typeof formatBank>) {
  const out = files.map((f) => parseBankFile(f.path, f.text));
  expect(out.flatMap((r) => r.problems)).toEqual([]);
  return out.flatMap((r) => r.questions.map(bankQuestionOf));
}
const byId = (a: BankQuestion, b: BankQuestion) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

test("round trip: parse(format(x)) == x", () => {
  fc.assert(
    fc.property(bank, (qs) => {
      expect(parseAll(formatBank(qs)).sort(byId)).toEqual([...qs].sort(byId));
    }),
    { numRuns: 120 },
  );
});

test("deterministic and idempotent: formatting parsed output again gives the same bytes", () => {
  fc.assert(
    fc.property(bank, (qs) => {
      const once = formatBank(qs);
      expect(formatBank(qs)).toEqual(once);
      expect(formatBank(parseAll(once))).toEqual(once);
    }),
    { numRuns: 60 },
  );
});

test("formatted files validate, and give back the same questions in the same order", () => {
  const qs: BankQuestion[] = [
    { ...base, id: "aqf-s-001", stem: "生产经营单位的主要负责人是本单位安全生产的（  ）。" },
    { ...base, id: "aqf-s-002", stem: "安全生产工作应当以人为本，坚持（  ）。", difficulty: 1 },
  ];
  const r = validateBank(formatBank(qs).map((f) => ({ file: f.path, text: f.text })));
  expect(r.problems).toEqual([]);
  expect(r.questions.map(bankQuestionOf)).toEqual(qs);
});
