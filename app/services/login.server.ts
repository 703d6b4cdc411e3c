// Staff sign-in: rate-limited per account and per IP, and the same answer whether or not the
// username exists (an unknown user still costs one argon2 verify).
import { LIMITS, hit, clearLimit } from "~/data/rate-limit.server";
import { db } from "~/utils/db.server";
import { dummyHash, verifyPassword } from "~/utils/password.server";
import { startSession } from "~/utils/session.server";

export type LoginResult =
  | { ok: true; cookie: string; role: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "limited"; retryAfter: number };

export async function login(request: Request, ip: string, username: string, password: string): Promise<LoginResult> {
  const prisma = await db();
  const name = username.trim().toLowerCase().slice(0, 64);
  const perIp = await hit(prisma, `login:ip:${ip}`, LIMITS.loginPerIp);
  const perAccount = await hit(prisma, `login:user:${name}`, LIMITS.loginPerAccount);
  if (!perIp.ok || !perAccount.ok)
    return { ok: false, reason: "limited", retryAfter: Math.max(perIp.retryAfter, perAccount.retryAfter) };
  const user = await prisma.user.findUnique({ where: { username: name } });
  const good = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !good || user.disabledAt) return { ok: false, reason: "invalid" };
  await clearLimit(prisma, `login:user:${name}`);
  return { ok: true, cookie: await startSession(request, user.id, ip), role: user.role };
}
