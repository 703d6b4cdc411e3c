import { nextSitting, type SittingRecord } from "~/domain/sitting";

const DEFAULT = { absenceUsesSitting: false };
const COUNTS = { absenceUsesSitting: true };
const ok = (sitting: 1 | 2) => ({ ok: true, sitting });
const no = (reason: string) => ({ ok: false, reason });

describe("which sitting comes next (one resit)", () => {
  it("a new enrolment sits the first sitting", () => {
    expect(nextSitting([], DEFAULT)).toEqual(ok(1));
  });
  it("a pass ends it", () => {
    expect(nextSitting([{ sitting: 1, outcome: "PASSED" }], DEFAULT)).toEqual(no("已通过考试"));
    expect(nextSitting([{ sitting: 1, outcome: "FAILED" }, { sitting: 2, outcome: "PASSED" }], DEFAULT)).toEqual(no("已通过考试"));
  });
  it("a first fail allows exactly one resit", () => {
    expect(nextSitting([{ sitting: 1, outcome: "FAILED" }], DEFAULT)).toEqual(ok(2));
  });
  it("terminated counts as a failed sitting", () => {
    expect(nextSitting([{ sitting: 1, outcome: "TERMINATED" }], DEFAULT)).toEqual(ok(2));
    expect(nextSitting([{ sitting: 1, outcome: "FAILED" }, { sitting: 2, outcome: "TERMINATED" }], DEFAULT)).toEqual(
      no("两次考试均未通过，须重新参加培训"),
    );
  });
  it("a second fail is final", () => {
    expect(nextSitting([{ sitting: 1, outcome: "FAILED" }, { sitting: 2, outcome: "FAILED" }], DEFAULT)).toEqual(
      no("两次考试均未通过，须重新参加培训"),
    );
  });
  it("a result still pending blocks the next sitting", () => {
    expect(nextSitting([{ sitting: 1, outcome: "PENDING" }], DEFAULT)).toEqual(no("上一场考试尚未出结果"));
    expect(nextSitting([{ sitting: 1, outcome: "FAILED" }, { sitting: 2, outcome: "PENDING" }], DEFAULT)).toEqual(no("上一场考试尚未出结果"));
  });
  it("by default an absence does not use up a sitting", () => {
    expect(nextSitting([{ sitting: 1, outcome: "ABSENT" }], DEFAULT)).toEqual(ok(1));
    expect(nextSitting([{ sitting: 1, outcome: "FAILED" }, { sitting: 2, outcome: "ABSENT" }], DEFAULT)).toEqual(ok(2));
  });
  it("when the setting says so, an absence counts as a failed sitting", () => {
    expect(nextSitting([{ sitting: 1, outcome: "ABSENT" }], COUNTS)).toEqual(ok(2));
    expect(nextSitting([{ sitting: 1, outcome: "ABSENT" }, { sitting: 2, outcome: "ABSENT" }], COUNTS)).toEqual(
      no("两次考试均未通过，须重新参加培训"),
    );
    expect(nextSitting([{ sitting: 1, outcome: "FAILED" }, { sitting: 2, outcome: "ABSENT" }], COUNTS)).toEqual(
      no("两次考试均未通过，须重新参加培训"),
    );
  });
  it("each record may carry its own session's absence setting", () => {
    const h: SittingRecord[] = [{ sitting: 1, outcome: "ABSENT", absenceUsesSitting: true }];
    expect(nextSitting(h, DEFAULT)).toEqual(ok(2));
    expect(nextSitting([{ sitting: 1, outcome: "ABSENT", absenceUsesSitting: false }], COUNTS)).toEqual(ok(1));
  });
});
