// One resit (DESIGN.md §3; issue 5 "One resit"): which sitting an enrolment may take next.
// A failed sitting (TERMINATED counts as failed) allows exactly one resit; a second fail is final
// and the trainee must retrain through a new enrolment. An absence uses up a sitting only when
// the session's setting says so (default: it does not).

export type SittingOutcome = "PASSED" | "FAILED" | "TERMINATED" | "ABSENT" | "PENDING";

export interface SittingRecord {
  sitting: 1 | 2;
  outcome: SittingOutcome;
  /** That session's own setting; overrides opts.absenceUsesSitting for this record. */
  absenceUsesSitting?: boolean;
}

export type NextSitting = { ok: true; sitting: 1 | 2 } | { ok: false; reason: string };

export const SITTING_REFUSALS = {
  passed: "已通过考试",
  final: "两次考试均未通过，须重新参加培训",
  pending: "上一场考试尚未出结果",
} as const;

/** Does this record use up one of the two sittings (as a fail)? */
export function usesSitting(r: SittingRecord, opts: { absenceUsesSitting: boolean }): boolean {
  if (r.outcome === "FAILED" || r.outcome === "TERMINATED") return true;
  if (r.outcome === "ABSENT") return r.absenceUsesSitting ?? opts.absenceUsesSitting;
  return false;
}

export function nextSitting(history: SittingRecord[], opts: { absenceUsesSitting: boolean }): NextSitting {
  if (history.some((h) => h.outcome === "PASSED")) return { ok: false, reason: SITTING_REFUSALS.passed };
  if (history.some((h) => h.outcome === "PENDING")) return { ok: false, reason: SITTING_REFUSALS.pending };
  const used = history.filter((h) => usesSitting(h, opts)).length;
  if (used >= 2) return { ok: false, reason: SITTING_REFUSALS.final };
  return { ok: true, sitting: used === 0 ? 1 : 2 };
}
