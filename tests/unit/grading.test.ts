import fc from "fast-check";
import type { MultipleScoring } from "~/domain/blueprint";
import { gradeAttempt, scoreItem, type GradableItem, type GradeInput } from "~/domain/grading";
import type { Answer } from "~/domain/question";

const AON: MultipleScoring = { mode: "ALL_OR_NOTHING" };
const PARTIAL = (perCorrectShare: number): MultipleScoring => ({ mode: "PARTIAL", perCorrectShare });

const multi = (answer: string[], points = 2, over: Partial<GradableItem> = {}): GradableItem => ({
  position: 1,
  section: "multiple",
  type: "multiple",
  points,
  topic: "安全生产法",
  answer,
  ...over,
});

/** The national paper: 40 judge × 1, 40 single × 1, 10 multiple × 2. */
function nationalPaper(): GradableItem[] {
  const topics = ["刑法", "安全生产法", "工伤预防", "事故案例"];
  const items: GradableItem[] = [];
  for (let i = 1; i <= 90; i++) {
    const type = i <= 40 ? "judge" : i <= 80 ? "single" : "multiple";
    const answer: Answer = type === "judge" ? i % 2 === 0 : type === "single" ? "ABCD"[i % 4] : ["A", "C", "D"];
    items.push({ position: i, section: type, type, points: type === "multiple" ? 2 : 1, topic: topics[i % 4], answer });
  }
  return items;
}
const input = (responses: GradeInput["responses"], over: Partial<GradeInput> = {}): GradeInput => ({
  items: nationalPaper(),
  responses,
  scoring: AON,
  totalPoints: 100,
  passMark: 80,
  ...over,
});
/** Right answers for the first `n` positions, nothing after. */
function rightFor(items: GradableItem[], n: number): Map<number, Answer | null> {
  return new Map(items.filter((i) => i.position <= n).map((i) => [i.position, i.answer]));
}

describe("scoring one item", () => {
  const judge: GradableItem = { position: 1, section: "judge", type: "judge", points: 1, topic: "刑法", answer: true };
  const single: GradableItem = { position: 2, section: "single", type: "single", points: 1, topic: "刑法", answer: "B" };

  it("judge and single are all-or-nothing", () => {
    expect(scoreItem(judge, true, AON)).toBe(1);
    expect(scoreItem(judge, false, AON)).toBe(0);
    expect(scoreItem(judge, null, AON)).toBe(0);
    expect(scoreItem(judge, "true" as unknown as Answer, AON)).toBe(0);
    expect(scoreItem(single, "B", PARTIAL(0.25))).toBe(1);
    expect(scoreItem(single, "b", AON)).toBe(1);
    expect(scoreItem(single, "C", PARTIAL(0.25))).toBe(0);
    expect(scoreItem(single, undefined, AON)).toBe(0);
    expect(scoreItem(single, "", AON)).toBe(0);
  });

  it("multiple all-or-nothing needs the exact set, in any order, duplicates ignored", () => {
    const it3 = multi(["A", "C", "D"]);
    expect(scoreItem(it3, ["A", "C", "D"], AON)).toBe(2);
    expect(scoreItem(it3, ["D", "A", "C", "A"], AON)).toBe(2);
    expect(scoreItem(it3, ["A", "C"], AON)).toBe(0);
    expect(scoreItem(it3, ["A", "B", "C", "D"], AON)).toBe(0);
    expect(scoreItem(it3, [], AON)).toBe(0);
  });

  describe("少选得分 (PARTIAL)", () => {
    const it4 = multi(["A", "B", "C", "D"], 2);
    const s = PARTIAL(0.25); // each correct pick earns 0.5 of the 2 points

    it("one correct pick earns one share", () => {
      expect(scoreItem(it4, ["C"], s)).toBe(0.5);
    });
    it("all but one correct pick earns the shares, below full points", () => {
      expect(scoreItem(it4, ["A", "B", "D"], s)).toBe(1.5);
    });
    it("all correct picks earn full points", () => {
      expect(scoreItem(it4, ["D", "C", "B", "A"], s)).toBe(2);
    });
    it("a wrong pick among correct ones scores 0", () => {
      expect(scoreItem(multi(["A", "B", "C"]), ["A", "B", "E"], s)).toBe(0);
      expect(scoreItem(multi(["A", "B", "C"]), ["A", "B", "C", "E"], s)).toBe(0);
    });
    it("an invalid letter counts as a wrong pick", () => {
      expect(scoreItem(it4, ["A", "Z"], s)).toBe(0);
      expect(scoreItem(it4, ["A", 7 as unknown as string], s)).toBe(0);
    });
    it("duplicates count once", () => {
      expect(scoreItem(it4, ["A", "A", "A"], s)).toBe(0.5);
      expect(scoreItem(it4, ["a", " A"], s)).toBe(0.5);
    });
    it("an empty answer scores 0", () => {
      expect(scoreItem(it4, [], s)).toBe(0);
      expect(scoreItem(it4, null, s)).toBe(0);
    });
    it("a large share never reaches full points without every correct option", () => {
      // 0.5 × 2 points per pick: 3 of 4 picks would be 3 points; capped at points − one step = 1.
      expect(scoreItem(it4, ["A", "B", "C"], PARTIAL(0.5))).toBe(1);
      expect(scoreItem(it4, ["A", "B"], PARTIAL(0.5))).toBe(1);
      expect(scoreItem(it4, ["A", "B", "C", "D"], PARTIAL(0.5))).toBe(2);
      // 0.4 of 2 points on a 3-option key: 2 picks → min(1.6, 1.2) = 1.2
      expect(scoreItem(multi(["A", "B", "C"]), ["A", "B"], PARTIAL(0.4))).toBe(1.2);
    });
    it("rounds to cents", () => {
      expect(scoreItem(multi(["A", "B", "C", "D"], 1), ["A"], PARTIAL(1 / 3))).toBe(0.33);
      expect(scoreItem(multi(["A", "B", "C", "D", "E"], 2), ["A", "B", "C"], PARTIAL(0.1))).toBe(0.6);
    });
  });

  it("a CREDIT item gives everyone full points; a DROP item earns nothing", () => {
    expect(scoreItem(multi(["A", "B"], 2, { voided: "CREDIT" }), null, AON)).toBe(2);
    expect(scoreItem(multi(["A", "B"], 2, { voided: "CREDIT" }), ["C"], AON)).toBe(2);
    expect(scoreItem(multi(["A", "B"], 2, { voided: "DROP" }), ["A", "B"], AON)).toBe(0);
  });
});

