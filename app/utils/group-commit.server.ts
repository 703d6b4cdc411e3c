// Group commit for the hottest writes (kiosk saves, heartbeats). On SQLite every commit at
// synchronous=FULL waits for an fsync, and better-sqlite3 waits on the main thread: one
// transaction per save made the fsync, not the work, the limit (bench:load measured ~12 ms of
// COMMIT per save on this machine). On PostgreSQL each transaction is two more round trips
// (BEGIN, COMMIT) and holds a pool connection across the event loop's turns; at 1,000 kiosks the
// pool queued and save p99 passed a second (bench:proctor). Writes that arrive within a short
// window, or while a commit runs, share the next transaction: one commit for the whole batch,
// each caller answered only after it is durable.
// When a batch fails, nothing in it was stored (one transaction); unless the database itself is
// unavailable, each of its writes is then tried again in a transaction of its own, so one bad
// write cannot fail the others. A write that fails alone rejects its caller only (never
// acknowledged; the kiosk keeps it and retries).
import { db, type Tx } from "./db.server";
import { isConflict, isTransientDbError } from "./db-errors.server";
import { env } from "./env.server";

interface Job {
  work: (tx: Tx) => Promise<unknown>;
  ok: (v: unknown) => void;
  fail: (e: unknown) => void;
}

/** How long the first write of a batch waits for others to join it. */
const WINDOW_MS = 2;
/**
 * Batches in flight at once, and their size. SQLite has one writer, so one batch, as large as
 * the queue. PostgreSQL runs a batch's statements one after another on one connection, so a few
 * smaller batches run side by side on the pool instead. Batches side by side (or on two
 * instances) can lock attempt rows in opposite orders and deadlock (seen in bench:proctor): the
 * database aborts one, and its writes are retried one by one (below), not refused.
 */
const shape = () => (env().provider === "postgresql" ? { parallel: 4, maxBatch: 32 } : { parallel: 1, maxBatch: 256 });
const queue: Job[] = [];
let active = 0;
let scheduled = false;

/** Run `work` in a transaction, sharing it (and its commit) with concurrent callers. */
export function inGroupCommit<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return new Promise<T>((ok, fail) => {
    queue.push({ work, ok: ok as (v: unknown) => void, fail });
    kick(WINDOW_MS);
  });
}

function kick(delayMs: number) {
  if (scheduled || !queue.length || active >= shape().parallel) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    void flushOne();
  }, delayMs);
}

async function flushOne() {
  if (!queue.length || active >= shape().parallel) return;
  active++;
  const batch = queue.splice(0, shape().maxBatch);
  kick(0); // more waiting: another batch may start beside this one (PostgreSQL)
  try {
    const prisma = await db();
    try {
      const results = await prisma.$transaction(
        async (tx) => {
          const out: unknown[] = [];
          for (const job of batch) out.push(await job.work(tx));
          return out;
        },
        { maxWait: 10_000, timeout: 30_000 },
      );
      batch.forEach((job, i) => job.ok(results[i]));
    } catch (e) {
      // The database itself is unavailable (busy, full, gone): every write would fail again.
      // A deadlock or write conflict is this batch's alone: its writes are retried one by one.
      if (batch.length === 1 || (isTransientDbError(e) && !isConflict(e))) for (const job of batch) job.fail(e);
      else for (const job of batch) await prisma.$transaction(job.work).then(job.ok, job.fail);
    }
  } catch (e) {
    for (const job of batch) job.fail(e); // no database client at all
  } finally {
    active--;
    kick(0);
  }
}
