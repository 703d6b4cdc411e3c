// The coverage matrix against a blueprint (pure), and reading the bank sheet back for uploads.
import { DEFAULT_BLUEPRINT, type BlueprintSpec } from "~/domain/blueprint";
import { bankCoverage, blueprintNeeds, difficultyIndex, type CoverageQuestion } from "~/domain/bank/coverage";
import { BANK_SHEET_HEADERS, bankSheetRow, readBankSheet, type SheetRow } from "~/domain/bank/sheet";
import type { BankQuestion } from "~/domain/bank/types";
import { validateQuestions } from "~/domain/bank/validate";
import { CATEGORIES } from "~/domain/vocabulary";

const q = (over: Partial<CoverageQuestion>): CoverageQuestion => ({
  type: "single",
  topic: "安全生产法",
  industry: ["general"],
  audience: [...CATEGORIES],
  difficulty: 3,
  ...over,
});

const small: BlueprintSpec = {
  ...DEFAULT_BLUEPRINT,
  name: "小卷",
  sections: [
    { type: "judge", count: 4, pointsPerItem: 10 },
    { type: "single", count: 6, pointsPerItem: 10 },
  ],
  topicMinimums: [{ topic: "刑法", min: 1 }, { topic: "安全生产法", min: 2, type: "single" }],
  difficultyMix: { "2": 0.5, "3": 0.5 },
};

describe("blueprintNeeds", () => {
  it("doubles the default blueprint for a first paper plus a no-overlap resit", () => {
    const n = blueprintNeeds(DEFAULT_BLUEPRINT);
    expect(n.papers).toBe(2);
    expect(n.byType).toEqual({ judge: 80, single: 80, multiple: 20 });
    expect(n.byTopic).toEqual({ 刑法: 8, 社会保险法: 8, 安全生产法: 8, 职业病防治法: 8, 工伤保险条例: 8 });
    // 40 judge items split 15/30/30/17/8 % by largest remainder: 6, 12, 12, 7, 3 → ×2.
    expect(n.byTypeDifficulty.judge).toEqual([12, 24, 24, 14, 6]);
    expect(n.byDifficulty.reduce((a, b) => a + b, 0)).toBe(180);
  });

  it("keeps typed topic minimums per type and uses the larger of typed and untyped per topic", () => {
    const n = blueprintNeeds({ ...small, topicMinimums: [{ topic: "刑法", min: 1 }, { topic: "刑法", min: 2, type: "judge" }] }, 2);
    expect(n.byTopicType).toEqual({ 刑法: { judge: 4 } });
    expect(n.byTopic).toEqual({ 刑法: 4 });
    expect(n.byType.multiple).toBe(0);
  });
});

describe("bankCoverage", () => {
  it("counts usable questions per industry × category in topic × type × difficulty cells", () => {
    const bank = [
      q({}),
      q({ difficulty: 1, industry: ["mining"] }),
      q({ type: "judge", topic: "刑法", audience: ["TEAM_LEADER"], difficulty: 5 }),
      q({ topic: "机械制造安全", industry: ["machinery"], difficulty: 2 }),
    ];
    const c = bankCoverage(bank, small);
    expect(c.pairs).toHaveLength(6);
    const miningTeam = c.pairs.find((p) => p.industry === "MINING" && p.category === "TEAM_LEADER")!;
    expect(miningTeam.total).toBe(3);
    expect(miningTeam.cells["安全生产法"].single).toEqual([1, 0, 1, 0, 0]);
    expect(miningTeam.cells["刑法"].judge).toEqual([0, 0, 0, 0, 1]);
    expect(miningTeam.byType).toEqual({ judge: 1, single: 2, multiple: 0 });
    const machineryLeader = c.pairs.find((p) => p.industry === "MACHINERY" && p.category === "SAFETY_LEADER")!;
    expect(machineryLeader.total).toBe(2);
    expect(machineryLeader.byTopic["机械制造安全"]).toBe(1);
    expect(machineryLeader.byTopic["刑法"]).toBe(0);
  });

  it("reports what is short: types and topics stop a draw, difficulty only skews it", () => {
    const c = bankCoverage([q({}), q({ type: "judge", topic: "刑法" })], small);
    const p = c.pairs[0];
    expect(p.status).toBe("bad");
    expect(p.shortfalls).toContainEqual({ kind: "type", type: "judge", have: 1, need: 8, severity: "bad" });
    expect(p.shortfalls).toContainEqual({ kind: "type", type: "single", have: 1, need: 12, severity: "bad" });
    expect(p.shortfalls).toContainEqual({ kind: "topicType", topic: "安全生产法", type: "single", have: 1, need: 4, severity: "bad" });
    expect(p.shortfalls).toContainEqual({ kind: "topic", topic: "刑法", have: 1, need: 2, severity: "bad" });
    // A typed-only minimum is reported once, for its type.
    expect(p.shortfalls).not.toContainEqual(expect.objectContaining({ kind: "topic", topic: "安全生产法" }));
    expect(p.shortfalls.filter((s) => s.kind === "typeDifficulty").every((s) => s.severity === "warn")).toBe(true);
  });

  it("is ok when every need is met", () => {
    const bank = [
      ...Array.from({ length: 8 }, (_, i) => q({ type: "judge", topic: i < 2 ? "刑法" : "工伤预防", difficulty: i % 2 ? 2 : 3 })),
      ...Array.from({ length: 12 }, (_, i) => q({ type: "single", difficulty: i % 2 ? 2 : 3 })),
    ];
    const c = bankCoverage(bank, small);
    expect(c.pairs.map((p) => p.status)).toEqual(["ok", "ok", "ok", "ok", "ok", "ok"]);
    expect(c.pairs[0].shortfalls).toEqual([]);
  });

  it("keeps topics outside the vocabulary as extra rows, and clamps difficulty like the draw", () => {
    const c = bankCoverage([q({ topic: "其他" }), q({ difficulty: 7 })], small);
    expect(c.topics.at(-1)).toBe("其他");
    expect(c.pairs[0].cells["其他"].single[2]).toBe(1);
    expect([0, 1, 1.4, 1.5, 3, 4.6, 9].map(difficultyIndex)).toEqual([0, 0, 0, 1, 2, 4, 4]);
  });
});

