// The training-and-assessment certificate (培训考核合格证明, DESIGN.md §3) as data: its number,
// the canonical payload that is signed, the QR text, which sitting it certifies, and the
// retraining-hours ledger arithmetic. Pure: signing itself lives in app/utils/cert-keys.server.ts.
import { canonicalJson } from "./canonical";
import { isOneOf, CATEGORIES, INDUSTRIES, type Category, type Industry } from "./vocabulary";

export const CERT_ISSUER = "伊春市应急管理局";
export const CERT_TITLE = "培训考核合格证明";
/** Year and sequence: the sequence restarts every year, so the year must be in the number. */
export const DEFAULT_CERT_NUMBER_PATTERN = "YCYJ-{YYYY}-{SEQ:5}";

// ───────────── numbering ─────────────

const TOKEN = /\{(YYYY|YY|SEQ(?::(\d{1,2}))?)\}/g;

/**
 * Why a numbering pattern cannot be used, or null. Tokens: {YYYY} or {YY} (the year, required),
 * {SEQ} or {SEQ:n} (the year's sequence, zero-padded to n digits, required). Everything else is
 * literal and limited to A–Z, a–z, 0–9, "-" and "_" so a number is safe in a URL and a QR code.
 */
export function numberPatternError(pattern: string): string | null {
  const tokens = [...pattern.matchAll(TOKEN)].map((m) => m[1]);
  if (!tokens.some((t) => t.startsWith("SEQ"))) return `编号规则 "${pattern}" 缺少序号 {SEQ} 或 {SEQ:n}`;
  if (!tokens.some((t) => t === "YYYY" || t === "YY")) return `编号规则 "${pattern}" 缺少年份 {YYYY} 或 {YY}（序号每年从 1 开始）`;
  if (tokens.filter((t) => t.startsWith("SEQ")).length > 1) return `编号规则 "${pattern}" 只能有一个序号`;
  const pad = tokens.find((t) => t.startsWith("SEQ:"));
  if (pad && (Number(pad.slice(4)) < 1 || Number(pad.slice(4)) > 12)) return `编号规则 "${pattern}" 的序号位数应为 1–12`;
  const literal = pattern.replace(TOKEN, "");
  if (!/^[A-Za-z0-9_-]*$/.test(literal)) return `编号规则 "${pattern}" 只能包含字母、数字、- 和 _（以及 {YYYY} {YY} {SEQ:n}）`;
  if (pattern.length > 40) return `编号规则 "${pattern}" 过长（最多 40 个字符）`;
  return null;
}

/** The certificate number for a year's n-th certificate. A sequence wider than the padding is printed in full. */
export function formatCertificateNumber(pattern: string, at: { year: number; seq: number }): string {
  const err = numberPatternError(pattern);
  if (err) throw new Error(err);
  if (!Number.isInteger(at.year) || at.year < 2000 || at.year > 9999) throw new Error(`年份无效：${at.year}`);
  if (!Number.isInteger(at.seq) || at.seq < 1) throw new Error(`序号应为正整数：${at.seq}`);
  return pattern.replace(TOKEN, (_, t: string, pad?: string) => {
    if (t === "YYYY") return String(at.year);
    if (t === "YY") return String(at.year % 100).padStart(2, "0");
    return String(at.seq).padStart(pad ? Number(pad) : 1, "0");
  });
}

/** A string that could be a certificate number (what /verify accepts before looking it up). */
export const looksLikeNumber = (s: string) => /^[A-Za-z0-9_-]{3,60}$/.test(s);

// ───────────── dates (China Standard Time, no daylight saving) ─────────────

const CST_MS = 8 * 3600_000;
/** YYYY-MM-DD in Beijing time. */
export const chinaDate = (d: Date) => new Date(d.getTime() + CST_MS).toISOString().slice(0, 10);
export const chinaYear = (d: Date) => Number(chinaDate(d).slice(0, 4));
/**
 * The last day (Beijing date) a pass taken on `examDate` stays valid, counted as the Civil Code
 * counts periods (民法典 第二百零一、二百零二条): the exam day itself is not counted, and the
 * period ends on the same day of the month `months` later, or on that month's last day when it
 * has no such day. A pass of 2025-03-11 with 12 months: through 2026-03-11; 2025-01-31 plus one
 * month: through 2025-02-28.
 */
