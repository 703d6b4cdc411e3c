// EXAMINER: schedule an exam session (venue, window, proctors, classes with their sealed papers)
// and register the roster: eligible trainees of each class for the paper's sitting; the others
// are listed with the reason. A trainee is never in two overlapping sessions.
import { randomInt } from "node:crypto";
import { z } from "zod";
import { audit } from "~/data/audit.server";
import { loadRules } from "~/data/rules.server";
import type { Actor } from "~/domain/access";
import { checkEligibility, describeBreak, totalsOf } from "~/domain/eligibility";
import { findRule } from "~/domain/rules";
import { nextSitting, type SittingOutcome } from "~/domain/sitting";
import { ticketCode } from "~/domain/ticket";
import type { Category, Industry } from "~/domain/vocabulary";
import { db, type Tx } from "~/utils/db.server";

const by = (a: Actor) => ({ actorId: a.id, actorRole: a.role });

export const sessionSchema = z
  .object({
    name: z.string().min(4, "请填写场次名称").max(60),
    venueId: z.string().min(1, "请选择考点"),
    startsAt: z.coerce.date({ message: "请填写开始时间" }),
    endsAt: z.coerce.date({ message: "请填写结束时间" }),
    durationMin: z.coerce.number().int().min(10, "考试时长至少 10 分钟").max(300, "考试时长不超过 300 分钟"),
    requireCamera: z.boolean().default(false),
    requireSeb: z.boolean().default(false),
    violationThreshold: z.coerce.number().int().min(1, "违规阈值至少为 1").max(50).default(3),
    releaseMode: z.enum(["MANUAL", "IMMEDIATE"]).default("MANUAL"),
    absenceUsesSitting: z.boolean().default(false),
    proctorIds: z.array(z.string()).min(1, "请至少指派一名监考员"),
    papers: z.array(z.object({ classId: z.string(), paperId: z.string() })).min(1, "请至少选择一个班次及其试卷"),
  })
  .refine((s) => s.endsAt > s.startsAt, { path: ["endsAt"], message: "结束时间应晚于开始时间" })
  .refine((s) => (s.endsAt.getTime() - s.startsAt.getTime()) / 60000 >= s.durationMin, { path: ["durationMin"], message: "考试时长超过了考试时间窗口" });

export type SessionInput = Omit<z.infer<typeof sessionSchema>, "absenceUsesSitting"> & { absenceUsesSitting?: boolean };

export interface RosterEntry {
  enrolmentId: string;
  name: string;
  idMasked: string;
  classId: string;
}
export interface Excluded extends RosterEntry {
  reason: string;
}

/** Outcome of a finished sitting, as the resit rules see it. */
export function outcomeOf(reg: { absent: boolean; session: { resultsReleasedAt: Date | null }; attempt: { state: string; passed: boolean | null } | null }): SittingOutcome {
  if (reg.absent) return "ABSENT";
  if (!reg.attempt) return "PENDING";
  if (reg.attempt.state === "TERMINATED") return "TERMINATED";
  if (reg.attempt.state !== "SUBMITTED" || !reg.session.resultsReleasedAt || reg.attempt.passed === null) return "PENDING";
  return reg.attempt.passed ? "PASSED" : "FAILED";
}

/** Who of these classes may sit these papers now, and who may not (with why). */
export async function planRoster(tx: Tx, papers: Array<{ classId: string; paperId: string }>) {
  const rules = await loadRules(tx);
  const roster: Array<RosterEntry & { sitting: 1 | 2; paperId: string }> = [];
  const excluded: Excluded[] = [];
  const problems: string[] = [];
  for (const { classId, paperId } of papers) {
    const paper = await tx.paper.findUnique({ where: { id: paperId } });
    const cls = await tx.trainingClass.findUnique({
      where: { id: classId },
      include: {
        enrolments: {
          where: { status: "ACTIVE" },
          include: { trainee: true, records: true, registrations: { include: { session: true, attempt: true } } },
        },
      },
    });
    if (!cls) {
      problems.push("班次不存在");
      continue;
    }
    if (!paper || paper.classId !== classId) {
      problems.push(`${cls.code}：所选试卷不属于该班次`);
      continue;
    }
    if (paper.status !== "SEALED") {
      problems.push(`${cls.code}：试卷 ${paper.code} 尚未封存，不能用于考试`);
      continue;
    }
    const sitting = paper.kind === "RESIT" ? 2 : 1;
    const rule = findRule(rules, cls.industry as Industry, cls.category as Category);
    for (const e of cls.enrolments) {
      const base = { enrolmentId: e.id, name: e.trainee.name, idMasked: e.trainee.idMasked, classId };
      const breaks = checkEligibility(totalsOf(e.records), rule);
      if (breaks.length) {
        excluded.push({ ...base, reason: `学时不符合要求：${breaks.map((b) => describeBreak(b)).join("；")}` });
        continue;
      }
      const next = nextSitting(
        e.registrations.map((r) => ({ sitting: r.sitting as 1 | 2, outcome: outcomeOf(r), absenceUsesSitting: r.session.absenceUsesSitting })),
        { absenceUsesSitting: false },
      );
      if (!next.ok) excluded.push({ ...base, reason: next.reason });
      else if (next.sitting !== sitting) excluded.push({ ...base, reason: sitting === 2 ? "无需补考（尚未参加首次考试）" : "应参加补考，请使用补考试卷" });
      else roster.push({ ...base, sitting, paperId });
    }
  }
  return { roster, excluded, problems };
}

