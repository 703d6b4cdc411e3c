// PROVIDER use cases: create classes, import rosters (all-or-nothing), record hours.
import { z } from "zod";
import { audit } from "~/data/audit.server";
import { getClass } from "~/data/classes.server";
import { ruleFor } from "~/data/rules.server";
import type { Actor } from "~/domain/access";
import { checkEligibility, classSizeError, describeBreak, totalsOf } from "~/domain/eligibility";
import { birthDateOf, genderOf, maskIdNumber } from "~/domain/id-number";
import { checkHeaders, describeProblem, validateRoster, type RosterProblem } from "~/domain/roster";
import { CATEGORIES, INDUSTRIES, TRAINING_MODES, type Category, type Industry } from "~/domain/vocabulary";
import { db } from "~/utils/db.server";
import { encryptId, idLookupHash } from "~/utils/secrets.server";
import { readTable } from "~/utils/spreadsheet.server";

const by = (a: Actor) => ({ actorId: a.id, actorRole: a.role });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式 YYYY-MM-DD").transform((s) => new Date(`${s}T00:00:00Z`));

export const classSchema = z
  .object({
    name: z.string().min(4, "请填写班次名称").max(60),
    year: z.coerce.number().int().min(2020).max(2100),
    industry: z.enum(INDUSTRIES, { message: "请选择行业" }),
    category: z.enum(CATEGORIES, { message: "请选择人员类别" }),
    startDate: date,
    endDate: date,
    location: z.string().max(80).default(""),
  })
  .refine((c) => c.endDate >= c.startDate, { path: ["endDate"], message: "结束日期不能早于开始日期" });

export async function createClass(actor: Actor, input: z.infer<typeof classSchema>) {
  if (!actor.providerId) throw new Error("createClass needs a provider account");
  const p = await db();
  return p.$transaction(async (tx) => {
    const n = await tx.trainingClass.count({ where: { year: input.year } });
    const code = `${input.year}-${input.industry === "MINING" ? "KS" : "JX"}-${String(n + 1).padStart(3, "0")}`;
    const c = await tx.trainingClass.create({ data: { ...input, code, providerId: actor.providerId! } });
    await audit(tx, { ...by(actor), action: "class.create", entity: "TrainingClass", entityId: c.id, data: { code } });
    return c;
  });
}

export type ImportOutcome = { ok: true; added: number } | { ok: false; problems: RosterProblem[]; message?: string };

/** Import a roster file into a class: every row valid and the class within its size limit, or nothing. */
export async function importRoster(actor: Actor, classId: string, file: { bytes: Buffer; name: string }): Promise<ImportOutcome | null> {
  const cls = await getClass(actor, classId);
  if (!cls) return null;
  const read = await readTable(file.bytes, file.name);
  if (!read.ok) return { ok: false, problems: [], message: read.message };
  const headerProblems = checkHeaders(read.table.headers);
  if (headerProblems.length) return { ok: false, problems: headerProblems };
  const p = await db();
  const enterprises = await p.enterprise.findMany({ select: { id: true, name: true, creditCode: true, industry: true } });
  const { rows, problems } = validateRoster(read.table.rows, { enterprises, industry: cls.industry });
  if (problems.length) return { ok: false, problems };

  const hashes = rows.map((r) => idLookupHash(r.idNumber));
  const enrolled = new Set(cls.enrolments.map((e) => e.trainee.idHash));
  const already = rows.filter((_, i) => enrolled.has(hashes[i]));
  if (already.length)
    return { ok: false, problems: already.map((r) => ({ line: r.line, field: "身份证号", message: `${r.name} 已在本班名册中` })) };
  const rule = await ruleFor(p, cls.industry as Industry, cls.category as Category);
  const sizeError = classSizeError(cls.enrolments.length + rows.length, rule);
  if (sizeError) return { ok: false, problems: [{ line: 0, field: "班级人数", message: `${sizeError}：现有 ${cls.enrolments.length} 人，本次导入 ${rows.length} 人` }] };

  // A trainee already known (by ID number) keeps their record: an import never rewrites a person
  // another provider enrolled. A different name for the same ID number is refused, without
  // revealing the stored one.
  const known = new Map((await p.trainee.findMany({ where: { idHash: { in: hashes } }, select: { id: true, idHash: true, name: true } })).map((t) => [t.idHash, t]));
  const mismatched = rows.filter((r, i) => known.has(hashes[i]) && known.get(hashes[i])!.name !== r.name);
  if (mismatched.length)
    return { ok: false, problems: mismatched.map((r) => ({ line: r.line, field: "姓名", message: "与该身份证号已登记的姓名不一致，请核对" })) };
  await p.$transaction(async (tx) => {
    for (const [i, r] of rows.entries()) {
      const traineeId =
        known.get(hashes[i])?.id ??
        (
          await tx.trainee.create({
            data: {
              name: r.name,
              idHash: hashes[i],
              idCipher: encryptId(r.idNumber),
              idMasked: maskIdNumber(r.idNumber),
              gender: genderOf(r.idNumber),
              birthDate: birthDateOf(r.idNumber),
              phone: r.phone,
              jobTitle: r.jobTitle,
              enterpriseId: r.enterpriseId,
            },
          })
        ).id;
      await tx.enrolment.create({ data: { classId, traineeId } });
    }
    await audit(tx, { ...by(actor), action: "roster.import", entity: "TrainingClass", entityId: classId, data: { file: file.name, rows: rows.length, existing: rows.filter((_, i) => known.has(hashes[i])).length } });
  });
  return { ok: true, added: rows.length };
}

