// A hand-built year of training for the report tests: 10 trainees in two classes, with every
// figure the reports should show worked out by hand in tests/unit/reports-*.test.ts.
//
// Class A (provider "A 培训中心", 2025 mining team leaders), sessions S1 (first) and S3 (resit):
//   a1 eligible, first 90 pass, certificate VALID     a4 eligible, first 60 fail, resit 75 fail
//   a2 eligible, first 85 pass                        a5 practical 4/24 (not eligible), never sat
//   a3 eligible, first 70 fail, resit 82 pass         a6 eligible, absent at the first sitting
// Class B (provider "B 培训学校", 2025 mining safety managers), session S2:
//   b1 eligible, 95 pass, certificate VALID           b3 eligible, 80 pass, certificate REVOKED
//   b2 eligible, 50 fail                              b4 offline 7/20 (not eligible), 88 pass
// Enterprises: E1 (county X) a1–a3; E2 (county Y) a4–a6, b1–b2; E3 (county X) b3–b4.
import type { CertificateFact, EnrolmentFact, PlanFact, SittingFact } from "~/domain/reports/facts";
import { defaultRules, findRule } from "~/domain/rules";
import type { Category } from "~/domain/vocabulary";

const rules = defaultRules();
const S = {
  S1: { sessionId: "S1", sessionCode: "S1", date: "2025-03-11" },
  S2: { sessionId: "S2", sessionCode: "S2", date: "2025-03-24" },
  S3: { sessionId: "S3", sessionCode: "S3", date: "2025-04-10" },
};
const sat = (s: keyof typeof S, sitting: 1 | 2, score: number): SittingFact => ({ ...S[s], sitting, absent: false, score, maxScore: 100, passed: score >= 80 });
const absent = (s: keyof typeof S, sitting: 1 | 2): SittingFact => ({ ...S[s], sitting, absent: true, score: null, maxScore: null, passed: false });
const cert = (number: string, status: "VALID" | "REVOKED" = "VALID"): CertificateFact => ({ number, status, issuedAt: "2025-04-01", revokedAt: status === "REVOKED" ? "2025-05-01" : null });

const ENT = {
  E1: { enterpriseId: "E1", enterpriseName: "E1 矿业", countyId: "X", countyName: "X 县" },
  E2: { enterpriseId: "E2", enterpriseName: "E2 矿业", countyId: "Y", countyName: "Y 区" },
  E3: { enterpriseId: "E3", enterpriseName: "E3 石材", countyId: "X", countyName: "X 县" },
};
const CLASS = {
  A: { classId: "A", classCode: "2025-KS-001", className: "班组长班", providerId: "P1", providerName: "A 培训中心", category: "TEAM_LEADER" as Category },
  B: { classId: "B", classCode: "2025-KS-002", className: "安全管理人员班", providerId: "P2", providerName: "B 培训学校", category: "SAFETY_MANAGER" as Category },
};

function fact(id: string, cls: keyof typeof CLASS, ent: keyof typeof ENT, h: [number, number, number], sittings: SittingFact[], certificate: CertificateFact | null = null): EnrolmentFact {
  const c = CLASS[cls];
  return {
    enrolmentId: id,
    traineeId: `t-${id}`,
    name: `学员${id}`,
    idMasked: `2307**********${id.padStart(4, "0").slice(-4)}`,
    year: 2025,
    industry: "MINING",
    ...c,
    ...ENT[ent],
    hours: { online: h[0] * 60, offline: h[1] * 60, practical: h[2] * 60 },
    rule: findRule(rules, "MINING", c.category),
    sittings,
    certificate,
  };
}

const TL: [number, number, number] = [6, 12, 6];
const SM: [number, number, number] = [6, 14, 0];

export const FACTS: EnrolmentFact[] = [
  fact("a1", "A", "E1", TL, [sat("S1", 1, 90)], cert("YC-2025-0001")),
  fact("a2", "A", "E1", TL, [sat("S1", 1, 85)]),
  fact("a3", "A", "E1", TL, [sat("S1", 1, 70), sat("S3", 2, 82)]),
  fact("a4", "A", "E2", TL, [sat("S1", 1, 60), sat("S3", 2, 75)]),
  fact("a5", "A", "E2", [6, 14, 4], []),
  fact("a6", "A", "E2", TL, [absent("S1", 1)]),
  fact("b1", "B", "E2", SM, [sat("S2", 1, 95)], cert("YC-2025-0002")),
  fact("b2", "B", "E2", SM, [sat("S2", 1, 50)]),
  fact("b3", "B", "E3", SM, [sat("S2", 1, 80)], cert("YC-2025-0003", "REVOKED")),
  fact("b4", "B", "E3", [13, 7, 0], [sat("S2", 1, 88)]),
];

export const PLANS: PlanFact[] = [
  { year: 2025, industry: "MINING", category: "TEAM_LEADER", planned: 8 },
  { year: 2025, industry: "MINING", category: "SAFETY_MANAGER", planned: 4 },
  { year: 2025, industry: "MACHINERY", category: "TEAM_LEADER", planned: 5 },
  { year: 2024, industry: "MINING", category: "TEAM_LEADER", planned: 40 },
];
