// ADMIN use cases: accounts and the organisation tables. Each is one transaction with its audit row.
import { z } from "zod";
import { audit } from "~/data/audit.server";
import type { Actor } from "~/domain/access";
import { validateCreditCode } from "~/domain/credit-code";
import { INDUSTRIES, ROLES } from "~/domain/vocabulary";
import { db } from "~/utils/db.server";
import { hashPassword, passwordProblem } from "~/utils/password.server";
import { revokeUserSessions } from "~/utils/session.server";

const by = (actor: Actor) => ({ actorId: actor.id, actorRole: actor.role });
const creditCode = z.string().superRefine((v, ctx) => {
  const r = validateCreditCode(v);
  if (!r.ok) ctx.addIssue({ code: "custom", message: r.error });
});

export const userSchema = z
  .object({
    username: z.string().regex(/^[a-z][a-z0-9_.-]{2,31}$/, "用户名：3–32 位小写字母、数字、_ . -，以字母开头"),
    displayName: z.string().min(1, "请填写姓名").max(40),
    role: z.enum(ROLES, { message: "请选择角色" }),
    password: z.string().superRefine((p, ctx) => {
      const problem = passwordProblem(p);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    countyId: z.string().optional(),
    providerId: z.string().optional(),
  })
  .superRefine((u, ctx) => {
    if (u.role === "PROCTOR" && !u.countyId) ctx.addIssue({ code: "custom", path: ["countyId"], message: "监考账号必须指定所属县（市、区）" });
    if (u.role === "PROVIDER" && !u.providerId) ctx.addIssue({ code: "custom", path: ["providerId"], message: "施教单位账号必须指定施教单位" });
  });

export async function createUser(actor: Actor, input: z.infer<typeof userSchema>) {
  const prisma = await db();
  const username = input.username.toLowerCase();
  if (await prisma.user.findUnique({ where: { username } })) return { ok: false as const, errors: { username: "用户名已存在" } };
  const passwordHash = await hashPassword(input.password);
  const user = await prisma.$transaction(async (tx) => {
    const u = await tx.user.create({
      data: {
        username,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
        countyId: input.role === "PROCTOR" ? input.countyId : null,
        providerId: input.role === "PROVIDER" ? input.providerId : null,
      },
    });
    await audit(tx, { ...by(actor), action: "user.create", entity: "User", entityId: u.id, data: { username, role: input.role } });
    return u;
  });
  return { ok: true as const, user };
}

/** Disabling an account ends its sessions at once. */
export async function setUserDisabled(actor: Actor, userId: string, disabled: boolean) {
  if (userId === actor.id && disabled) return { ok: false as const, errors: { _: "不能停用自己的账号" } };
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
    if (disabled) await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await audit(tx, { ...by(actor), action: disabled ? "user.disable" : "user.enable", entity: "User", entityId: userId });
  });
  return { ok: true as const };
}

export async function revokeSessions(actor: Actor, userId: string) {
  const n = await revokeUserSessions(userId);
  const prisma = await db();
  await prisma.$transaction((tx) => audit(tx, { ...by(actor), action: "user.revokeSessions", entity: "User", entityId: userId, data: { sessions: n } }));
  return n;
}

export async function resetPassword(actor: Actor, userId: string, password: string) {
  const problem = passwordProblem(password);
  if (problem) return { ok: false as const, errors: { password: problem } };
  const prisma = await db();
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await audit(tx, { ...by(actor), action: "user.resetPassword", entity: "User", entityId: userId });
  });
  return { ok: true as const };
}

export const countySchema = z.object({
  code: z.string().regex(/^\d{6}$/, "行政区划代码为 6 位数字"),
  name: z.string().min(2, "请填写名称").max(30),
  kind: z.enum(["CITY", "COUNTY", "DISTRICT"], { message: "请选择类型" }),
});
export const venueSchema = z.object({
  countyId: z.string().min(1, "请选择所属县（市、区）"),
  name: z.string().min(2, "请填写考点名称").max(60),
  address: z.string().min(2, "请填写地址").max(120),
  seats: z.coerce.number({ message: "座位数应为数字" }).int().min(1, "座位数至少 1").max(500, "座位数不超过 500"),
});
export const enterpriseSchema = z.object({
  name: z.string().min(2, "请填写企业名称").max(80),
  creditCode,
  industry: z.enum(INDUSTRIES, { message: "请选择行业" }),
  countyId: z.string().min(1, "请选择所属县（市、区）"),
});
export const providerSchema = z.object({
  name: z.string().min(2, "请填写施教单位名称").max(80),
  creditCode,
  contact: z.string().max(80).default(""),
});

type OrgKind = "county" | "venue" | "enterprise" | "provider";

/** Create one organisation row; unique-name and unique-code clashes come back as field errors. */
export async function createOrg(actor: Actor, kind: OrgKind, data: Record<string, unknown>) {
  const prisma = await db();
  try {
    const row = await prisma.$transaction(async (tx) => {
      const created =
        kind === "county"
          ? await tx.county.create({ data: data as z.infer<typeof countySchema> })
          : kind === "venue"
            ? await tx.venue.create({ data: data as z.infer<typeof venueSchema> })
            : kind === "enterprise"
              ? await tx.enterprise.create({ data: data as z.infer<typeof enterpriseSchema> })
              : await tx.provider.create({ data: data as z.infer<typeof providerSchema> });
      await audit(tx, { ...by(actor), action: `${kind}.create`, entity: kind, entityId: created.id, data });
      return created;
    });
    return { ok: true as const, row };
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") {
      const target = String((e as { meta?: { target?: unknown } }).meta?.target ?? "");
      const field = /code|creditCode/i.test(target) ? (kind === "county" ? "code" : "creditCode") : "name";
      return { ok: false as const, errors: { [field]: "已存在相同记录" } };
    }
    throw e;
  }
}