export const hoursSchema = z.object({
  mode: z.enum(TRAINING_MODES, { message: "请选择培训方式" }),
  hours: z.coerce.number({ message: "学时应为数字" }).positive("学时应大于 0").max(12, "单次记录不超过 12 学时").multipleOf(0.5, "学时以 0.5 为单位"),
  date,
  subject: z.string().min(2, "请填写课程内容").max(80),
});

/** Record one training block for the selected trainees of a class (an attendance sheet). */
export async function recordHours(actor: Actor, classId: string, enrolmentIds: string[], input: z.infer<typeof hoursSchema>) {
  const cls = await getClass(actor, classId);
  if (!cls) return null;
  const valid = new Set(cls.enrolments.map((e) => e.id));
  const chosen = enrolmentIds.filter((id) => valid.has(id));
  if (chosen.length === 0) return { ok: false as const, errors: { _: "请选择至少一名学员" } as Record<string, string> };
  if (input.date < cls.startDate || input.date > cls.endDate)
    return { ok: false as const, errors: { date: `日期应在本班培训期内（${cls.startDate.toISOString().slice(0, 10)} 至 ${cls.endDate.toISOString().slice(0, 10)}）` } };
  const p = await db();
  await p.$transaction(async (tx) => {
    await tx.trainingRecord.createMany({
      data: chosen.map((enrolmentId) => ({ enrolmentId, mode: input.mode, minutes: Math.round(input.hours * 60), date: input.date, subject: input.subject, recordedBy: actor.id })),
    });
    await audit(tx, { ...by(actor), action: "hours.record", entity: "TrainingClass", entityId: classId, data: { ...input, date: input.date.toISOString().slice(0, 10), trainees: chosen.length } });
  });
  return { ok: true as const, count: chosen.length };
}

/** The class page's roster: each trainee's hours and, if not eligible, the broken rules. */
export async function classRoster(actor: Actor, classId: string) {
  const cls = await getClass(actor, classId);
  if (!cls) return null;
  const rule = await ruleFor(await db(), cls.industry as Industry, cls.category as Category);
  const trainees = cls.enrolments.map((e) => {
    const totals = totalsOf(e.records);
    const breaks = checkEligibility(totals, rule);
    return {
      enrolmentId: e.id,
      name: e.trainee.name,
      idMasked: e.trainee.idMasked,
      enterprise: e.trainee.enterprise.name,
      totals,
      eligible: breaks.length === 0,
      reasons: breaks.map((b) => describeBreak(b, "zh")),
    };
  });
  return { cls, rule, trainees };
}

export { describeProblem };
