// Live exam events (kiosk ↔ proctor). Every event is first written to ExamEvent (ordered,
// durable: a reconnecting stream resumes from the last id it saw), then announced:
// in-process on SQLite (one instance), through PostgreSQL LISTEN/NOTIFY when several instances
// share one database. Both sit behind this one interface.
//
// Cost at scale (npm run bench:proctor, 1,000 kiosks): a room has 80 kiosk streams and a proctor
// stream. Each instance therefore reads a session's new events ONCE per wake-up (a per-session
// "hub") and hands them to all of its local streams, which filter in memory; and a proctor's room
// frame is rebuilt at most every SNAPSHOT_GAP_MS (events themselves go out at once).
import { EventEmitter } from "node:events";
import pg from "pg";
import { db, type Tx } from "./db.server";
import { env } from "./env.server";

export interface ExamEventRow {
  id: number;
  sessionId: string;
  attemptId: string | null;
  kind: string;
  data: string;
  at: Date;
}

const CHANNEL = "ankao_exam_events";
/** Advisory-lock namespace (two-int form, so it never meets the audit chain's one-bigint key). */
const SESSION_EVENTS_LOCK = 7_341_002;
/**
 * At most one room frame per stream in this interval; the first after a quiet spell goes at once.
 * Events themselves go out at once and the console applies them to their tiles (live-tiles.ts),
 * so frames only refresh what events do not carry (answered counts, time left, online): a frame
 * costs ~80 rows of reads, and 13 rooms × 4 frames/s took most of a core at 1,000 kiosks.
 */
const SNAPSHOT_GAP_MS = 1_000;
/** A hub re-reads its session this often even without a wake-up (a lost NOTIFY, a failed read). */
const HUB_SWEEP_MS = 5_000;

/** One reader of a session's events per instance, shared by all of the instance's streams of it. */
interface Hub {
  last: number;
  streams: Set<(rows: ExamEventRow[]) => void>;
  ready: Promise<void>;
  reading: boolean;
  again: boolean;
  stop?: () => void;
}

declare global {
  // eslint-disable-next-line no-var
  var __ankaoBus: { local: EventEmitter; listener?: Promise<void>; hubs: Map<string, Hub> } | undefined;
}

function state() {
  if (!globalThis.__ankaoBus) {
    const local = new EventEmitter();
    local.setMaxListeners(0);
    globalThis.__ankaoBus = { local, hubs: new Map() };
  }
  return globalThis.__ankaoBus;
}

/** On PostgreSQL, one LISTEN connection per instance relays notifications to local subscribers. */
function ensureListener(): Promise<void> {
  const s = state();
  if (env().provider !== "postgresql") return Promise.resolve();
  s.listener ??= (async () => {
    const connect = async (): Promise<void> => {
      const client = new pg.Client({ connectionString: env().DATABASE_URL });
      client.on("error", () => {});
      client.on("end", () => setTimeout(() => connect().catch(() => {}), 1000));
      await client.connect();
      client.on("notification", (msg) => {
        if (msg.channel !== CHANNEL || !msg.payload) return;
        const { sessionId } = JSON.parse(msg.payload) as { sessionId: string };
        s.local.emit(`s:${sessionId}`);
      });
      await client.query(`LISTEN ${CHANNEL}`);
    };
    await connect();
  })().catch((e) => {
    s.listener = undefined; // the next stream tries again
    throw e;
  });
  return s.listener;
}

/**
 * Record an event inside the caller's transaction (so it commits with the change it describes)
 * and, on PostgreSQL, queue the NOTIFY (delivered at commit). Call `announce` after the commit.
 *
 * On PostgreSQL, concurrent transactions can commit out of id order: a reader that has seen id 101
 * would skip 100 committed a moment later, for good. A per-session advisory lock, held to commit,
 * makes a session's events commit in id order. Take it last in the transaction (after the
 * change, before `audit`), so it is held only for the commit. SQLite has one writer anyway.
 */
