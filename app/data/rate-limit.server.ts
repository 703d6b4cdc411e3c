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

/** Seconds until the row's window ends; 0 when there is no row or its window has ended. */
const secondsLeft = (row: { windowStart: Date } | null, limit: Limit, now: Date) =>
  row ? Math.max(0, Math.ceil((row.windowStart.getTime() + limit.windowSec * 1000 - now.getTime()) / 1000)) : 0;

/** Count a hit; returns whether it is within the limit and, if not, seconds until it resets. */
export async function hit(db: Db, key: string, limit: Limit, now = new Date()): Promise<{ ok: boolean; retryAfter: number }> {
  return db.$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key } });
    const retryAfter = secondsLeft(row, limit, now);
    if (!row || retryAfter === 0) {
      await tx.rateLimit.upsert({ where: { key }, create: { key, windowStart: now, count: 1 }, update: { windowStart: now, count: 1 } });
      return { ok: true, retryAfter: 0 };
    }
    const count = row.count + 1;
    await tx.rateLimit.update({ where: { key }, data: { count } });
    return { ok: count <= limit.max, retryAfter };
  });
}

/** Whether `key` is still under `limit`, without counting (for limits that count failures only). */
export async function peek(db: Db, key: string, limit: Limit, now = new Date()): Promise<{ ok: boolean; retryAfter: number }> {
  const row = await db.rateLimit.findUnique({ where: { key } });
  const retryAfter = secondsLeft(row, limit, now);
  return { ok: !row || retryAfter === 0 || row.count < limit.max, retryAfter };
}

export async function clearLimit(db: Db, key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}
