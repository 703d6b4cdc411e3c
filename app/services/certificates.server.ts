// Certificates (培训考核合格证明): issue for a passed enrolment with eligible hours (one per
// enrolment, idempotent), credit the hours to the retraining ledger, revoke with a reason, flag
// for review after a regrade, and verify a number publicly. Each change is one transaction with
// its audit row.
import { audit } from "~/data/audit.server";
import { certifiableNow } from "~/data/certificates.server";
import { hit, LIMITS } from "~/data/rate-limit.server";
import { ruleFor } from "~/data/rules.server";
import { allowed, type Actor } from "~/domain/access";
import {
  buildPayload,
  CERT_ISSUER,
  canonicalPayload,
  chinaDate,
  chinaYear,
  formatCertificateNumber,
  looksLikeNumber,
  maskName,
  parsePayload,
  totalMinutes,
  type CertificatePayload,
} from "~/domain/certificate";
import { checkEligibility, describeBreak, totalsOf } from "~/domain/eligibility";
import { CATEGORY_LABEL, INDUSTRY_LABEL, type Category, type Industry } from "~/domain/vocabulary";
import { currentKeyId, publicKey, publicKeys, signWith, verifySignature } from "~/utils/cert-keys.server";
import { db, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";

const by = (a: Actor) => ({ actorId: a.id, actorRole: a.role });

export type RefusalCode = "NOT_FOUND" | "WITHDRAWN" | "NOT_SAT" | "NOT_RELEASED" | "FAILED" | "EXPIRED" | "INELIGIBLE";
export interface IssuedCertificate {
  id: string;
  number: string;
  enrolmentId: string;
  status: string;
}
export type IssueOutcome =
  | { ok: true; created: boolean; certificate: IssuedCertificate }
  | { ok: false; code: RefusalCode; reasons: string[] };

function assertExaminer(actor: Actor) {
  if (!allowed(actor.role, "certificate.manage")) throw new Error(`${actor.role} may not issue or revoke certificates`);
}

const enrolmentForCert = (tx: Tx, enrolmentId: string) =>
  tx.enrolment.findUnique({
    where: { id: enrolmentId },
    include: {
      class: { include: { provider: true } },
      trainee: { include: { enterprise: true } },
      records: true,
      registrations: { include: { session: true, attempt: true } },
      certificate: true,
    },
  });

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === "P2002" || /UNIQUE constraint|duplicate key/i.test(String((e as Error)?.message));

/**
 * Issue the certificate of one enrolment: its released, passed attempt (first sitting or resit)
 * and eligible hours. A second call returns the existing certificate. The year's counter is
 * incremented in the same transaction as the insert, so numbers have no gaps.
 */
export async function issueCertificate(actor: Actor, enrolmentId: string, at = new Date()): Promise<IssueOutcome> {
  assertExaminer(actor);
  const prisma = await db();
  for (let tries = 0; ; tries++) {
    try {
      return await prisma.$transaction((tx) => issueIn(tx, actor, enrolmentId, at));
    } catch (e) {
      // Two issuers at once: the loser's insert breaks a unique key; the retry returns the winner's.
      if (tries < 2 && isUniqueViolation(e)) continue;
      throw e;
    }
  }
}

/** `now` is the issue date; only the demo's history (prisma/demo-exams.ts) passes a past one. */
async function issueIn(tx: Tx, actor: Actor, enrolmentId: string, now: Date): Promise<IssueOutcome> {
  const e = await enrolmentForCert(tx, enrolmentId);
  if (!e) return { ok: false, code: "NOT_FOUND", reasons: ["报名记录不存在"] };
  if (e.certificate) return { ok: true, created: false, certificate: e.certificate };
  if (e.status === "WITHDRAWN") return { ok: false, code: "WITHDRAWN", reasons: ["学员已退出该班次"] };
  const sit = certifiableNow(e.registrations, now);
  if (!sit.ok) return { ok: false, code: sit.code, reasons: [sit.reason] };
  const cls = e.class;
  const industry = cls.industry as Industry;
  const category = cls.category as Category;
  const totals = totalsOf(e.records);
  const breaks = checkEligibility(totals, await ruleFor(tx, industry, category));
  if (breaks.length) return { ok: false, code: "INELIGIBLE", reasons: breaks.map((b) => `学时不符合要求：${describeBreak(b)}`) };

  const year = chinaYear(now);
  const { last: seq } = await tx.certificateCounter.upsert({ where: { year }, create: { year, last: 1 }, update: { last: { increment: 1 } } });
  const number = formatCertificateNumber(env().CERT_NUMBER_PATTERN, { year, seq });
  const keyId = currentKeyId();
  const minutes = totals.online + totals.offline + totals.practical;
  const payload = buildPayload({
    number,
    trainee: { name: e.trainee.name, idMasked: e.trainee.idMasked, enterprise: e.trainee.enterprise.name },
    industry,
    category,
    class: { code: cls.code, name: cls.name, provider: cls.provider.name, start: chinaDate(cls.startDate), end: chinaDate(cls.endDate) },
    hours: totals,
    exam: { date: chinaDate(sit.examDate), sitting: sit.sitting, score: sit.score, maxScore: sit.maxScore, passed: true },
    retraining: { year: chinaYear(sit.examDate), minutes },
    issueDate: chinaDate(now),
    keyId,
  });
  const text = canonicalPayload(payload);
  const cert = await tx.certificate.create({
    data: { number, year, seq, enrolmentId, attemptId: sit.attemptId, traineeId: e.traineeId, payload: text, signature: signWith(keyId, text), keyId, issuedAt: now, issuedBy: actor.id },
  });
  await tx.retrainingCredit.create({
    data: { traineeId: e.traineeId, year: payload.retraining.year, minutes, certificateId: cert.id, note: `${cls.code} ${cls.name}` },
  });
  await audit(tx, {
    ...by(actor),
    action: "certificate.issue",
    entity: "Certificate",
    entityId: cert.id,
    data: { number, enrolmentId, attemptId: sit.attemptId, sitting: sit.sitting, keyId, creditYear: payload.retraining.year, creditMinutes: minutes },
  });
  return { ok: true, created: true, certificate: cert };
}

export interface ClassIssueReport {
  issued: Array<{ name: string; number: string }>;
  existing: Array<{ name: string; number: string }>;
  refused: Array<{ name: string; idMasked: string; code: RefusalCode; reasons: string[] }>;
}

/** Issue for every active enrolment of a class, in roster order (one transaction per certificate). Null: no such class. */
export async function issueForClass(actor: Actor, classId: string, at = new Date()): Promise<ClassIssueReport | null> {
  assertExaminer(actor);
  const prisma = await db();
  const cls = await prisma.trainingClass.findUnique({
    where: { id: classId },
    include: { enrolments: { where: { status: "ACTIVE" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { trainee: true } } },
  });
  if (!cls) return null;
  const report: ClassIssueReport = { issued: [], existing: [], refused: [] };
  for (const e of cls.enrolments) {
    const r = await issueCertificate(actor, e.id, at);
    if (r.ok) (r.created ? report.issued : report.existing).push({ name: e.trainee.name, number: r.certificate.number });
    else report.refused.push({ name: e.trainee.name, idMasked: e.trainee.idMasked, code: r.code, reasons: r.reasons });
  }
  return report;
}

export type RevokeOutcome = { ok: true; number: string; revokedAt: Date } | { ok: false; field: "reason" | "_"; error: string; notFound?: boolean };

/** Revoke a valid certificate. The reason is required and audited; the certificate's hours leave the ledger. */
export async function revokeCertificate(actor: Actor, certificateId: string, reason: string): Promise<RevokeOutcome> {
  assertExaminer(actor);
  const why = reason.trim();
  if (why.length < 4) return { ok: false, field: "reason", error: `请填写撤销原因（至少 4 个字，现为 ${why.length} 个）` };
  if (why.length > 200) return { ok: false, field: "reason", error: `撤销原因最多 200 个字（现为 ${why.length} 个）` };
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const c = await tx.certificate.findUnique({ where: { id: certificateId } });
    if (!c) return { ok: false as const, field: "_" as const, error: "证书不存在", notFound: true };
    if (c.status === "REVOKED") return { ok: false as const, field: "_" as const, error: `证书 ${c.number} 已于 ${chinaDate(c.revokedAt!)} 撤销` };
    const revokedAt = new Date();
    await tx.certificate.update({ where: { id: c.id }, data: { status: "REVOKED", revokedAt, revokedBy: actor.id, revokeReason: why } });
    await audit(tx, { ...by(actor), action: "certificate.revoke", entity: "Certificate", entityId: c.id, reason: why, data: { number: c.number } });
    return { ok: true as const, number: c.number, revokedAt };
  });
}

