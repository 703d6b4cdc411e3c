// Certificate reads, scoped: the examiner sees every class; a provider only its own trainees'
// certificates (another provider's is "not found", like its classes).
import { classHead, classScope } from "~/data/classes.server";
import { loadRules } from "~/data/rules.server";
import type { Actor } from "~/domain/access";
import { certifiableSitting, chinaDate, type SittingForCert } from "~/domain/certificate";
import { checkEligibility, describeBreak, totalsOf } from "~/domain/eligibility";
import { findRule } from "~/domain/rules";
import type { Category, Industry } from "~/domain/vocabulary";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

type SittingRow = { sitting: number; absent: boolean; session: { resultsReleasedAt: Date | null }; attempt: SittingForCert["attempt"] };

/** The enrolment's certifiable sitting today (released pass, within PASS_VALID_MONTHS). */
export const certifiableNow = (regs: SittingRow[], now = new Date()) =>
  certifiableSitting(
    regs.map((r) => ({ sitting: r.sitting, absent: r.absent, releasedAt: r.session.resultsReleasedAt, attempt: r.attempt })),
    { now, months: env().PASS_VALID_MONTHS },
  );
/** What the examiner's lists show: as of the issue date for a certified enrolment (its pass was valid then), else today. */
const sittingOf = (e: { registrations: SittingRow[]; certificate: { issuedAt: Date } | null }) => certifiableNow(e.registrations, e.certificate?.issuedAt);

const enrolmentInclude = {
  trainee: { include: { enterprise: true } },
  records: true,
  registrations: { include: { session: true, attempt: true } },
  certificate: true,
} as const;

/** Classes with how many passed (released) and how many hold a valid certificate. */
export async function certificateClasses(actor: Actor) {
  const p = await db();
  const classes = await p.trainingClass.findMany({
    where: classScope(actor),
    orderBy: [{ year: "desc" }, { code: "asc" }],
    include: { provider: true, enrolments: { where: { status: "ACTIVE" }, include: { registrations: { include: { session: true, attempt: true } }, certificate: true } } },
  });
  return classes.map((c) => ({
    ...classHead(c),
    provider: c.provider.name,
    enrolled: c.enrolments.length,
    passed: c.enrolments.filter((e) => {
      const sit = sittingOf(e);
      return sit.ok || sit.code === "EXPIRED"; // passed, even if too long ago to certify now
    }).length,
    certified: c.enrolments.filter((e) => e.certificate?.status === "VALID").length,
    flagged: c.enrolments.filter((e) => e.certificate?.reviewFlag).length,
  }));
}

/** One class's candidates for the examiner: hours, result, eligibility and certificate. Null if missing or out of scope. */
export async function classCertificates(actor: Actor, classId: string) {
  const p = await db();
  const cls = await p.trainingClass.findFirst({
    where: { id: classId, ...classScope(actor) },
    include: { provider: true, enrolments: { where: { status: "ACTIVE" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: enrolmentInclude } },
  });
  if (!cls) return null;
  const rule = findRule(await loadRules(p), cls.industry as Industry, cls.category as Category);
  return {
    cls: { ...classHead(cls), provider: cls.provider.name },
    rows: cls.enrolments.map((e) => {
      const totals = totalsOf(e.records);
      const sit = sittingOf(e);
      const c = e.certificate;
      return {
        enrolmentId: e.id,
        name: e.trainee.name,
        idMasked: e.trainee.idMasked,
        enterprise: e.trainee.enterprise.name,
        minutes: totals.online + totals.offline + totals.practical,
        hourProblems: checkEligibility(totals, rule).map((b) => describeBreak(b)),
        result: sit.ok ? { ok: true as const, sitting: sit.sitting, score: sit.score, maxScore: sit.maxScore, date: chinaDate(sit.examDate) } : { ok: false as const, reason: sit.reason },
        certificate: c
          ? { id: c.id, number: c.number, status: c.status, reviewFlag: c.reviewFlag, issuedAt: chinaDate(c.issuedAt), revokedAt: c.revokedAt ? chinaDate(c.revokedAt) : null, revokeReason: c.revokeReason }
          : null,
      };
    }),
  };
}

/** Certificates of the caller's trainees (a provider: its own classes), newest first. */
export async function listCertificates(actor: Actor, opts: { classId?: string } = {}) {
  const p = await db();
  const rows = await p.certificate.findMany({
    where: { enrolment: { class: { ...classScope(actor), ...(opts.classId ? { id: opts.classId } : {}) } } },
    orderBy: [{ year: "desc" }, { seq: "desc" }],
    include: { trainee: { include: { enterprise: true } }, enrolment: { include: { class: true } } },
  });
  return rows.map((c) => ({
    id: c.id,
    number: c.number,
    status: c.status,
    reviewFlag: c.reviewFlag,
    issuedAt: chinaDate(c.issuedAt),
    revokedAt: c.revokedAt ? chinaDate(c.revokedAt) : null,
    name: c.trainee.name,
    idMasked: c.trainee.idMasked,
    enterprise: c.trainee.enterprise.name,
    classId: c.enrolment.classId,
    classCode: c.enrolment.class.code,
    className: c.enrolment.class.name,
  }));
}

/** A certificate the caller may download, or null (missing, or another provider's). */
export async function certificateInScope(actor: Actor, id: string) {
  const p = await db();
  return p.certificate.findFirst({ where: { id, enrolment: { class: classScope(actor) } }, select: { id: true, number: true, status: true } });
}

/** A class's valid certificates in number order, for one merged PDF; null if the class is missing or out of scope. */
export async function classCertificateIds(actor: Actor, classId: string) {
  const p = await db();
  const cls = await p.trainingClass.findFirst({ where: { id: classId, ...classScope(actor) }, select: { id: true, code: true } });
  if (!cls) return null;
  const rows = await p.certificate.findMany({ where: { status: "VALID", enrolment: { classId } }, orderBy: [{ year: "asc" }, { seq: "asc" }], select: { id: true } });
  return { code: cls.code, ids: rows.map((r) => r.id) };
}
