import fc from "fast-check";
import {
  ATTEMPT_STATES,
  FINAL_STATES,
  deadlineOf,
  isOverdue,
  remainingMs,
  transition,
  type AttemptAction,
  type AttemptSnapshot,
  type AttemptState,
  type Transition,
} from "~/domain/attempt";

const T0 = new Date("2025-04-10T01:00:00.000Z");
const at = (sec: number) => new Date(T0.getTime() + sec * 1000);

const snap = (over: Partial<AttemptSnapshot> = {}): AttemptSnapshot => ({
  state: "AWAITING",
  startedAt: null,
  durationSec: 7200,
  extensionSec: 0,
  pausedSec: 0,
  pausedAt: null,
  requireCamera: false,
  hasSignInSnapshot: false,
  cameraOverride: false,
  ...over,
});
const running = (over: Partial<AttemptSnapshot> = {}) => snap({ state: "IN_PROGRESS", startedAt: T0, ...over });

/** Applies a successful transition the way the service stores it. */
function apply(a: AttemptSnapshot, action: AttemptAction, now: Date): AttemptSnapshot {
  const t = transition(a, action, now);
  if (!t.ok) throw new Error(t.error);
  const { submittedAt: _s, submitReason: _r, deadlineAt: _d, admittedAt: _a, ...rest } = t.patch;
  return { ...a, ...rest };
}
const errorOf = (t: Transition) => (t.ok ? null : t.error);

const ALL_ACTIONS: AttemptAction[] = [
  { type: "admit" },
  { type: "pause", reason: "考场停电" },
  { type: "resume" },
  { type: "lock", reason: "违规次数超过阈值" },
  { type: "unlock" },
  { type: "extend", seconds: 600, reason: "机器故障" },
  { type: "submit", by: "CANDIDATE" },
  { type: "submit", by: "DEADLINE" },
  { type: "submit", by: "PROCTOR" },
  { type: "terminate", reason: "替考" },
];

describe("the attempt clock", () => {
  it("has no deadline before the start, and the full time remaining", () => {
    const a = snap({ extensionSec: 300 });
    expect(deadlineOf(a)).toBeNull();
    expect(remainingMs(a, at(99_999))).toBe(7500 * 1000);
  });
  it("deadline = start + duration + extension + paused time", () => {
    expect(deadlineOf(running({ extensionSec: 600, pausedSec: 90 }))).toEqual(at(7200 + 600 + 90));
  });
  it("while paused, the deadline excludes the current pause and the remaining time is frozen", () => {
    const a = running({ state: "PAUSED", pausedAt: at(1000) });
    expect(deadlineOf(a)).toEqual(at(7200));
    expect(remainingMs(a, at(1000))).toBe(6200_000);
    expect(remainingMs(a, at(5000))).toBe(6200_000);
    expect(remainingMs(a, at(90_000))).toBe(6200_000);
  });
  it("never goes negative", () => {
    expect(remainingMs(running(), at(7200))).toBe(0);
    expect(remainingMs(running(), at(8000))).toBe(0);
  });
});

