// The certificate as data: numbering, the canonical payload, which sitting is certified, the QR
// text, masking, and the retraining-hours ledger arithmetic.
import {
  buildPayload,
  canonicalPayload,
  certifiableSitting,
  chinaDate,
  DEFAULT_CERT_NUMBER_PATTERN,
  formatCertificateNumber,
  ledgerYears,
  maskName,
  numberPatternError,
  parsePayload,
  passValidThrough,
  qrContent,
  retrainingStatus,
  type SittingForCert,
} from "~/domain/certificate";

const input = () => ({
  number: "YCYJ-2025-00007",
  trainee: { name: "张三丰", idMasked: "230781********1234", enterprise: "铁力市青山矿业有限公司" },
  industry: "MINING" as const,
  category: "TEAM_LEADER" as const,
  class: { code: "2025-KS-001", name: "2025年矿山班组长工伤预防培训班", provider: "伊春兴安职业技能培训学校", start: "2025-03-03", end: "2025-03-08" },
  hours: { online: 360, offline: 720, practical: 360 },
  exam: { date: "2025-03-11", sitting: 1 as const, score: 86.000000001, maxScore: 100, passed: true as const },
  retraining: { year: 2025, minutes: 1440 },
  issueDate: "2025-03-20",
  keyId: "0123456789",
});

describe("certificate numbers", () => {
  it("formats the default pattern with the year and a zero-padded sequence", () => {
    expect(DEFAULT_CERT_NUMBER_PATTERN).toBe("YCYJ-{YYYY}-{SEQ:5}");
    expect(formatCertificateNumber(DEFAULT_CERT_NUMBER_PATTERN, { year: 2025, seq: 1 })).toBe("YCYJ-2025-00001");
    expect(formatCertificateNumber(DEFAULT_CERT_NUMBER_PATTERN, { year: 2025, seq: 12345 })).toBe("YCYJ-2025-12345");
  });
  it("prints a sequence wider than its padding in full rather than truncating it", () => {
    expect(formatCertificateNumber("YC{YY}{SEQ:3}", { year: 2026, seq: 1234 })).toBe("YC261234");
  });
  it("is sequential: consecutive sequences give consecutive numbers", () => {
    const nums = [1, 2, 3].map((seq) => formatCertificateNumber("PX_{YYYY}_{SEQ:4}", { year: 2030, seq }));
    expect(nums).toEqual(["PX_2030_0001", "PX_2030_0002", "PX_2030_0003"]);
  });
  it("refuses patterns without a year or a sequence, or with characters unsafe in a URL, saying which", () => {
    expect(numberPatternError(DEFAULT_CERT_NUMBER_PATTERN)).toBeNull();
    expect(numberPatternError("YCYJ-{SEQ:5}")).toContain("缺少年份");
    expect(numberPatternError("YCYJ-{YYYY}")).toContain("缺少序号");
    expect(numberPatternError("证书{YYYY}{SEQ}")).toContain("只能包含字母");
    expect(numberPatternError("A/{YYYY}/{SEQ}")).toContain("只能包含字母");
    expect(numberPatternError("{YYYY}{SEQ}{SEQ:2}")).toContain("只能有一个序号");
    expect(() => formatCertificateNumber("X-{SEQ}", { year: 2025, seq: 1 })).toThrow("缺少年份");
    expect(() => formatCertificateNumber(DEFAULT_CERT_NUMBER_PATTERN, { year: 2025, seq: 0 })).toThrow("序号应为正整数");
  });
});

