// The attempt state machine and the server-owned clock (DESIGN.md §4, §7; issue 5).
// Pure: every function takes `now`; the service stores the returned patch in one transaction.
//
//   AWAITING ──admit──▶ IN_PROGRESS ◀──resume── PAUSED
//                        │  ▲  └──pause──────────▲
//                   lock │  │ unlock
//                        ▼  │
//                       LOCKED   (the clock keeps running while locked)
//   any non-final ──submit──▶ SUBMITTED   any non-final ──terminate──▶ TERMINATED
//
// Deadline = startedAt + duration + extensions + time spent paused (whole seconds).

export const ATTEMPT_STATES = ["AWAITING", "IN_PROGRESS", "PAUSED", "LOCKED", "SUBMITTED", "TERMINATED"] as const;
export type AttemptState = (typeof ATTEMPT_STATES)[number];
export const FINAL_STATES: readonly AttemptState[] = ["SUBMITTED", "TERMINATED"];
/** States in which the clock runs (and the deadline can pass). */
export const RUNNING_STATES: readonly AttemptState[] = ["IN_PROGRESS", "LOCKED"];

export const isFinalState = (s: AttemptState) => FINAL_STATES.includes(s);

/** How each state is named in a refusal ("考试已暂停，不能提交") and on screens. */
export const ATTEMPT_STATE_LABEL: Record<AttemptState, { zh: string; en: string }> = {
  AWAITING: { zh: "考试尚未放行", en: "awaiting admission" },
  IN_PROGRESS: { zh: "考试正在进行", en: "in progress" },
  PAUSED: { zh: "考试已暂停", en: "paused" },
  LOCKED: { zh: "考试已锁定", en: "locked" },
  SUBMITTED: { zh: "考试已提交", en: "submitted" },
  TERMINATED: { zh: "考试已终止", en: "terminated" },
};

export interface AttemptClock {
  startedAt: Date | null;
  durationSec: number;
  extensionSec: number;
  pausedSec: number;
  pausedAt: Date | null;
}

export const MAX_EXTENSION_SEC = 7200;

/**
 * startedAt + duration + extension + total paused time; null before start. While paused this is
 * the deadline excluding the current pause (the pause is added when it ends, on resume).
 */
export function deadlineOf(c: AttemptClock): Date | null {
  if (!c.startedAt) return null;
  return new Date(c.startedAt.getTime() + (c.durationSec + c.extensionSec + c.pausedSec) * 1000);
}

/**
 * Milliseconds left at `now`, never negative: before start the full duration + extension; while
 * paused frozen at the moment of pausing; otherwise deadline − now.
 */
export function remainingMs(c: AttemptClock, now: Date): number {
  const deadline = deadlineOf(c);
  if (!deadline) return Math.max(0, (c.durationSec + c.extensionSec) * 1000);
  const at = c.pausedAt ?? now;
  return Math.max(0, deadline.getTime() - at.getTime());
}

/**
 * Whole seconds of the current pause at `now`, rounded up so that rounding never costs the
 * candidate time (a pause of 2.1 s adds 3 s). Zero when not paused or when `now` precedes it.
 */
export function pauseSecondsAt(c: AttemptClock, now: Date): number {
  if (!c.pausedAt) return 0;
  return Math.max(0, Math.ceil((now.getTime() - c.pausedAt.getTime()) / 1000));
}

export type AttemptAction =
  | { type: "admit" }
  | { type: "pause"; reason: string }
  | { type: "resume" }
  | { type: "lock"; reason: string }
  | { type: "unlock" }
  | { type: "extend"; seconds: number; reason: string }
  | { type: "submit"; by: "CANDIDATE" | "DEADLINE" | "PROCTOR" }
  | { type: "terminate"; reason: string };

export interface AttemptSnapshot extends AttemptClock {
  state: AttemptState;
  requireCamera: boolean;
  hasSignInSnapshot: boolean;
  cameraOverride: boolean;
}

export type AttemptPatch = Partial<
  AttemptClock & {
    state: AttemptState;
    submittedAt: Date;
    submitReason: string;
    deadlineAt: Date | null;
    /** Set on admit (the Attempt.admittedAt column). */
    admittedAt: Date;
  }
>;

export type Transition =
  | { ok: true; patch: AttemptPatch; noop?: boolean }
  | { ok: false; error: string /* Chinese, specific */ };

const ACTION_ZH: Record<AttemptAction["type"], string> = {
  admit: "放行",
  pause: "暂停",
  resume: "继续",
  lock: "锁定",
  unlock: "解锁",
  extend: "延长时间",
  submit: "提交",
  terminate: "终止",
};

const refuse = (error: string): Transition => ({ ok: false, error });
const wrongState = (a: AttemptSnapshot, action: AttemptAction["type"], hint = ""): Transition =>
  refuse(`${ATTEMPT_STATE_LABEL[a.state].zh}，不能${ACTION_ZH[action]}${hint}`);