describe("transitions", () => {
  it("admit starts the clock and sets the deadline", () => {
    const t = transition(snap(), { type: "admit" }, at(0));
    expect(t).toEqual({ ok: true, patch: { state: "IN_PROGRESS", startedAt: at(0), admittedAt: at(0), deadlineAt: at(7200) } });
  });
  it("admit keeps an existing start (re-admission after a transfer)", () => {
    const t = transition(snap({ startedAt: at(-60) }), { type: "admit" }, at(0));
    expect(t.ok && t.patch.startedAt).toEqual(at(-60));
    expect(t.ok && t.patch.deadlineAt).toEqual(at(7140));
  });
  it("a required camera without a sign-in snapshot blocks admission until a proctor overrides", () => {
    const noShot = snap({ requireCamera: true });
    expect(errorOf(transition(noShot, { type: "admit" }, at(0)))).toMatch(/^需要摄像头.*监考员确认/);
    expect(transition({ ...noShot, hasSignInSnapshot: true }, { type: "admit" }, at(0)).ok).toBe(true);
    expect(transition({ ...noShot, cameraOverride: true }, { type: "admit" }, at(0)).ok).toBe(true);
    expect(transition(snap({ requireCamera: false }), { type: "admit" }, at(0)).ok).toBe(true);
  });

  it("pause and resume add the whole paused seconds to the deadline", () => {
    const paused = apply(running(), { type: "pause", reason: "停电" }, at(600));
    expect(paused).toMatchObject({ state: "PAUSED", pausedAt: at(600), pausedSec: 0 });
    const t = transition(paused, { type: "resume" }, at(900));
    expect(t).toEqual({ ok: true, patch: { state: "IN_PROGRESS", pausedSec: 300, pausedAt: null, deadlineAt: at(7500) } });
  });
  it("a part second of pause is rounded up, never costing the candidate time", () => {
    const paused = apply(running(), { type: "pause", reason: "停电" }, at(600));
    const resumed = apply(paused, { type: "resume" }, new Date(at(610).getTime() + 100));
    expect(resumed.pausedSec).toBe(11);
    expect(remainingMs(resumed, new Date(at(610).getTime() + 100))).toBe((7200 - 600) * 1000 + 900);
  });
  it("several pauses add up; an extension during a pause counts at once", () => {
    let a = running();
    a = apply(a, { type: "pause", reason: "一" }, at(100));
    a = apply(a, { type: "resume" }, at(160)); // 60 s
    a = apply(a, { type: "pause", reason: "二" }, at(1000));
    expect(remainingMs(a, at(1500))).toBe((7260 - 1000) * 1000);
    const ext = transition(a, { type: "extend", seconds: 600, reason: "机器故障" }, at(1200));
    expect(ext).toEqual({ ok: true, patch: { extensionSec: 600, deadlineAt: at(7200 + 60 + 600) } });
    a = apply(a, { type: "extend", seconds: 600, reason: "机器故障" }, at(1200));
    expect(remainingMs(a, at(1500))).toBe((7860 - 1000) * 1000);
    a = apply(a, { type: "resume" }, at(1300)); // 300 s
    expect(a).toMatchObject({ state: "IN_PROGRESS", pausedSec: 360, pausedAt: null, extensionSec: 600 });
    expect(deadlineOf(a)).toEqual(at(7200 + 600 + 360));
    expect(remainingMs(a, at(1300))).toBe((7860 - 1000) * 1000);
  });

  it("lock and unlock keep the clock running", () => {
    const locked = apply(running(), { type: "lock", reason: "离开全屏 3 次" }, at(100));
    expect(locked.state).toBe("LOCKED");
    expect(remainingMs(locked, at(1100))).toBe(6100_000);
    const t = transition(locked, { type: "unlock" }, at(1100));
    expect(t).toEqual({ ok: true, patch: { state: "IN_PROGRESS", deadlineAt: at(7200) } });
  });

  it("extend works in every non-final state, and only for 1..7200 whole seconds", () => {
    for (const state of ["AWAITING", "IN_PROGRESS", "PAUSED", "LOCKED"] as const) {
      const a = state === "AWAITING" ? snap() : running({ state, pausedAt: state === "PAUSED" ? at(5) : null });
      const t = transition(a, { type: "extend", seconds: 7200, reason: "r" }, at(10));
      expect(t.ok, state).toBe(true);
      expect(t.ok && t.patch.extensionSec).toBe(7200);
      expect(t.ok && t.patch.deadlineAt).toEqual(state === "AWAITING" ? null : at(14_400));
    }
    for (const seconds of [0, -5, 7201, 1.5, Number.NaN])
      expect(errorOf(transition(running(), { type: "extend", seconds, reason: "r" }, at(0)))).toBe(
        `延长时间须为 1–7200 秒之间的整数，收到 ${seconds}`,
      );
    expect(errorOf(transition(snap({ state: "SUBMITTED" }), { type: "extend", seconds: 60, reason: "r" }, at(0)))).toBe("考试已提交，不能延长时间");
  });

  it("actions that carry a reason refuse an empty one", () => {
    expect(errorOf(transition(running(), { type: "pause", reason: "  " }, at(0)))).toBe("请填写暂停原因");
    expect(errorOf(transition(running(), { type: "lock", reason: "" }, at(0)))).toBe("请填写锁定原因");
    expect(errorOf(transition(running(), { type: "extend", seconds: 60, reason: "" }, at(0)))).toBe("请填写延长时间原因");
    expect(errorOf(transition(running(), { type: "terminate", reason: "" }, at(0)))).toBe("请填写终止原因");
  });

  it("candidate submit only while in progress", () => {
    const t = transition(running(), { type: "submit", by: "CANDIDATE" }, at(3000));
    expect(t).toEqual({ ok: true, patch: { state: "SUBMITTED", submittedAt: at(3000), submitReason: "CANDIDATE", deadlineAt: at(7200) } });
    expect(errorOf(transition(running({ state: "PAUSED", pausedAt: at(1) }), { type: "submit", by: "CANDIDATE" }, at(2)))).toBe("考试已暂停，不能提交");
    expect(errorOf(transition(running({ state: "LOCKED" }), { type: "submit", by: "CANDIDATE" }, at(2)))).toBe("考试已锁定，不能提交");
    expect(errorOf(transition(snap(), { type: "submit", by: "CANDIDATE" }, at(2)))).toBe("考试尚未放行，不能提交");
  });
  it("deadline submit only once overdue, from in progress or locked", () => {
    expect(errorOf(transition(running(), { type: "submit", by: "DEADLINE" }, at(7199)))).toBe("考试正在进行，尚未到交卷时间（还剩 1 秒），不能按时限自动提交");
    for (const state of ["IN_PROGRESS", "LOCKED"] as const) {
      const t = transition(running({ state }), { type: "submit", by: "DEADLINE" }, at(7200));
      expect(t.ok && t.patch).toEqual({ state: "SUBMITTED", submittedAt: at(7200), submitReason: "DEADLINE", deadlineAt: at(7200) });
    }
    expect(errorOf(transition(running({ state: "PAUSED", pausedAt: at(7000) }), { type: "submit", by: "DEADLINE" }, at(9000)))).toBe(
      "考试已暂停，不能提交（计时未在进行）",
    );
    expect(errorOf(transition(snap(), { type: "submit", by: "DEADLINE" }, at(9000)))).toBe("考试尚未放行，不能提交（计时未在进行）");
  });
  it("proctor submit from any non-final state; a pause in progress is settled", () => {
    for (const state of ["AWAITING", "IN_PROGRESS", "LOCKED"] as const)
      expect(transition(state === "AWAITING" ? snap() : running({ state }), { type: "submit", by: "PROCTOR" }, at(10)).ok).toBe(true);
    const t = transition(running({ state: "PAUSED", pausedAt: at(100) }), { type: "submit", by: "PROCTOR" }, at(160));
    expect(t.ok && t.patch).toEqual({ state: "SUBMITTED", submittedAt: at(160), submitReason: "PROCTOR", pausedSec: 60, pausedAt: null, deadlineAt: at(7260) });
  });
  it("submit is idempotent: a submitted attempt submits again as a no-op, whoever asks", () => {
    const done = apply(running(), { type: "submit", by: "CANDIDATE" }, at(100));
    for (const by of ["CANDIDATE", "DEADLINE", "PROCTOR"] as const)
      expect(transition(done, { type: "submit", by }, at(200))).toEqual({ ok: true, patch: {}, noop: true });
  });
  it("a terminated attempt cannot be submitted; terminate works from any non-final state", () => {
    expect(errorOf(transition(snap({ state: "TERMINATED" }), { type: "submit", by: "PROCTOR" }, at(0)))).toBe("考试已终止，不能提交");
    for (const state of ["AWAITING", "IN_PROGRESS", "PAUSED", "LOCKED"] as const) {
      const a = state === "AWAITING" ? snap() : running({ state, pausedAt: state === "PAUSED" ? at(10) : null });
      const t = transition(a, { type: "terminate", reason: "替考" }, at(70));
      expect(t.ok && t.patch.state, state).toBe("TERMINATED");
      if (state === "PAUSED") expect(t.ok && t.patch).toMatchObject({ pausedSec: 60, pausedAt: null });
    }
    expect(errorOf(transition(snap({ state: "SUBMITTED" }), { type: "terminate", reason: "x" }, at(0)))).toBe("考试已提交，不能终止");
  });

  it("refuses every action outside its states, naming the current state", () => {
    const allowed: Record<string, AttemptState[]> = {
      admit: ["AWAITING"],
      pause: ["IN_PROGRESS"],
      resume: ["PAUSED"],
      lock: ["IN_PROGRESS"],
      unlock: ["LOCKED"],
      extend: ["AWAITING", "IN_PROGRESS", "PAUSED", "LOCKED"],
      "submit:CANDIDATE": ["IN_PROGRESS", "SUBMITTED"],
      "submit:DEADLINE": ["IN_PROGRESS", "LOCKED", "SUBMITTED"],
      "submit:PROCTOR": ["AWAITING", "IN_PROGRESS", "PAUSED", "LOCKED", "SUBMITTED"],
      terminate: ["AWAITING", "IN_PROGRESS", "PAUSED", "LOCKED"],
    };
    const stateZh: Record<AttemptState, string> = {
      AWAITING: "考试尚未放行",
      IN_PROGRESS: "考试正在进行",
      PAUSED: "考试已暂停",
      LOCKED: "考试已锁定",
      SUBMITTED: "考试已提交",
      TERMINATED: "考试已终止",
    };
    let refusals = 0;
    for (const state of ATTEMPT_STATES)
      for (const action of ALL_ACTIONS) {
        const key = action.type === "submit" ? `submit:${action.by}` : action.type;
        const a = snap({ state, startedAt: state === "AWAITING" ? null : T0, pausedAt: state === "PAUSED" ? at(10) : null });
        const t = transition(a, action, at(8000)); // past the deadline, so DEADLINE submits can go
        expect(t.ok, `${state} ${key}`).toBe(allowed[key].includes(state));
        if (!t.ok) {
          refusals++;
          expect(t.error.startsWith(stateZh[state]), t.error).toBe(true);
        }
      }
    expect(refusals).toBe(60 - 23);
  });

  it("every successful patch carries deadlineAt = deadlineOf(the new clock)", () => {
    const stateArb = fc.constantFrom(...ATTEMPT_STATES);
    const actionArb = fc.constantFrom(...ALL_ACTIONS);
    fc.assert(
      fc.property(stateArb, actionArb, fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 3000 }), (state, action, now, paused) => {
        const a = snap({ state, startedAt: state === "AWAITING" ? null : T0, pausedSec: paused, pausedAt: state === "PAUSED" ? at(now / 2) : null });
        const t = transition(a, action, at(now));
        if (!t.ok || t.noop) return;
        const after = { ...a, ...t.patch };
        expect(t.patch.deadlineAt).toEqual(deadlineOf(after));
        if (FINAL_STATES.includes(after.state)) expect(after.pausedAt).toBeNull();
      }),
    );
  });
});