describe("canonical payload", () => {
  it("is canonical JSON: keys sorted at every level, no whitespace, floats normalised", () => {
    const text = canonicalPayload(buildPayload(input()));
    expect(JSON.stringify(JSON.parse(text))).toBe(text); // no whitespace
    expect(text.startsWith('{"category":"TEAM_LEADER","class":{"code":"2025-KS-001","end":"2025-03-08"')).toBe(true);
    expect(text).toContain('"exam":{"date":"2025-03-11","maxScore":100,"passed":true,"score":86,"sitting":1}');
    expect(text).toContain('"issuer":"伊春市应急管理局"');
    expect(text.endsWith('"v":1}')).toBe(true);
  });
  it("does not depend on the order the fields were given in", () => {
    const a = input();
    const b = { keyId: a.keyId, issueDate: a.issueDate, retraining: a.retraining, exam: a.exam, hours: { practical: 360, offline: 720, online: 360 }, class: a.class, category: a.category, industry: a.industry, trainee: a.trainee, number: a.number };
    expect(canonicalPayload(buildPayload(b))).toBe(canonicalPayload(buildPayload(a)));
  });
  it("reads back only canonical text", () => {
    const text = canonicalPayload(buildPayload(input()));
    expect(parsePayload(text)?.number).toBe("YCYJ-2025-00007");
    expect(parsePayload(JSON.stringify(JSON.parse(text), null, 1))).toBeNull();
    expect(parsePayload("not json")).toBeNull();
  });
  it("refuses a payload with bad fields, naming them", () => {
    expect(() => buildPayload({ ...input(), hours: { online: -1, offline: 1.5, practical: 0 } })).toThrow(/online=-1.*offline=1.5/);
    expect(() => buildPayload({ ...input(), issueDate: "2025/3/20" })).toThrow("2025/3/20");
  });
});

describe("which sitting a certificate certifies", () => {
  const at = new Date("2025-03-11T02:00:00Z");
  const soon = { now: new Date("2025-03-20T02:00:00Z"), months: 12 };
  const s = (sitting: number, o: Partial<SittingForCert> & { passed?: boolean | null; state?: string } = {}): SittingForCert => ({
    sitting,
    absent: o.absent ?? false,
    releasedAt: "releasedAt" in o ? o.releasedAt! : at,
    attempt: o.absent ? null : { id: `a${sitting}`, state: o.state ?? "SUBMITTED", passed: o.passed ?? true, score: o.passed === false ? 60 : 88, maxScore: 100, submittedAt: at },
  });
  it("certifies a released first-sitting pass", () => {
    expect(certifiableSitting([s(1)], soon)).toMatchObject({ ok: true, sitting: 1, attemptId: "a1", score: 88 });
  });
  it("certifies a released resit pass after a fail", () => {
    expect(certifiableSitting([s(2), s(1, { passed: false })], soon)).toMatchObject({ ok: true, sitting: 2, attemptId: "a2" });
  });
  it("never certifies an unreleased result", () => {
    expect(certifiableSitting([s(1, { releasedAt: null })], soon)).toMatchObject({ ok: false, code: "NOT_RELEASED", reason: "考试成绩尚未发布" });
  });
  it("does not certify fails, terminated attempts or absences, saying why", () => {
    expect(certifiableSitting([s(1, { passed: false })], soon)).toMatchObject({ ok: false, code: "FAILED" });
    expect(certifiableSitting([s(1, { passed: false }), s(2, { passed: false })], soon)).toMatchObject({ code: "FAILED", reason: "首次考试和补考均未合格" });
    expect(certifiableSitting([s(1, { state: "TERMINATED", passed: true })], soon)).toMatchObject({ ok: false, code: "FAILED" });
    expect(certifiableSitting([s(1, { absent: true })], soon)).toMatchObject({ ok: false, code: "NOT_SAT" });
    expect(certifiableSitting([], soon)).toMatchObject({ ok: false, code: "NOT_SAT", reason: "尚未安排考试" });
  });
  it("refuses a pass past its validity, naming the exam date, the months and the last valid day", () => {
    // 2025-03-11 10:00 Beijing; valid through 2026-03-11 (Beijing dates: 16:00 UTC is midnight).
    expect(certifiableSitting([s(1)], { now: new Date("2026-03-11T15:59:00Z"), months: 12 })).toMatchObject({ ok: true });
    expect(certifiableSitting([s(1)], { now: new Date("2026-03-11T16:00:00Z"), months: 12 })).toMatchObject({
      ok: false,
      code: "EXPIRED",
      reason: "考试合格结果已过有效期：考试日期 2025-03-11，有效期 12 个月，至 2026-03-11",
    });
    expect(certifiableSitting([s(1)], { now: new Date("2026-03-11T16:00:00Z"), months: 13 })).toMatchObject({ ok: true });
  });
});