/** The patch with deadlineAt recomputed from the clock it leaves behind. */
function withDeadline(a: AttemptSnapshot, patch: AttemptPatch): Transition {
  const clock: AttemptClock = {
    startedAt: patch.startedAt !== undefined ? patch.startedAt : a.startedAt,
    durationSec: patch.durationSec ?? a.durationSec,
    extensionSec: patch.extensionSec ?? a.extensionSec,
    pausedSec: patch.pausedSec ?? a.pausedSec,
    pausedAt: patch.pausedAt !== undefined ? patch.pausedAt : a.pausedAt,
  };
  return { ok: true, patch: { ...patch, deadlineAt: deadlineOf(clock) } };
}

/** Ends a pause in progress: its whole seconds join pausedSec. Empty when not paused. */
function settlePause(a: AttemptSnapshot, now: Date): AttemptPatch {
  return a.pausedAt ? { pausedSec: a.pausedSec + pauseSecondsAt(a, now), pausedAt: null } : {};
}

function missingReason(action: AttemptAction): string | null {
  if (!("reason" in action)) return null;
  return typeof action.reason === "string" && action.reason.trim() ? null : `请填写${ACTION_ZH[action.type]}原因`;
}

export function transition(a: AttemptSnapshot, action: AttemptAction, now: Date): Transition {
  const noReason = missingReason(action);
  if (noReason) return refuse(noReason);
  const s = a.state;
  switch (action.type) {
    case "admit":
      if (s !== "AWAITING") return wrongState(a, "admit");
      if (a.requireCamera && !a.hasSignInSnapshot && !a.cameraOverride)
        return refuse("需要摄像头：尚无签到照片，请监考员确认考生身份后放行（摄像头豁免）");
      return withDeadline(a, { state: "IN_PROGRESS", startedAt: a.startedAt ?? now, admittedAt: now });

    case "pause":
      if (s !== "IN_PROGRESS") return wrongState(a, "pause");
      return withDeadline(a, { state: "PAUSED", pausedAt: now });

    case "resume":
      if (s !== "PAUSED") return wrongState(a, "resume", s === "LOCKED" ? "（请先解锁）" : "");
      return withDeadline(a, { state: "IN_PROGRESS", ...settlePause(a, now) });

    case "lock":
      if (s !== "IN_PROGRESS") return wrongState(a, "lock");
      return withDeadline(a, { state: "LOCKED" });

    case "unlock":
      if (s !== "LOCKED") return wrongState(a, "unlock");
      return withDeadline(a, { state: "IN_PROGRESS" });

    case "extend": {
      if (isFinalState(s)) return wrongState(a, "extend");
      const sec = action.seconds;
      if (!Number.isInteger(sec) || sec < 1 || sec > MAX_EXTENSION_SEC)
        return refuse(`延长时间须为 1–${MAX_EXTENSION_SEC} 秒之间的整数，收到 ${String(sec)}`);
      return withDeadline(a, { extensionSec: a.extensionSec + sec });
    }

    case "submit":
      return submit(a, action.by, now);

    case "terminate":
      if (isFinalState(s)) return wrongState(a, "terminate");
      return withDeadline(a, { state: "TERMINATED", ...settlePause(a, now) });
  }
}

function submit(a: AttemptSnapshot, by: "CANDIDATE" | "DEADLINE" | "PROCTOR", now: Date): Transition {
  const s = a.state;
  if (by !== "CANDIDATE" && by !== "DEADLINE" && by !== "PROCTOR") return refuse(`未知的提交方式：${String(by)}`);
  if (s === "SUBMITTED") return { ok: true, patch: {}, noop: true };
  if (s === "TERMINATED") return wrongState(a, "submit");
  if (by === "CANDIDATE" && s !== "IN_PROGRESS") return wrongState(a, "submit");
  if (by === "DEADLINE") {
    if (!RUNNING_STATES.includes(s)) return wrongState(a, "submit", "（计时未在进行）");
    if (!isOverdue(a, now)) {
      const left = Math.ceil(remainingMs(a, now) / 1000);
      return refuse(`${ATTEMPT_STATE_LABEL[s].zh}，尚未到交卷时间（还剩 ${left} 秒），不能按时限自动提交`);
    }
  }
  return withDeadline(a, { state: "SUBMITTED", submittedAt: now, submitReason: by, ...settlePause(a, now) });
}

/** Running (IN_PROGRESS or LOCKED) and the deadline has come. */
export function isOverdue(a: AttemptClock & { state: AttemptState }, now: Date): boolean {
  if (!RUNNING_STATES.includes(a.state)) return false;
  const deadline = deadlineOf(a);
  return deadline !== null && now.getTime() >= deadline.getTime();
}
