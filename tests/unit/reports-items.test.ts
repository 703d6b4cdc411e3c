// Item statistics against numbers worked out by hand.
//
// Five attempts with totals 9, 7, 5, 8, 4.
// Q1 single, key B, 1 point: answers B, B, A, B, blank → shares 1 1 0 1 0, facility 0.6.
//   Rest scores (total − item points) 8 6 5 7 4. Means 0.6 and 6; Σdxdy = 3, Σdx² = 1.2,
//   Σdy² = 10, so r = 3 / √12 = √3/2 ≈ 0.8660. Check with the point-biserial formula:
//   M1 = 7, M0 = 4.5, s = √2, √(pq) = √0.24 → 2.5/√2 × 0.4899 = 0.8660.
// Q3 multiple, key AC, 2 points, all-or-nothing: AC, A, ACD, CA, AC → shares 1 0 0 1 1.
//   Rest 7 7 5 6 2; means 0.6 and 5.4; Σdxdy = −1.2, Σdx² = 1.2, Σdy² = 17.2,
//   r = −1.2 / √20.64 ≈ −0.2641: negatively discriminating.
import { itemShare, itemStats, pearson, type ItemObservation } from "~/domain/reports/items";

const TOTALS = [9, 7, 5, 8, 4];
const AON = { mode: "ALL_OR_NOTHING" } as const;

function item(questionId: string, type: ItemObservation["type"], key: ItemObservation["key"], points: number, answers: unknown[], extra: Partial<ItemObservation> = {}): ItemObservation[] {
  return answers.map((answer, i) => ({
    attemptId: `at${i}`,
    total: TOTALS[i],
    questionId,
    version: 1,
    type,
    points,
    key,
    optionCount: type === "judge" ? 0 : 4,
    answer,
    scoring: AON,
    ...extra,
  }));
}

const OBS = [
  ...item("Q1", "single", "B", 1, ["B", "B", "A", "B", undefined]),
  ...item("Q2", "judge", true, 1, [true, true, true, true, true]),
  ...item("Q3", "multiple", ["A", "C"], 2, [["A", "C"], ["A"], ["A", "C", "D"], ["C", "A"], ["A", "C"]]),
  ...item("Q4", "single", "A", 1, ["A", "B", "A", "A", "C"], { voided: "DROP" }),
  ...item("Q5", "single", "D", 1, ["A", "D", "B", "B", "C"]),
];

describe("scoring one item for statistics", () => {
  it("judge and single: right or wrong; blank scores nothing", () => {
    expect(itemShare("judge", false, false, AON)).toBe(1);
    expect(itemShare("judge", false, true, AON)).toBe(0);
    expect(itemShare("single", "B", "B", AON)).toBe(1);
    expect(itemShare("single", "B", null, AON)).toBe(0);
  });
  it("multiple: order does not matter; a wrong pick scores 0; 少选 scores a share only in PARTIAL mode", () => {
    const partial = { mode: "PARTIAL", perCorrectShare: 0.5 } as const;
    expect(itemShare("multiple", ["A", "C"], ["C", "A"], AON)).toBe(1);
    expect(itemShare("multiple", ["A", "C"], ["A"], AON)).toBe(0);
    expect(itemShare("multiple", ["A", "C"], ["A"], partial)).toBe(0.5);
    expect(itemShare("multiple", ["A", "C"], ["A", "D"], partial)).toBe(0);
    expect(itemShare("multiple", ["A", "B", "C"], [], partial)).toBe(0);
  });
});

describe("item statistics", () => {
  const { items, voided } = itemStats(OBS);
  const q = (id: string) => items.find((i) => i.questionId === id)!;

  it("Pearson's r: the hand-computed point-biserial √3/2, and null without variance", () => {
    expect(pearson([1, 1, 0, 1, 0], [8, 6, 5, 7, 4])).toBeCloseTo(Math.sqrt(3) / 2, 10);
    expect(pearson([1, 1, 1], [3, 4, 5])).toBeNull();
    expect(pearson([1], [3])).toBeNull();
  });

  it("Q1: facility 0.6, discrimination 0.8660 against the rest score, option counts and blanks", () => {
    expect(q("Q1").facility).toBeCloseTo(0.6, 10);
    expect(q("Q1").discrimination).toBeCloseTo(0.866025, 5);
    expect(q("Q1").choices.map((c) => [c.value, c.count, c.correct])).toEqual([
      ["A", 1, false],
      ["B", 3, true],
      ["C", 0, false],
      ["D", 0, false],
    ]);
    expect(q("Q1").blank).toBe(1);
    expect(q("Q1").flags).toEqual([]);
  });

  it("Q2: everyone right is too easy, and its discrimination is undefined", () => {
    expect(q("Q2").facility).toBe(1);
    expect(q("Q2").discrimination).toBeNull();
    expect(q("Q2").flags).toEqual(["easy"]);
    expect(q("Q2").choices.map((c) => [c.value, c.count, c.correct])).toEqual([
      ["T", 5, true],
      ["F", 0, false],
    ]);
  });

  it("Q3: negatively discriminating (r ≈ −0.2641); each option counted where picked", () => {
    expect(q("Q3").discrimination).toBeCloseTo(-1.2 / Math.sqrt(20.64), 10);
    expect(q("Q3").flags).toEqual(["negative"]);
    expect(q("Q3").choices.map((c) => [c.value, c.count, c.share, c.correct])).toEqual([
      ["A", 5, 1, true],
      ["B", 0, 0, false],
      ["C", 4, 0.8, true],
      ["D", 1, 0.2, false],
    ]);
  });

  it("Q5: facility 0.2 is too hard; voided items are left out and counted", () => {
    expect(q("Q5").facility).toBeCloseTo(0.2, 10);
    expect(q("Q5").flags).toContain("hard");
    expect(items.map((i) => i.questionId)).not.toContain("Q4");
    expect(voided).toBe(5);
  });

  it("flagged items come first", () => {
    expect(items.map((i) => i.questionId).slice(-1)).toEqual(["Q1"]);
  });
});