describe("how long a pass stays valid", () => {
  it("ends on the same day of the month the given months later, in Beijing dates (民法典 第二百零二条)", () => {
    expect(passValidThrough(new Date("2025-03-11T02:00:00Z"), 12)).toBe("2026-03-11");
    // 2025-03-31 20:00 UTC is already 2025-04-01 in Beijing.
    expect(passValidThrough(new Date("2025-03-31T20:00:00Z"), 12)).toBe("2026-04-01");
    expect(passValidThrough(new Date("2025-12-15T02:00:00Z"), 1)).toBe("2026-01-15");
  });
  it("ends on the month's last day when that month has no such day", () => {
    expect(passValidThrough(new Date("2025-01-31T02:00:00Z"), 1)).toBe("2025-02-28");
    expect(passValidThrough(new Date("2024-02-29T02:00:00Z"), 12)).toBe("2025-02-28");
    expect(passValidThrough(new Date("2024-01-31T02:00:00Z"), 1)).toBe("2024-02-29");
  });
});

describe("display helpers", () => {
  it("puts number, key id and base64url signature in the QR URL", () => {
    const sig = "A".repeat(43) + "-_" + "b".repeat(41);
    expect(qrContent("https://ankao.example/", { number: "YCYJ-2025-00007", keyId: "0123456789", signature: sig })).toBe(
      `https://ankao.example/verify/YCYJ-2025-00007?k=0123456789&s=${sig}`,
    );
  });
  it("masks names for the public page, surrogate pairs included", () => {
    expect(maskName("张三丰")).toBe("张*丰");
    expect(maskName("李四")).toBe("李*");
    expect(maskName("欧阳娜娜")).toBe("欧**娜");
    expect(maskName("王𠀀明")).toBe("王*明");
  });
  it("dates certificates in Beijing time", () => {
    expect(chinaDate(new Date("2025-12-31T16:30:00Z"))).toBe("2026-01-01");
  });
});

describe("retraining-hours ledger", () => {
  const credits = [
    { year: 2024, minutes: 36 * 60 },
    { year: 2025, minutes: 8 * 60 },
    { year: 2025, minutes: 4 * 60 + 30 },
  ];
  it("sums a year's credits and compares them with the requirement", () => {
    expect(retrainingStatus(credits, 16, 2025)).toEqual({ year: 2025, creditedMinutes: 750, credited: 12.5, required: 16, met: false, shortBy: 3.5 });
  });
  it("counts every credited hour in full (no cap), and met means nothing is short", () => {
    expect(retrainingStatus(credits, 16, 2024)).toEqual({ year: 2024, creditedMinutes: 2160, credited: 36, required: 16, met: true, shortBy: 0 });
    expect(retrainingStatus([{ year: 2026, minutes: 12 * 60 }], 12, 2026)).toMatchObject({ met: true, shortBy: 0 });
  });
  it("a year without credits is short by the whole requirement", () => {
    expect(retrainingStatus(credits, 20, 2026)).toMatchObject({ credited: 0, met: false, shortBy: 20 });
  });
  it("lists years newest first with each year's own requirement", () => {
    const rows = ledgerYears(credits, [2024, 2025, 2026, 2025], (y) => (y === 2024 ? 12 : 16));
    expect(rows.map((r) => [r.year, r.required, r.credited, r.met, r.shortBy])).toEqual([
      [2026, 16, 0, false, 16],
      [2025, 16, 12.5, false, 3.5],
      [2024, 12, 36, true, 0],
    ]);
  });
});