describe("remaining time (property)", () => {
  it("decreases with time while running and stays frozen while paused", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 60, max: 10_000 }),
        fc.integer({ min: 0, max: 7200 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.array(fc.integer({ min: 0, max: 20_000_000 }), { minLength: 2, maxLength: 8 }),
        (duration, extension, pausedSec, times) => {
          const sorted = [...times].sort((x, y) => x - y).map((ms) => new Date(T0.getTime() + ms));
          const run = running({ durationSec: duration, extensionSec: extension, pausedSec });
          const r = sorted.map((t) => remainingMs(run, t));
          for (let i = 1; i < r.length; i++) expect(r[i]).toBeLessThanOrEqual(r[i - 1]);
          for (let i = 0; i < r.length; i++)
            expect(r[i]).toBe(Math.max(0, (duration + extension + pausedSec) * 1000 - (sorted[i].getTime() - T0.getTime())));
          const paused = { ...run, state: "PAUSED" as const, pausedAt: sorted[0] };
          for (const t of sorted) expect(remainingMs(paused, t)).toBe(r[0]);
        },
      ),
    );
  });
  it("a pause never shortens the time left, and costs at most one second", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7_000_000 }), fc.integer({ min: 0, max: 5_000_000 }), (pauseAtMs, lengthMs) => {
        const p = new Date(T0.getTime() + pauseAtMs);
        const r = new Date(p.getTime() + lengthMs);
        const before = remainingMs(running(), p);
        const resumed = apply(apply(running(), { type: "pause", reason: "x" }, p), { type: "resume" }, r);
        const after = remainingMs(resumed, r);
        expect(after).toBeGreaterThanOrEqual(before);
        expect(after - before).toBeLessThan(1000);
      }),
    );
  });
});

describe("overdue detection", () => {
  it("is true only while running and at or after the deadline", () => {
    expect(isOverdue(running(), at(7199))).toBe(false);
    expect(isOverdue(running(), at(7200))).toBe(true);
    expect(isOverdue(running({ state: "LOCKED" }), at(9000))).toBe(true);
    expect(isOverdue(running({ extensionSec: 600 }), at(7200))).toBe(false);
    expect(isOverdue(running({ state: "PAUSED", pausedAt: at(100) }), at(99_999))).toBe(false);
    expect(isOverdue(snap(), at(99_999))).toBe(false);
    expect(isOverdue(running({ state: "SUBMITTED" }), at(99_999))).toBe(false);
    expect(isOverdue(running({ state: "TERMINATED" }), at(99_999))).toBe(false);
  });
});
