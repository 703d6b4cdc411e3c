// Plan and coverage, pass rates and the trend, against the hand-worked fixture in
// tests/support/report-facts.ts (10 trainees, two classes, three sessions).
import { countsOf, coverageBy, coverageTotal } from "~/domain/reports/coverage";
import { outcomeOf, pctText } from "~/domain/reports/facts";
import { passCounts, passRatesBy, passTrend } from "~/domain/reports/pass-rates";
import { FACTS, PLANS } from "../support/report-facts";

const plans2025 = PLANS.filter((p) => p.year === 2025);
const pick = <T extends object>(o: T, keys: Array<keyof T>) => Object.fromEntries(keys.map((k) => [k, o[k]]));
const COUNTS = ["planned", "trained", "eligible", "sat", "passed", "certified"] as const;

describe("outcome of one enrolment", () => {
  const byId = Object.fromEntries(FACTS.map((f) => [f.enrolmentId, outcomeOf(f)]));
  it("a resit pass counts as passed, via the resit", () => {
    expect(byId.a3).toMatchObject({ firstSat: true, firstPassed: false, resitSat: true, resitPassed: true, passed: true });
    expect(byId.a3.passing?.sitting).toBe(2);
  });
  it("an absentee has not sat; an ineligible trainee names the broken rule", () => {
    expect(byId.a6).toMatchObject({ sat: false, absences: 1, eligible: true });
    expect(byId.a5.breaks.map((b) => b.rule)).toEqual(["practicalShare"]);
    expect(byId.b4.breaks.map((b) => b.rule)).toEqual(["offlineShare"]);
  });
  it("a revoked certificate does not count as certified", () => {
    expect(byId.b3.certified).toBe(false);
    expect(byId.b1.certified).toBe(true);
  });
});

describe("coverage", () => {
  it("totals: planned 17, trained 10, eligible 8, sat 8, passed 6, certified 2", () => {
    const t = coverageTotal(FACTS, plans2025);
    expect(pick(t, [...COUNTS])).toEqual({ planned: 17, trained: 10, eligible: 8, sat: 8, passed: 6, certified: 2 });
    expect(pctText(t.coverage)).toBe("58.8%");
    expect(countsOf([])).toEqual({ trained: 0, eligible: 0, sat: 0, passed: 0, certified: 0 });
  });

  it("by industry × category, with a planned row nobody was trained for", () => {
    const rows = coverageBy(FACTS, plans2025, "plan");
    expect(rows.map((r) => [r.label.zh, ...COUNTS.map((k) => r[k]), r.coverage])).toEqual([
      ["矿山 · 专职安全管理人员", 4, 4, 3, 4, 3, 1, 1],
      ["矿山 · 班组长", 8, 6, 5, 4, 3, 1, 0.75],
      ["机械制造 · 班组长", 5, 0, 0, 0, 0, 0, 0],
    ]);
  });

  it("by category sums the plan across industries", () => {
    const rows = coverageBy(FACTS, plans2025, "category");
    expect(rows.map((r) => [r.key, r.planned, r.trained])).toEqual([
      ["SAFETY_MANAGER", 4, 4],
      ["TEAM_LEADER", 13, 6],
    ]);
  });

  it("by year lists a planned year with no training, newest first", () => {
    const rows = coverageBy(FACTS, PLANS, "year");
    expect(rows.map((r) => [r.key, r.planned, r.trained, r.passed])).toEqual([
      ["2025", 17, 10, 6],
      ["2024", 40, 0, 0],
    ]);
  });

  it("by county (the trainee's enterprise's county) has no plan figure", () => {
    const rows = coverageBy(FACTS, plans2025, "county");
    expect(rows.map((r) => [r.label.zh, ...COUNTS.map((k) => r[k])])).toEqual([
      ["X 县", null, 5, 4, 5, 5, 1],
      ["Y 区", null, 5, 4, 3, 1, 1],
    ]);
  });

  it("names come in pinyin order: 嘉荫县 (jia), 铁力市 (tie), 伊美区 (yi)", () => {
    const names = ["伊美区", "铁力市", "嘉荫县"];
    const facts = names.map((n, i) => ({ ...FACTS[i], countyId: n, countyName: n }));
    expect(coverageBy(facts, [], "county").map((r) => r.label.zh)).toEqual(["嘉荫县", "铁力市", "伊美区"]);
  });

  it("by enterprise and by provider", () => {
    expect(coverageBy(FACTS, plans2025, "enterprise").map((r) => [r.key, r.trained, r.passed])).toEqual([
      ["E1", 3, 3],
      ["E2", 5, 1],
      ["E3", 2, 2],
    ]);
    expect(coverageBy(FACTS, plans2025, "provider").map((r) => [r.label.zh, r.trained, r.eligible, r.sat, r.passed, r.certified])).toEqual([
      ["A 培训中心", 6, 5, 4, 3, 1],
      ["B 培训学校", 4, 3, 4, 3, 1],
    ]);
  });
});

describe("pass rates (released results only)", () => {
  it("overall: first sitting 5/8, after resit 6/8, one absence", () => {
    const p = passCounts(FACTS);
    expect(p).toMatchObject({ firstSat: 8, firstPassed: 5, resitSat: 2, resitPassed: 1, sat: 8, passed: 6, absent: 1 });
    expect(p.firstRate).toBe(0.625);
    expect(p.overallRate).toBe(0.75);
    expect(p.resitRate).toBe(0.5);
  });

  it("by class: A first 2/4 then 3/4 after resit; B 3/4 with no resit", () => {
    const rows = passRatesBy(FACTS, "class");
    expect(rows.map((r) => [r.key, r.firstPassed, r.firstSat, r.firstRate, r.passed, r.sat, r.overallRate, r.resitRate])).toEqual([
      ["A", 2, 4, 0.5, 3, 4, 0.75, 0.5],
      ["B", 3, 4, 0.75, 3, 4, 0.75, null],
    ]);
  });

  it("by category mirrors the classes here; groups with nobody examined are left out", () => {
    expect(passRatesBy(FACTS, "category").map((r) => r.key)).toEqual(["SAFETY_MANAGER", "TEAM_LEADER"]);
    expect(passRatesBy(FACTS.filter((f) => f.enrolmentId === "a5"), "class")).toEqual([]);
  });

  it("trend: one point per session in date order", () => {
    const t = passTrend(FACTS);
    expect(t.map((p) => [p.sessionCode, p.date, p.sat, p.passed, p.absent, p.rate, p.firstRate])).toEqual([
      ["S1", "2025-03-11", 4, 2, 1, 0.5, 0.5],
      ["S2", "2025-03-24", 4, 3, 0, 0.75, 0.75],
      ["S3", "2025-04-10", 2, 1, 0, 0.5, null],
    ]);
  });

  it("percent text: one decimal only when needed, a dash for no data", () => {
    expect([pctText(0.75), pctText(5 / 6), pctText(null), pctText(1)]).toEqual(["75%", "83.3%", "—", "100%"]);
  });
});