export function passValidThrough(examDate: Date, months: number): string {
  const [y, m, d] = chinaDate(examDate).split("-").map(Number);
  const monthIndex = m - 1 + months;
  const lastDay = new Date(Date.UTC(y, monthIndex + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, monthIndex, Math.min(d, lastDay))).toISOString().slice(0, 10);
}
/** 2025年3月11日 */
export function zhDate(ymd: string): string {
  const [y, m, d] = ymd.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

// ───────────── which sitting is certified ─────────────

export interface SittingForCert {
  sitting: number;
  absent: boolean;
  releasedAt: Date | null;
  attempt: { id: string; state: string; passed: boolean | null; score: number | null; maxScore: number | null; submittedAt: Date | null } | null;
}

export type CertifiableSitting =
  | { ok: true; sitting: 1 | 2; attemptId: string; score: number; maxScore: number; examDate: Date }
  | { ok: false; code: "NOT_SAT" | "NOT_RELEASED" | "FAILED" | "EXPIRED"; reason: string };

/** A pass certifies only within its validity (DESIGN.md §3: 12 months by default, PASS_VALID_MONTHS). */
export interface PassValidity {
  now: Date;
  months: number;
}

/**
 * The released, passed attempt of the first sitting or the resit. A result is never certified
 * before its release; a terminated or failed attempt is never certified; a pass older than its
 * validity is refused with the dates (the trainee sits again in a new class).
 */
export function certifiableSitting(sittings: SittingForCert[], validity: PassValidity): CertifiableSitting {
  const sorted = [...sittings].sort((a, b) => a.sitting - b.sitting);
  for (const s of sorted) {
    const a = s.attempt;
    if (!s.absent && a && a.state === "SUBMITTED" && a.passed === true && s.releasedAt && a.submittedAt && a.score !== null && a.maxScore !== null) {
      const through = passValidThrough(a.submittedAt, validity.months);
      if (chinaDate(validity.now) > through)
        return { ok: false, code: "EXPIRED", reason: `考试合格结果已过有效期：考试日期 ${chinaDate(a.submittedAt)}，有效期 ${validity.months} 个月，至 ${through}` };
      return { ok: true, sitting: s.sitting === 2 ? 2 : 1, attemptId: a.id, score: a.score, maxScore: a.maxScore, examDate: a.submittedAt };
    }
  }
  const sat = sorted.filter((s) => !s.absent && s.attempt && (s.attempt.state === "SUBMITTED" || s.attempt.state === "TERMINATED"));
  if (sat.some((s) => !s.releasedAt)) return { ok: false, code: "NOT_RELEASED", reason: "考试成绩尚未发布" };
  if (sat.length === 0) return { ok: false, code: "NOT_SAT", reason: sorted.length ? "未参加考试（缺考或未交卷）" : "尚未安排考试" };
  return { ok: false, code: "FAILED", reason: sat.length >= 2 ? "首次考试和补考均未合格" : "考试未合格" };
}

// ───────────── the signed payload ─────────────

export interface CertificatePayload {
  v: 1;
  number: string;
  trainee: { name: string; idMasked: string; enterprise: string };
  industry: Industry;
  category: Category;
  class: { code: string; name: string; provider: string; start: string; end: string };
  /** Minutes, as recorded. */
  hours: { online: number; offline: number; practical: number };
  exam: { date: string; sitting: 1 | 2; score: number; maxScore: number; passed: true };
  /** Minutes credited to the trainee's annual retraining for `year`. */
  retraining: { year: number; minutes: number };
  issuer: string;
  issueDate: string;
  keyId: string;
}

const ymd = /^\d{4}-\d{2}-\d{2}$/;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Build (and check) a payload; numbers are normalised so the canonical form is stable. */
export function buildPayload(p: Omit<CertificatePayload, "v" | "issuer"> & { issuer?: string }): CertificatePayload {
  const problems: string[] = [];
  if (!p.number) problems.push("证书编号为空");
  if (!p.trainee.name.trim()) problems.push("姓名为空");
  if (!isOneOf(INDUSTRIES, p.industry)) problems.push(`行业无效：${p.industry}`);
  if (!isOneOf(CATEGORIES, p.category)) problems.push(`人员类别无效：${p.category}`);
  for (const d of [p.class.start, p.class.end, p.exam.date, p.issueDate]) if (!ymd.test(d)) problems.push(`日期格式应为 YYYY-MM-DD：${d}`);
  for (const [k, v] of Object.entries(p.hours)) if (!Number.isInteger(v) || v < 0) problems.push(`学时（分钟）应为非负整数：${k}=${v}`);
  if (!Number.isInteger(p.retraining.minutes) || p.retraining.minutes < 0) problems.push(`再培训学时无效：${p.retraining.minutes}`);
  if (!p.keyId) problems.push("密钥编号为空");
  if (problems.length) throw new Error(`证书内容无效：${problems.join("；")}`);
  return {
    v: 1,
    number: p.number,
    trainee: { name: p.trainee.name.trim(), idMasked: p.trainee.idMasked, enterprise: p.trainee.enterprise },
    industry: p.industry,
    category: p.category,
    class: { ...p.class },
    hours: { online: p.hours.online, offline: p.hours.offline, practical: p.hours.practical },
    exam: { date: p.exam.date, sitting: p.exam.sitting, score: round2(p.exam.score), maxScore: round2(p.exam.maxScore), passed: true },
    retraining: { year: p.retraining.year, minutes: p.retraining.minutes },
    issuer: p.issuer ?? CERT_ISSUER,
    issueDate: p.issueDate,
    keyId: p.keyId,
  };
}

/** The exact bytes that are signed: canonical JSON (keys sorted, no whitespace), UTF-8. */
export const canonicalPayload = (p: CertificatePayload) => canonicalJson(p);

/** A stored payload, read back; null if it is not canonical JSON of a v1 payload. */
export function parsePayload(text: string): CertificatePayload | null {
  try {
    const p = JSON.parse(text) as CertificatePayload;
    if (!p || p.v !== 1 || typeof p.number !== "string" || typeof p.keyId !== "string" || !p.trainee || !p.class || !p.hours || !p.exam || !p.retraining) return null;
    return canonicalJson(p) === text ? p : null;
  } catch {
    return null;
  }
}

/** Total training minutes on the certificate. */
export const totalMinutes = (p: Pick<CertificatePayload, "hours">) => p.hours.online + p.hours.offline + p.hours.practical;

// ───────────── QR code and public display ─────────────

/**
 * The QR text: the public verify URL with the key id and the base64url signature, so a phone
 * opens /verify/<number> and an offline checker has the signature and the key id to check it
 * against the published key.
 */
export function qrContent(origin: string, c: { number: string; keyId: string; signature: string }): string {
  return `${origin.replace(/\/+$/, "")}/verify/${encodeURIComponent(c.number)}?k=${encodeURIComponent(c.keyId)}&s=${c.signature}`;
}

/** 张三丰 → 张*丰, 李四 → 李*, 欧阳娜娜 → 欧**娜 (for the public verify page). */
export function maskName(name: string): string {
  const ch = Array.from(name.trim());
  if (ch.length <= 1) return ch.join("");
  if (ch.length === 2) return `${ch[0]}*`;
  return ch[0] + "*".repeat(ch.length - 2) + ch[ch.length - 1];
}

// ───────────── retraining-hours ledger ─────────────

export interface Credit {
  year: number;
  minutes: number;
}

export interface RetrainingStatus {
  year: number;
  creditedMinutes: number;
  /** Hours credited this year. */
  credited: number;
  /** Hours required this year (RuleSet.retrainingHours). */
  required: number;
  met: boolean;
  /** Hours still missing (0 when met). */
  shortBy: number;
}

/**
 * One year of the ledger. Every credited minute counts in full (no cap): a 24 h course credits
 * 24 h even where 16 h are required, and the surplus is simply not needed.
 */
export function retrainingStatus(credits: readonly Credit[], requirementHours: number, year: number): RetrainingStatus {
  if (!(requirementHours >= 0)) throw new Error(`再培训学时要求无效：${requirementHours}`);
  const creditedMinutes = credits.filter((c) => c.year === year).reduce((a, c) => a + c.minutes, 0);
  const short = Math.max(0, requirementHours * 60 - creditedMinutes);
  return { year, creditedMinutes, credited: creditedMinutes / 60, required: requirementHours, met: short === 0, shortBy: short / 60 };
}

/** The ledger over several years, newest first; `requirementFor` gives each year's requirement in hours. */
export function ledgerYears(credits: readonly Credit[], years: readonly number[], requirementFor: (year: number) => number): RetrainingStatus[] {
  return [...new Set(years)].sort((a, b) => b - a).map((y) => retrainingStatus(credits, requirementFor(y), y));
}
