// Fixed-window rate limits kept in the database, so every app instance counts the same hits.
import type { Db } from "~/utils/db.server";

export interface Limit {
  max: number;
  windowSec: number;
}

export const LIMITS = {
  loginPerAccount: { max: 5, windowSec: 15 * 60 },
  loginPerIp: { max: 30, windowSec: 15 * 60 },
  /** The public certificate check (/verify/<number>): enough for a phone or an HR desk, not for enumeration. */
  verifyPerIp: { max: 30, windowSec: 60 },
} satisfies Record<string, Limit>;

/** Count a hit; returns whether it is within the limit and, if not, seconds until it resets. */
export async function hit(db: Db, key: string, limit: Limit, now = new Date()): Promise<{ ok: boolean; retryAfter: number }> {
  return db.$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key } });
    const windowMs = limit.windowSec * 1000;
    if (!row || now.getTime() - row.windowStart.getTime() >= windowMs) {
      await tx.rateLimit.upsert({ where: { key }, create: { key, windowStart: now, count: 1 }, update: { windowStart: now, count: 1 } });
      return { ok: true, retryAfter: 0 };
    }
    const count = row.count + 1;
    await tx.rateLimit.update({ where: { key }, data: { count } });
    const retryAfter = Math.ceil((row.windowStart.getTime() + windowMs - now.getTime()) / 1000);
    return { ok: count <= limit.max, retryAfter };
  });
}

export async function clearLimit(db: Db, key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}