/**
 * Mark a certificate for the examiner's review (e.g. "REGRADED_TO_FAIL" when a regrade turns its
 * pass into a fail), or clear the mark with null. Never revokes: a person decides that. Pass `tx`
 * to run inside the caller's transaction (the regrade's).
 */
export async function flagForReview(certificateId: string, flag: string | null, opts: { tx?: Tx; actor?: Actor; reason?: string } = {}): Promise<boolean> {
  const run = async (tx: Tx) => {
    const r = await tx.certificate.updateMany({ where: { id: certificateId }, data: { reviewFlag: flag } });
    if (r.count === 0) return false;
    await audit(tx, {
      actorId: opts.actor?.id ?? null,
      actorRole: opts.actor?.role ?? "SYSTEM",
      action: flag ? "certificate.flag" : "certificate.unflag",
      entity: "Certificate",
      entityId: certificateId,
      reason: opts.reason ?? "",
      data: { flag },
    });
    return true;
  };
  return opts.tx ? run(opts.tx) : (await db()).$transaction(run);
}

/** The certificate that certifies this attempt, if any (for regrades, which know the attempt). */
export async function certificateOfAttempt(attemptId: string, tx?: Tx): Promise<{ id: string; number: string } | null> {
  const client = tx ?? (await db());
  return client.certificate.findFirst({ where: { attemptId }, select: { id: true, number: true } });
}