export async function recordEvent(tx: Tx, sessionId: string, kind: string, data: Record<string, unknown> = {}, attemptId: string | null = null): Promise<number> {
  if (env().provider === "postgresql") await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SESSION_EVENTS_LOCK}, hashtext($1))`, sessionId);
  const row = await tx.examEvent.create({ data: { sessionId, attemptId, kind, data: JSON.stringify(data) } });
  if (env().provider === "postgresql") await tx.$executeRawUnsafe(`SELECT pg_notify($1, $2)`, CHANNEL, JSON.stringify({ sessionId, id: row.id }));
  return row.id;
}

/** Wake this instance's streams of a session (other instances hear the NOTIFY). */
export function announce(sessionId: string): void {
  state().local.emit(`s:${sessionId}`);
}

/** Record and announce in one step, outside any other transaction. */
export async function publish(sessionId: string, kind: string, data: Record<string, unknown> = {}, attemptId: string | null = null): Promise<number> {
  const prisma = await db();
  const id = await prisma.$transaction((tx) => recordEvent(tx, sessionId, kind, data, attemptId));
  announce(sessionId);
  return id;
}

/** Events of a session after `afterId`, in order (catch-up for a reconnecting stream). */
export async function eventsAfter(sessionId: string, afterId: number, attemptId?: string): Promise<ExamEventRow[]> {
  const prisma = await db();
  return prisma.examEvent.findMany({
    where: { sessionId, id: { gt: afterId }, ...(attemptId ? { OR: [{ attemptId }, { attemptId: null }] } : {}) },
    orderBy: { id: "asc" },
    take: 500,
  });
}

/** Call `onWake` whenever something new happens in the session; returns the unsubscribe. */
export async function subscribe(sessionId: string, onWake: () => void): Promise<() => void> {
  await ensureListener();
  const s = state();
  const fn = () => onWake();
  s.local.on(`s:${sessionId}`, fn);
  return () => s.local.off(`s:${sessionId}`, fn);
}

const latestEventId = async (sessionId: string) =>
  (await (await db()).examEvent.findFirst({ where: { sessionId }, orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0;

/** Read the hub's session from its cursor on and hand the rows to every local stream. */
async function readHub(sessionId: string, hub: Hub): Promise<void> {
  if (hub.reading) {
    hub.again = true;
    return;
  }
  hub.reading = true;
  try {
    await hub.ready;
    do {
      hub.again = false;
      let rows: ExamEventRow[];
      do {
        rows = await eventsAfter(sessionId, hub.last);
        if (!rows.length) break;
        hub.last = rows[rows.length - 1].id;
        for (const deliver of hub.streams) deliver(rows);
      } while (rows.length === 500);
    } while (hub.again);
  } catch {
    /* database hiccup: the next wake-up or sweep retries from hub.last */
  } finally {
    hub.reading = false;
  }
}

/** Join the session's hub (made on first use); rows read after this call reach `deliver`. */
async function joinHub(sessionId: string, deliver: (rows: ExamEventRow[]) => void): Promise<() => void> {
  const { hubs } = state();
  let hub = hubs.get(sessionId);
  if (!hub) {
    const h: Hub = { last: 0, streams: new Set(), reading: false, again: false, ready: Promise.resolve() };
    h.ready = (async () => {
      // Subscribe first, then place the cursor: whatever commits later wakes the hub.
      const unsubscribe = await subscribe(sessionId, () => void readHub(sessionId, h));
      const sweep = setInterval(() => void readHub(sessionId, h), HUB_SWEEP_MS);
      sweep.unref?.();
      h.stop = () => {
        unsubscribe();
        clearInterval(sweep);
      };
      try {
        h.last = await latestEventId(sessionId);
      } catch (e) {
        h.stop();
        throw e;
      }
    })();
    hubs.set(sessionId, (hub = h));
  }
  const joined = hub;
  joined.streams.add(deliver);
  try {
    await joined.ready;
  } catch (e) {
    joined.streams.delete(deliver);
    if (hubs.get(sessionId) === joined) hubs.delete(sessionId);
    throw e;
  }
  return () => {
    joined.streams.delete(deliver);
    if (joined.streams.size === 0 && hubs.get(sessionId) === joined) {
      hubs.delete(sessionId);
      joined.stop?.();
    }
  };
}

/**
 * A server-sent-events response that streams a session's events from `lastEventId` on,
 * filtered by `attemptId` (that attempt's events and the room's) and `accept`, with a keep-alive
 * comment every 15 s.
 */
export function eventStream(
  request: Request,
  sessionId: string,
  opts: {
    attemptId?: string;
    accept?: (e: ExamEventRow) => boolean;
    /** A full state frame: sent first, after every burst of events (at most every SNAPSHOT_GAP_MS), and every `snapshotEveryMs`. */
    snapshot?: () => Promise<unknown>;
    snapshotEveryMs?: number;
  },
): Response {
  const header = request.headers.get("Last-Event-ID") ?? new URL(request.url).searchParams.get("after");
  let last = Number(header ?? 0) || 0;
  const encoder = new TextEncoder();
  let closed = false;
  let leave: (() => void) | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    closed = true;
    leave?.();
    if (timer) clearInterval(timer);
  };
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (s: string) => {
        if (!closed) controller.enqueue(encoder.encode(s));
      };
      // Room frames: one in flight at a time, and at most one per SNAPSHOT_GAP_MS; a request
      // made meanwhile is served by the next one (which then reflects everything so far).
      let wanted = false;
      let building = false;
      let lastBuilt = -Infinity;
      const requestSnapshot = async () => {
        if (!opts.snapshot) return;
        wanted = true;
        if (building) return;
        building = true;
        try {
          while (wanted && !closed) {
            const wait = lastBuilt + SNAPSHOT_GAP_MS - performance.now();
            if (wait > 0) await new Promise((r) => setTimeout(r, wait));
            wanted = false;
            lastBuilt = performance.now();
            // Every event up to `asOf` had committed before the frame was read, so it shows in the
            // frame; a client re-applies the later ones it already holds.
            const asOf = last;
            const frame = await opts.snapshot();
            send(`event: snapshot\ndata: ${JSON.stringify({ ...(frame as object), asOf })}\n\n`);
          }
        } catch {
          /* database hiccup: the next event or tick sends a fresh frame */
        } finally {
          building = false;
        }
      };
      const deliver = (rows: ExamEventRow[]) => {
        let sent = 0;
        for (const e of rows) {
          if (e.id <= last) continue;
          last = e.id;
          if (opts.attemptId && e.attemptId !== null && e.attemptId !== opts.attemptId) continue;
          if (opts.accept && !opts.accept(e)) continue;
          send(`id: ${e.id}\nevent: ${e.kind}\ndata: ${JSON.stringify({ ...JSON.parse(e.data), attemptId: e.attemptId, at: e.at })}\n\n`);
          sent++;
        }
        if (sent) void requestSnapshot();
      };
      const close = () => {
        if (closed) return;
        stop();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      request.signal.addEventListener("abort", close);
      send("retry: 2000\n\n");
      try {
        // A new stream starts from now (its first room frame carries the current state); the
        // cursor is placed before that frame is built, so nothing falls between the two.
        if (!header) last = await latestEventId(sessionId);
        // Join the hub before catching up: rows the hub reads meanwhile wait in `early`.
        let early: ExamEventRow[] | null = [];
        const left = await joinHub(sessionId, (rows) => (early ? early.push(...rows) : deliver(rows)));
        if (closed) return left();
        leave = left;
        void requestSnapshot();
        for (let rows = await eventsAfter(sessionId, last, opts.attemptId); ; rows = await eventsAfter(sessionId, last, opts.attemptId)) {
          deliver(rows);
          if (rows.length < 500) break;
        }
        const held = early;
        early = null;
        deliver(held);
      } catch {
        return close(); // the browser's EventSource reconnects (retry: 2000) from its Last-Event-ID
      }
      timer = setInterval(() => (opts.snapshot ? void requestSnapshot() : send(": keep-alive\n\n")), opts.snapshotEveryMs ?? 15_000);
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
}
