// Group commit for the hottest writes (kiosk saves). On SQLite every commit at synchronous=FULL
// waits for an fsync, and better-sqlite3 waits on the main thread: one transaction per save
// made the fsync, not the work, the limit (bench:load measured ~12 ms of COMMIT per save on this
// machine). Writes that arrive within a short window, or while a commit runs, share the next
// transaction: one fsync for the whole batch, each caller answered only after it is durable.
// When a batch fails, nothing in it was stored (one transaction); unless the database itself is
// unavailable, each of its writes is then tried again in a transaction of its own, so one bad
// write cannot fail the others. A write that fails
// alone rejects its caller only (never acknowledged; the kiosk keeps it and retries).
// PostgreSQL commits in parallel on its pool and groups WAL flushes itself: plain transactions.
import { db, type Tx } from "./db.server";
import { isTransientDbError } from "./db-errors.server";
import { env } from "./env.server";

interface Job {
  work: (tx: Tx) => Promise<unknown>;
  ok: (v: unknown) => void;
  fail: (e: unknown) => void;
}

const MAX_BATCH = 256;
/** How long the first write of a batch waits for others to join it. */
const WINDOW_MS = 2;
let queue: Job[] = [];
let running = false;

/** Run `work` in a transaction, sharing it (and its commit) with concurrent callers on SQLite. */
export async function inGroupCommit<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const prisma = await db();
  if (env().provider === "postgresql") return prisma.$transaction(work);
  return new Promise<T>((ok, fail) => {
    queue.push({ work, ok: ok as (v: unknown) => void, fail });
    if (!running) {
      running = true;
      setTimeout(() => void flush(), WINDOW_MS);
    }
  });
}

async function flush() {
  try {
    const prisma = await db();
    while (queue.length) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
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
        if (batch.length === 1 || isTransientDbError(e)) for (const job of batch) job.fail(e);
        else for (const job of batch) await prisma.$transaction(job.work).then(job.ok, job.fail);
      }
    }
  } catch (e) {
    for (const job of queue.splice(0)) job.fail(e); // no database client at all
  } finally {
    running = false;
  }
}