// ───────────── verification ─────────────

export interface PublicDetails {
  name: string; // masked
  idMasked: string;
  enterprise: string;
  category: string;
  industry: string;
  classCode: string;
  provider: string;
  examDate: string;
  totalHours: number;
  issuer: string;
  issueDate: string;
}

export type VerifyResult =
  | { status: "unknown"; number: string }
  | { status: "invalid"; number: string; reason: string }
  | { status: "valid" | "revoked"; number: string; keyId: string; revokedAt: string | null; details: PublicDetails };

/** Is the stored payload canonical, about this number and key, and signed by that key? */
export function checkStored(c: { number: string; payload: string; signature: string; keyId: string }): { ok: true; payload: CertificatePayload } | { ok: false; reason: string } {
  const p = parsePayload(c.payload);
  if (!p) return { ok: false, reason: "证书内容格式不符" };
  if (p.number !== c.number || p.keyId !== c.keyId) return { ok: false, reason: "证书内容与编号或密钥不符" };
  if (!publicKey(c.keyId)) return { ok: false, reason: `签名密钥 ${c.keyId} 未找到，无法校验` };
  if (!verifySignature(c.keyId, c.payload, c.signature)) return { ok: false, reason: "签名校验失败：证书内容可能被改动" };
  return { ok: true, payload: p };
}

export const publicDetails = (p: CertificatePayload): PublicDetails => ({
  name: maskName(p.trainee.name),
  idMasked: p.trainee.idMasked,
  enterprise: p.trainee.enterprise,
  category: CATEGORY_LABEL[p.category].zh,
  industry: INDUSTRY_LABEL[p.industry].zh,
  classCode: p.class.code,
  provider: p.class.provider,
  examDate: p.exam.date,
  totalHours: totalMinutes(p) / 60,
  issuer: p.issuer,
  issueDate: p.issueDate,
});

/**
 * Public verification of a number: valid, revoked (with the date) or unknown, with masked
 * details from the signed payload. `qr` (the QR's key id and signature) must match the record.
 */
export async function verifyCertificate(number: string, qr?: { keyId?: string | null; signature?: string | null }): Promise<VerifyResult> {
  const prisma = await db();
  const c = await prisma.certificate.findUnique({ where: { number } });
  if (!c) return { status: "unknown", number };
  const checked = checkStored(c);
  if (!checked.ok) return { status: "invalid", number, reason: checked.reason };
  if ((qr?.signature && qr.signature !== c.signature) || (qr?.keyId && qr.keyId !== c.keyId))
    return { status: "invalid", number, reason: "二维码中的签名与登记记录不符" };
  return {
    status: c.status === "REVOKED" ? "revoked" : "valid",
    number,
    keyId: c.keyId,
    revokedAt: c.revokedAt ? chinaDate(c.revokedAt) : null,
    details: publicDetails(checked.payload),
  };
}

/** The public page's check: rate-limited per IP, then verified (a malformed number is simply unknown). */
export async function verifyForPublic(ip: string, number: string, qr: { keyId: string | null; signature: string | null }): Promise<VerifyResult | { status: "limited"; retryAfter: number }> {
  const limit = await hit(await db(), `verify:ip:${ip}`, LIMITS.verifyPerIp);
  if (!limit.ok) return { status: "limited", retryAfter: limit.retryAfter };
  if (!looksLikeNumber(number)) return { status: "unknown", number: number.slice(0, 60) };
  return verifyCertificate(number, qr);
}

/** What /verify/keys.json publishes: every signing key, and how to check a certificate with one. */
export function signingKeysDocument() {
  return {
    issuer: CERT_ISSUER,
    algorithm: "Ed25519",
    signed: "the certificate's canonical payload: JSON with keys sorted recursively, no whitespace, UTF-8",
    qr: "<origin>/verify/<number>?k=<keyId>&s=<base64url signature>",
    keys: publicKeys(),
  };
}