export type ScheduleResult = { ok: true; sessionId: string; excluded: Excluded[] } | { ok: false; problems: string[] };

export async function scheduleSession(actor: Actor, input: SessionInput): Promise<ScheduleResult> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const venue = await tx.venue.findUnique({ where: { id: input.venueId }, include: { county: true } });
    if (!venue) return { ok: false as const, problems: ["考点不存在"] };
    const proctors = await tx.user.findMany({ where: { id: { in: input.proctorIds } } });
    const problems: string[] = [];
    for (const id of input.proctorIds) {
      const p = proctors.find((x) => x.id === id);
      if (!p || p.role !== "PROCTOR") problems.push("所选监考员账号无效");
      else if (p.countyId !== venue.countyId) problems.push(`监考员 ${p.displayName} 不属于${venue.county.name}，不能监考该考点`);
      else if (p.disabledAt) problems.push(`监考员 ${p.displayName} 的账号已停用`);
    }
    const plan = await planRoster(tx, input.papers);
    problems.push(...plan.problems);
    if (plan.roster.length === 0 && plan.problems.length === 0) problems.push("没有符合考试条件的考生");
    if (plan.roster.length > venue.seats) problems.push(`考生 ${plan.roster.length} 人，超过考点座位数 ${venue.seats}`);
    // A trainee cannot be in two overlapping sessions.
    const clashes = await tx.registration.findMany({
      where: {
        enrolment: { traineeId: { in: (await tx.enrolment.findMany({ where: { id: { in: plan.roster.map((r) => r.enrolmentId) } }, select: { traineeId: true } })).map((e) => e.traineeId) } },
        session: { startsAt: { lt: input.endsAt }, endsAt: { gt: input.startsAt } },
      },
      include: { enrolment: { include: { trainee: true } }, session: true },
    });
    for (const c of clashes) problems.push(`${c.enrolment.trainee.name} 已安排在时间重叠的考试场次 ${c.session.code}`);
    if (problems.length) return { ok: false as const, problems: [...new Set(problems)] };

    const count = await tx.examSession.count();
    const code = `KC${input.startsAt.toISOString().slice(0, 10).replace(/-/g, "")}-${String(count + 1).padStart(3, "0")}`;
    const session = await tx.examSession.create({
      data: {
        code,
        name: input.name,
        venueId: venue.id,
        countyId: venue.countyId,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        durationMin: input.durationMin,
        requireCamera: input.requireCamera,
        requireSeb: input.requireSeb,
        violationThreshold: input.violationThreshold,
        releaseMode: input.releaseMode,
        absenceUsesSitting: input.absenceUsesSitting ?? false,
        createdBy: actor.id,
        classes: { create: input.papers.map((p) => ({ classId: p.classId, paperId: p.paperId })) },
        proctors: { create: input.proctorIds.map((userId) => ({ userId })) },
      },
    });
    const codes = new Set<string>();
    await tx.registration.createMany({
      data: plan.roster.map((r, i) => {
        let t: string;
        do t = ticketCode((n) => randomInt(n));
        while (codes.has(t));
        codes.add(t);
        return { sessionId: session.id, enrolmentId: r.enrolmentId, sitting: r.sitting, ticketCode: t, seat: String(i + 1).padStart(2, "0") };
      }),
    });
    await audit(tx, { ...by(actor), action: "session.schedule", entity: "ExamSession", entityId: session.id, data: { code, candidates: plan.roster.length, excluded: plan.excluded.length } });
    return { ok: true as const, sessionId: session.id, excluded: plan.excluded };
  });
}