describe("readBankSheet (upload of the exported XLSX)", () => {
  const questions: BankQuestion[] = [
    {
      id: "t-j-001", type: "judge", topic: "安全生产法", stem: "判断题干。", options: [], answer: false,
      explanation: "解析", source: "《安全生产法》第三条", industry: ["general"], audience: [...CATEGORIES], difficulty: 1,
    },
    {
      id: "t-m-001", type: "multiple", topic: "矿山安全", stem: "多选题干（  ）。", options: ["甲", "乙", "丙", "丁", "戊"], answer: ["A", "C", "E"],
      explanation: "解析", source: "《金属非金属矿山安全规程》4.1", industry: ["mining", "machinery"], audience: ["TEAM_LEADER"], difficulty: 4,
    },
  ];
  const rowsOf = (qs: BankQuestion[]): SheetRow[] =>
    qs.map((x, i) => ({ line: i + 2, cells: Object.fromEntries(BANK_SHEET_HEADERS.map((h, j) => [h, String(bankSheetRow(x)[j])])) }));

  it("reads back exactly what bankSheetRow wrote, with the row's line on every field", () => {
    const r = readBankSheet("题库.xlsx", BANK_SHEET_HEADERS, rowsOf(questions));
    expect(r.problems).toEqual([]);
    expect(r.questions.map(({ file: _f, line: _l, lines: _ls, ...rest }) => rest)).toEqual(questions);
    expect(r.questions[1]).toMatchObject({ file: "题库.xlsx", line: 3, lines: { stem: 3, answer: 3 } });
  });

  it("accepts what people type by hand and skips empty rows", () => {
    const cells = { 编号: "h-1", 题型: "单选", 题干: "题干", 选项A: "甲", 选项B: "乙", 选项C: "丙", 答案: "b", 解析: "解析", 知识点: "刑法", 依据: "《刑法》第一条", 行业: "通用", 适用人员: "班组长，安全管理人员", 难度: "2" };
    const r = readBankSheet("x.xlsx", Object.keys(cells), [{ line: 2, cells }, { line: 3, cells: { 编号: "", 题型: " " } }]);
    expect(r.problems).toEqual([]);
    expect(r.questions).toHaveLength(1);
    expect(r.questions[0]).toMatchObject({ type: "single", answer: "B", audience: ["TEAM_LEADER", "SAFETY_MANAGER"], options: ["甲", "乙", "丙"] });
  });

  it("reports unreadable cells by line and field, and leaves gaps in options for validate.ts", () => {
    const rows = rowsOf(questions);
    rows[0].cells["题型"] = "问答题";
    rows[1].cells["行业"] = "矿山、化工";
    rows[1].cells["选项B"] = "";
    const r = readBankSheet("bad.xlsx", BANK_SHEET_HEADERS, rows);
    expect(r.problems).toEqual([
      { file: "bad.xlsx", line: 2, field: "type", message: "未知题型“问答题”（可用：判断题、单选题、多选题）" },
      expect.objectContaining({ file: "bad.xlsx", line: 3, field: "industry", message: expect.stringContaining("化工") }),
    ]);
    rows[1].cells["行业"] = "矿山";
    const again = readBankSheet("bad.xlsx", BANK_SHEET_HEADERS, rows.slice(1));
    expect(validateQuestions(again.questions)).toContainEqual({ file: "bad.xlsx", line: 3, field: "options", message: "option B is empty" });
  });

  it("names missing headers on line 1", () => {
    const r = readBankSheet("x.xlsx", ["编号", "题干"], []);
    expect(r.problems).toEqual([expect.objectContaining({ line: 1, field: "header", message: expect.stringContaining("题型") })]);
  });
});
