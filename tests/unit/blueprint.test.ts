import { DEFAULT_BLUEPRINT, blueprintSchema, itemCountOf, parseBlueprint, validateBlueprint, type BlueprintSpec } from "../../app/domain/blueprint";
import { REQUIRED_LAWS } from "../../app/domain/vocabulary";

const spec = (over: Partial<BlueprintSpec>): BlueprintSpec => ({ ...structuredClone(DEFAULT_BLUEPRINT), ...over });
const messages = (s: BlueprintSpec) => validateBlueprint(s).map((p) => p.message);

describe("DEFAULT_BLUEPRINT", () => {
  it("is valid and follows national practice", () => {
    expect(validateBlueprint(DEFAULT_BLUEPRINT)).toEqual([]);
    expect(blueprintSchema.parse(DEFAULT_BLUEPRINT)).toEqual(DEFAULT_BLUEPRINT);
    expect(DEFAULT_BLUEPRINT).toMatchObject({ totalPoints: 100, passMark: 80, durationMin: 120, resitNoOverlap: true, maxOverlapWithPeriod: 0.3 });
    expect(itemCountOf(DEFAULT_BLUEPRINT)).toBe(90);
    expect(DEFAULT_BLUEPRINT.multipleScoring).toEqual({ mode: "ALL_OR_NOTHING" });
    expect(DEFAULT_BLUEPRINT.topicMinimums).toEqual(REQUIRED_LAWS.map((topic) => ({ topic, min: 4 })));
  });

  it("fills the national defaults when a file leaves them out", () => {
    const r = parseBlueprint({ name: "x", sections: [{ type: "single", count: 50, pointsPerItem: 2 }] });
    expect(r.ok && r.spec).toMatchObject({ totalPoints: 100, passMark: 80, durationMin: 120, multipleScoring: { mode: "ALL_OR_NOTHING" } });
  });
});

describe("validateBlueprint", () => {
  it("says when the points do not add up", () => {
    const s = spec({ sections: [{ type: "judge", count: 35, pointsPerItem: 1 }, ...DEFAULT_BLUEPRINT.sections.slice(1)] });
    expect(messages(s)).toContain("各题型分值合计 95 ≠ 总分 100");
  });

  it("refuses a pass mark above the total", () => {
    expect(messages(spec({ passMark: 120 }))).toContain("及格分 120 高于总分 100");
  });

  it("refuses topic minimums that exceed the items", () => {
    const s = spec({ topicMinimums: REQUIRED_LAWS.map((topic) => ({ topic, min: 19 })) });
    expect(messages(s)).toContain("各主题最少题量合计 95 超过总题量 90");
  });

  it("refuses typed topic minimums that exceed their section", () => {
    const s = spec({ topicMinimums: [{ topic: "刑法", min: 6, type: "multiple" }, { topic: "安全生产法", min: 5, type: "multiple" }] });
    expect(messages(s)).toContain("多选题 各主题最少题量合计 11 超过该题型题量 10");
  });

  it("counts the larger of a topic's across and typed minimums once", () => {
    const s = spec({ topicMinimums: [{ topic: "刑法", min: 4 }, { topic: "刑法", min: 3, type: "single" }] });
    expect(messages(s)).toEqual([]);
  });

  it("refuses a typed minimum for a type the blueprint lacks", () => {
    const s = spec({
      sections: [{ type: "single", count: 100, pointsPerItem: 1 }],
      topicMinimums: [{ topic: "刑法", min: 2, type: "judge" }],
    });
    expect(messages(s)).toContain("判断题 · 刑法 要求至少 2 题，但组卷规则没有判断题");
  });

  it("refuses a difficulty mix that does not sum to 1", () => {
    expect(messages(spec({ difficultyMix: { 1: 0.2, 2: 0.3, 3: 0.3, 4: 0.1 } }))).toContain("难度比例合计 0.9 ≠ 1");
  });

  it("refuses counts ≤ 0 and points ≤ 0", () => {
    const s = spec({
      sections: [
        { type: "judge", count: 0, pointsPerItem: 1 },
        { type: "single", count: 60, pointsPerItem: 1 },
        { type: "multiple", count: 20, pointsPerItem: 2 },
      ],
    });
    expect(messages(s)).toContain("判断题 题量 0 须为正整数");
    expect(messages(spec({ sections: [{ type: "single", count: 100, pointsPerItem: 0 }] }))).toContain("单选题 每题分值 0 须大于 0");
  });

  it("refuses duplicate sections and duplicate topic minimums", () => {
    const s = spec({
      sections: [
        { type: "single", count: 50, pointsPerItem: 1 },
        { type: "single", count: 50, pointsPerItem: 1 },
      ],
      topicMinimums: [{ topic: "刑法", min: 2 }, { topic: "刑法", min: 3 }],
    });
    expect(messages(s)).toEqual(expect.arrayContaining(["题型 单选题 重复（第 1 项与第 2 项）", "主题最少题量 刑法 重复（第 1 项与第 2 项）"]));
  });

  it("refuses unknown topics, a bad partial-credit share and a bad overlap limit", () => {
    const s = spec({
      topicMinimums: [{ topic: "民法典", min: 1 }],
      multipleScoring: { mode: "PARTIAL", perCorrectShare: 1 },
      maxOverlapWithPeriod: 1.5,
    });
    expect(messages(s)).toEqual(
      expect.arrayContaining(["未知主题 民法典", "少选每个正确选项得分比例 1 须在 0 与 1 之间", "同期试卷重复比例上限 1.5 须在 0 与 1 之间"]),
    );
    expect(messages(spec({ multipleScoring: { mode: "PARTIAL", perCorrectShare: 0.25 } }))).toEqual([]);
  });

  it("points each problem at its field", () => {
    const p = validateBlueprint(spec({ passMark: 101, durationMin: 0 }));
    expect(p.map((x) => x.field).sort()).toEqual(["durationMin", "passMark"]);
  });
});

describe("parseBlueprint", () => {
  it("names shape errors with their path", () => {
    const r = parseBlueprint({ name: "x", sections: [{ type: "essay", count: 1, pointsPerItem: 100 }], extra: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field)).toEqual(expect.arrayContaining(["sections.0.type", ""]));
  });

  it("runs the semantic checks after the shape checks", () => {
    const r = parseBlueprint({ ...DEFAULT_BLUEPRINT, passMark: 120 });
    expect(r).toEqual({ ok: false, problems: [{ field: "passMark", message: "及格分 120 高于总分 100" }] });
  });
});