describe("grading an attempt", () => {
  const items = nationalPaper();

  it("a perfect paper scores 100, per section and per topic", () => {
    const g = gradeAttempt(input(rightFor(items, 90)));
    expect(g).toMatchObject({ score: 100, maxScore: 100, passed: true, scale: 1 });
    expect(g.sections).toEqual({ judge: { score: 40, max: 40 }, single: { score: 40, max: 40 }, multiple: { score: 20, max: 20 } });
    expect(Object.values(g.topics).reduce((a, t) => a + t.max, 0)).toBe(100);
    expect(g.items.every((i) => i.correct && i.answered)).toBe(true);
  });

  it("accepts responses as a Map or a plain record, and passes at exactly the pass mark", () => {
    const m = rightFor(items, 80); // judge + single right, multiple blank: 80 points
    const g1 = gradeAttempt(input(m));
    const g2 = gradeAttempt(input(Object.fromEntries(m)));
    expect(g1).toEqual(g2);
    expect(g1).toMatchObject({ score: 80, passed: true });
    expect(g1.items.filter((i) => !i.answered).map((i) => i.position)).toEqual([81, 82, 83, 84, 85, 86, 87, 88, 89, 90]);
    const g3 = gradeAttempt(input(rightFor(items, 79)));
    expect(g3).toMatchObject({ score: 79, passed: false });
  });

  it("少选得分 applies through the blueprint's rule", () => {
    const r = rightFor(items, 80);
    for (let p = 81; p <= 90; p++) r.set(p, ["A", "D"]); // 2 of 3 correct
    expect(gradeAttempt(input(r)).score).toBe(80);
    const g = gradeAttempt(input(r, { scoring: PARTIAL(0.25) }));
    expect(g.sections.multiple).toEqual({ score: 10, max: 20 }); // 2 × 0.5 per item
    expect(g.score).toBe(90);
  });

  it("CREDIT gives everyone the item's points, whatever they answered", () => {
    const voided = items.map((i) => (i.position === 81 ? { ...i, voided: "CREDIT" as const } : i));
    const r = rightFor(items, 79);
    r.set(81, ["B"]);
    const g = gradeAttempt(input(r, { items: voided }));
    expect(g).toMatchObject({ score: 81, maxScore: 100, passed: true });
    expect(g.items.find((i) => i.position === 81)).toEqual({ position: 81, score: 2, max: 2, correct: true, answered: true, voided: "CREDIT" });
  });

  it("DROP removes the item and rescales to the total, so maxScore stays 100", () => {
    const dropped = items.map((i) => (i.position === 81 ? { ...i, voided: "DROP" as const } : i));
    const g = gradeAttempt(input(rightFor(items, 79), { items: dropped }));
    // 79 of the 98 remaining points → 79 × 100 / 98 = 80.6122… → 80.61
    expect(g).toMatchObject({ score: 80.61, maxScore: 100, passed: true });
    expect(g.scale).toBeCloseTo(100 / 98, 12);
    expect(g.items.find((i) => i.position === 81)).toMatchObject({ score: 0, max: 0, correct: false, voided: "DROP" });
    expect(g.sections.multiple.max).toBeCloseTo((18 * 100) / 98, 1);
    // Section and topic totals add up exactly to the rounded total, in cents.
    const sum = (xs: Array<{ score: number; max: number }>, k: "score" | "max") => Math.round(xs.reduce((a, x) => a + x[k] * 100, 0));
    expect(sum(Object.values(g.sections), "score")).toBe(8061);
    expect(sum(Object.values(g.sections), "max")).toBe(10000);
    expect(sum(Object.values(g.topics), "score")).toBe(8061);
    expect(sum(Object.values(g.topics), "max")).toBe(10000);
  });

  it("a drop can turn a fail into a pass, and the same inputs always give the same grade", () => {
    const r = rightFor(items, 78); // 78/100 fails
    r.set(81, ["A"]); // wrong on the item later dropped
    expect(gradeAttempt(input(r)).passed).toBe(false);
    const dropped = items.map((i) => (i.position >= 81 && i.position <= 82 ? { ...i, voided: "DROP" as const } : i));
    const a = gradeAttempt(input(r, { items: dropped })); // 78 × 100 / 96 = 81.25
    expect(a).toMatchObject({ score: 81.25, passed: true });
    expect(gradeAttempt(input(r, { items: [...dropped].reverse() }))).toEqual(a);
  });

  it("every item dropped: nothing to score, not passed", () => {
    const g = gradeAttempt(input(rightFor(items, 90), { items: items.map((i) => ({ ...i, voided: "DROP" as const })) }));
    expect(g).toMatchObject({ score: 0, maxScore: 0, passed: false, sections: {}, topics: {} });
  });

  it("property: score within [0, totalPoints]; sections and topics add up to the total", () => {
    const letters = fc.subarray(["A", "B", "C", "D", "E", "Z"]);
    const responseArb = fc.option(fc.oneof(fc.boolean(), fc.constantFrom("A", "B", "C", "D", "x"), letters), { nil: null });
    fc.assert(
      fc.property(
        fc.array(responseArb, { minLength: 90, maxLength: 90 }),
        fc.array(fc.constantFrom(null, null, null, null, "CREDIT" as const, "DROP" as const), { minLength: 90, maxLength: 90 }),
        fc.oneof(fc.constant(AON), fc.double({ min: 0.05, max: 0.95, noNaN: true }).map(PARTIAL)),
        (responses, voids, scoring) => {
          const its = items.map((i, k) => ({ ...i, voided: voids[k] }));
          if (its.every((i) => i.voided === "DROP")) return;
          const g = gradeAttempt(input(new Map(responses.map((r, k) => [k + 1, r as Answer | null])), { items: its, scoring }));
          expect(g.score).toBeGreaterThanOrEqual(0);
          expect(g.score).toBeLessThanOrEqual(100);
          expect(g.maxScore).toBe(100);
          expect(Math.abs(g.score * 100 - Math.round(g.score * 100))).toBeLessThan(1e-6); // cents
          for (const groups of [g.sections, g.topics]) {
            const v = Object.values(groups);
            expect(Math.round(v.reduce((a, x) => a + x.score * 100, 0))).toBe(Math.round(g.score * 100));
            expect(Math.round(v.reduce((a, x) => a + x.max * 100, 0))).toBe(10000);
            for (const x of v) expect(x.score).toBeLessThanOrEqual(x.max);
          }
          expect(g.passed).toBe(g.score >= 80);
          for (const i of g.items) expect(i.score).toBeLessThanOrEqual(i.max || 0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
