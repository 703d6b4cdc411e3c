// Is this error the database being unavailable for a moment (busy, locked, full, connection
// lost, not accepting connections), rather than a bug? Then the caller answers 503 "not saved,
// retry" instead of a 500, and the kiosk keeps the answer in its outbox and retries.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2034", "P2037"]);
// SQLite primary result codes: BUSY 5, LOCKED 6, IOERR 10, FULL 13, CANTOPEN 14, PROTOCOL 15.
const SQLITE_PRIMARY = new Set([5, 6, 10, 13, 14, 15]);
const SQLITE_NAMES = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|PROTOCOL)/;
// PostgreSQL SQLSTATE: connection exceptions (08…), shutdown/cannot connect (57P01–57P03), too
// many connections (53300), serialization/deadlock (40001, 40P01), not accepting connections (55000).
const PG_STATE = /^(08|57P0[1-3]|53300|40001|40P01|55000)/;
const MESSAGES =
  /database is locked|SQLITE_BUSY|SQLITE_FULL|database or disk is full|disk I\/O error|ECONNREFUSED|ECONNRESET|EPIPE|Connection terminated|terminating connection|not currently accepting connections|Can't reach database|Timed out fetching a new connection|Unable to start a transaction|Transaction already closed|Operation has timed out|connection is closed|Client has encountered a connection error/i;

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** Whether `test` holds for the error or anything it wraps (cause, Prisma's meta, the adapter's error). */
function anyInChain(e: unknown, test: (x: Record<string, unknown>) => boolean, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 5) return false;
  const x = e as Record<string, unknown>;
  if (test(x)) return true;
  const meta = x.meta as Record<string, unknown> | undefined;
  return [x.cause, meta?.driverAdapterError, meta?.cause].some((c) => anyInChain(c, test, depth + 1));
}

export function isTransientDbError(e: unknown): boolean {
  return anyInChain(
    e,
    (x) =>
      PRISMA_CODES.has(str(x.code)) ||
      SQLITE_NAMES.test(str(x.code)) ||
      SQLITE_NAMES.test(str(x.originalCode)) ||
      (typeof x.extendedCode === "number" && SQLITE_PRIMARY.has(x.extendedCode & 0xff)) ||
      x.kind === "SocketTimeout" || x.kind === "DatabaseNotReachable" || x.kind === "ConnectionClosed" || x.kind === "TooManyConnections" || x.kind === "TransactionWriteConflict" ||
      (x.kind === "postgres" && PG_STATE.test(str(x.code) || str(x.originalCode))) ||
      (/^\d/.test(str(x.code)) && PG_STATE.test(str(x.code))) ||
      MESSAGES.test(str(x.message)) ||
      MESSAGES.test(str(x.originalMessage)),
  );
}

const CONFLICT_CODES = new Set(["P2034", "40P01", "40001"]);
/** A deadlock or serialization conflict with another transaction: this one alone may succeed on a retry. */
export function isConflict(e: unknown): boolean {
  return anyInChain(e, (x) => CONFLICT_CODES.has(str(x.code)) || CONFLICT_CODES.has(str(x.originalCode)) || x.kind === "TransactionWriteConflict");
}

export const NOT_SAVED_BUSY = "服务器繁忙，答案未保存，请稍后重试";

/**
 * Run a kiosk handler; if the database is unavailable, answer 503 `{ ok: false, error, retry: true }`
 * (the kiosk keeps what it sent and retries) instead of a 500.
 */
export async function orUnavailable(error: string, f: () => Promise<Response>): Promise<Response> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof Response || !isTransientDbError(e)) throw e;
    console.warn(`database unavailable (${describe(e)}): answered 503`);
    return new Response(JSON.stringify({ ok: false, error, retry: true }), {
      status: 503,
      headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "2" },
    });
  }
}

/** A one-line description for the log: Prisma code, driver error kind/code, first message line. */
function describe(e: unknown): string {
  const x = e as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: Record<string, unknown> } } };
  const cause = x.meta?.driverAdapterError?.cause;
  const parts = [x.code, cause?.kind, cause?.originalCode ?? cause?.code, String(x.message ?? "").trim().split("\n").pop()];
  return parts.filter((p) => typeof p === "string" && p).join(" ");
}
