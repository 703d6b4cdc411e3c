// Pass rates from released results only.
// - First sitting: passed at the first sitting / sat the first sitting.
// - After resit: passed at either sitting / sat at least one sitting (so a trainee who failed
//   the first sitting and passed the resit counts once, as a pass).
// Absentees are not candidates; they are counted separately.
import { outcomeOf, rate, type EnrolmentFact } from "./facts";
import { groupFacts, type Dimension, type Label } from "./group";

export interface PassCounts {
  firstSat: number;
  firstPassed: number;
  resitSat: number;
  resitPassed: number;
  sat: number;
  passed: number;
  absent: number;
  firstRate: number | null;
  resitRate: number | null;
  overallRate: number | null;
}

export interface PassRateRow extends PassCounts {
  key: string;
  label: Label;
}

export function passCounts(facts: readonly EnrolmentFact[]): PassCounts {
  const c = { firstSat: 0, firstPassed: 0, resitSat: 0, resitPassed: 0, sat: 0, passed: 0, absent: 0 };
  for (const f of facts) {
    const o = outcomeOf(f);
    if (o.firstSat) c.firstSat++;
    if (o.firstPassed) c.firstPassed++;
    if (o.resitSat) c.resitSat++;
    if (o.resitPassed) c.resitPassed++;
    if (o.sat) c.sat++;
    if (o.passed) c.passed++;
    c.absent += o.absences;
  }
  return { ...c, firstRate: rate(c.firstPassed, c.firstSat), resitRate: rate(c.resitPassed, c.resitSat), overallRate: rate(c.passed, c.sat) };
}

/** One row per group that has at least one released sitting (or absence). */
export function passRatesBy(facts: readonly EnrolmentFact[], dim: Dimension): PassRateRow[] {
  return groupFacts(facts, dim)
    .map((g) => ({ key: g.key, label: g.label, ...passCounts(g.facts) }))
    .filter((r) => r.sat + r.absent > 0);
}

export interface TrendPoint {
  sessionId: string;
  sessionCode: string;
  date: string;
  /** Candidates who sat, split by first sitting and resit. */
  firstSat: number;
  firstPassed: number;
  resitSat: number;
  resitPassed: number;
  sat: number;
  passed: number;
  absent: number;
  rate: number | null;
  firstRate: number | null;
}

/** Pass rate per released session, oldest first (ties by session code). */
export function passTrend(facts: readonly EnrolmentFact[]): TrendPoint[] {
  const points = new Map<string, TrendPoint>();
  for (const f of facts)
    for (const s of f.sittings) {
      let p = points.get(s.sessionId);
      if (!p)
        points.set(
          s.sessionId,
          (p = { sessionId: s.sessionId, sessionCode: s.sessionCode, date: s.date, firstSat: 0, firstPassed: 0, resitSat: 0, resitPassed: 0, sat: 0, passed: 0, absent: 0, rate: null, firstRate: null }),
        );
      if (s.absent) {
        p.absent++;
        continue;
      }
      p.sat++;
      if (s.passed) p.passed++;
      if (s.sitting === 1) {
        p.firstSat++;
        if (s.passed) p.firstPassed++;
      } else {
        p.resitSat++;
        if (s.passed) p.resitPassed++;
      }
    }
  return [...points.values()]
    .map((p) => ({ ...p, rate: rate(p.passed, p.sat), firstRate: rate(p.firstPassed, p.firstSat) }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.sessionCode.localeCompare(b.sessionCode));
}
