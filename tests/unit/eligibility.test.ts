import { checkEligibility, classSizeError, describeBreak, totalsOf } from "~/domain/eligibility";
import { defaultRules, findRule } from "~/domain/rules";

const rules = defaultRules();
const h = (online: number, offline: number, practical: number) => ({ online: online * 60, offline: offline * 60, practical: practical * 60 });

describe("eligibility to sit (DESIGN.md §3)", () => {
  const tl = findRule(rules, "MINING", "TEAM_LEADER");
  const sm = findRule(rules, "MINING", "SAFETY_MANAGER");

  it("passes a team leader with 24 h, 25 % practical and 75 % in person", () => {
    expect(checkEligibility(h(6, 12, 6), tl)).toEqual([]);
  });
  it("names the practical shortfall with its numbers", () => {
    const b = checkEligibility(h(6, 14, 4), tl);
    expect(b.map((x) => describeBreak(x))).toEqual(["实训学时 4/24 < 25%"]);
    expect(describeBreak(b[0], "en")).toBe("practical hours 4/24 < 25%");
  });
  it("names the offline shortfall with its numbers", () => {
    expect(checkEligibility(h(13, 7, 0), sm).map((x) => describeBreak(x))).toEqual(["线下学时 7/20 < 60%"]);
  });
  it("exactly 60 % in person is enough (no rounding trap)", () => {
    expect(checkEligibility(h(8, 12, 0), sm)).toEqual([]);
  });
  it("reports too few and too many hours", () => {
    expect(checkEligibility(h(2, 8, 0), sm).map((x) => describeBreak(x))).toEqual(["总学时 10 < 12"]);
    expect(checkEligibility(h(10, 40, 0), sm).map((x) => describeBreak(x))).toEqual(["总学时 50 > 48"]);
    expect(checkEligibility(h(0, 0, 0), tl).map((x) => describeBreak(x))).toEqual(["总学时 0 < 20"]);
  });
  it("reports every broken rule at once, with half hours", () => {
    const b = checkEligibility({ online: 600, offline: 330, practical: 0 }, tl).map((x) => describeBreak(x));
    expect(b).toEqual(["总学时 15.5 < 20", "线下学时 5.5/15.5 < 60%", "实训学时 0/15.5 < 25%"]);
  });
  it("totals records by mode", () => {
    expect(totalsOf([{ mode: "ONLINE", minutes: 60 }, { mode: "PRACTICAL", minutes: 30 }, { mode: "ONLINE", minutes: 90 }])).toEqual({ online: 150, offline: 0, practical: 30 });
  });
  it("applies class sizes: leaders 40, others 80", () => {
    expect(classSizeError(40, findRule(rules, "MINING", "SAFETY_LEADER"))).toBeNull();
    expect(classSizeError(41, findRule(rules, "MINING", "SAFETY_LEADER"))).toContain("41 超过上限 40");
    expect(classSizeError(80, tl)).toBeNull();
    expect(classSizeError(81, tl)).toContain("81 超过上限 80");
  });
  it("keeps retraining requirements as data: 16 h mining leaders, 12 h machinery", () => {
    expect(findRule(rules, "MINING", "SAFETY_LEADER").retrainingHours).toBe(16);
    expect(findRule(rules, "MACHINERY", "SAFETY_MANAGER").retrainingHours).toBe(12);
  });
});
