// What the reports are computed from: one fact per enrolment (a trainee in a class), with its
// hours, the rule that applies, its RELEASED sittings and its certificate. The data layer
// (app/data/reports.server.ts) gathers these; everything here is pure.
import { checkEligibility, type HoursTotals, type RuleBreak } from "../eligibility";
import type { TrainingRule } from "../rules";
import type { Category, Industry } from "../vocabulary";

/** One sitting on a session whose results are released. */
export interface SittingFact {
  sessionId: string;
  sessionCode: string;
  /** YYYY-MM-DD of the session start. */
  date: string;
  sitting: 1 | 2;
  /** Registered but no graded attempt (marked absent, or never started). */
  absent: boolean;
  score: number | null;
  maxScore: number | null;
  passed: boolean;
}

export interface CertificateFact {
  number: string;
  status: "VALID" | "REVOKED";
  issuedAt: string;
  revokedAt: string | null;
}

export interface EnrolmentFact {
  enrolmentId: string;
  traineeId: string;
  name: string;
  idMasked: string;
  year: number;
  industry: Industry;
  category: Category;
  classId: string;
  classCode: string;
  className: string;
  providerId: string;
  providerName: string;
  enterpriseId: string;
  enterpriseName: string;
  countyId: string;
  countyName: string;
  hours: HoursTotals; // minutes
  rule: TrainingRule;
  sittings: SittingFact[];
  certificate: CertificateFact | null;
}

/** The yearly plan: should-train counts per industry × category. */
export interface PlanFact {
  year: number;
  industry: Industry;
  category: Category;
  planned: number;
}

export interface Outcome {
  breaks: RuleBreak[];
  eligible: boolean;
  firstSat: boolean;
  firstPassed: boolean;
  resitSat: boolean;
  resitPassed: boolean;
  /** Sat at least one released sitting. */
  sat: boolean;
  /** Passed a released sitting, first or resit. */
  passed: boolean;
  /** The sitting that passed, if any. */
  passing: SittingFact | null;
  /** Registered for a released sitting and did not sit it. */
  absences: number;
  certified: boolean;
}

/**
 * Where one enrolment stands. Absentees do not count as having sat; a sitting counts once its
 * session's results are released (the data layer passes only those).
 */
export function outcomeOf(f: EnrolmentFact): Outcome {
  const breaks = checkEligibility(f.hours, f.rule);
  const sat = f.sittings.filter((s) => !s.absent);
  const first = sat.find((s) => s.sitting === 1);
  const resit = sat.find((s) => s.sitting === 2);
  const passing = first?.passed ? first : resit?.passed ? resit : null;
  return {
    breaks,
    eligible: breaks.length === 0,
    firstSat: !!first,
    firstPassed: !!first?.passed,
    resitSat: !!resit,
    resitPassed: !!resit?.passed,
    sat: sat.length > 0,
    passed: !!passing,
    passing,
    absences: f.sittings.filter((s) => s.absent).length,
    certified: f.certificate?.status === "VALID",
  };
}

export const totalMinutes = (h: HoursTotals) => h.online + h.offline + h.practical;

/** numerator / denominator, or null when there is nobody to divide by. */
export const rate = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/** A share as a percentage text with one decimal when needed: 0.8333 → "83.3%". */
export function pctText(share: number | null): string {
  if (share === null) return "—";
  const p = Math.round(share * 1000) / 10;
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`;
}
