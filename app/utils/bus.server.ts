// Live exam events (kiosk ↔ proctor). Every event is first written to ExamEvent (ordered,
// durable: a reconnecting stream resumes from the last id it saw), then announced:
// in-process on SQLite (one instance), through PostgreSQL LISTEN/NOTIFY when several instances
// share one database. Both sit behind this one interface.
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

declare global {
  // eslint-disable-next-line no-var
  var __ankaoBus: { local: EventEmitter; listener?: Promise<void> } | undefined;
}

function state() {
  if (!globalThis.__ankaoBus) {
    const local = new EventEmitter();
    local.setMaxListeners(0);
    globalThis.__ankaoBus = { local };
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
  })();
  return s.listener;
}

/**
 * Record an event inside the caller's transaction (so it commits with the change it describes)
 * and, on PostgreSQL, queue the NOTIFY (delivered at commit). Call `announce` after the commit.
 */
export async function recordEvent(tx: Tx, sessionId: string, kind: string, data: Record<string, unknown> = {}, attemptId: string | null = null): Promise<number> {
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

/**
 * A server-sent-events response that streams a session's events from `lastEventId` on,
 * filtered by `accept`, with a keep-alive comment every 15 s.
 */
export function eventStream(
  request: Request,
  sessionId: string,
  opts: {
    attemptId?: string;
    accept?: (e: ExamEventRow) => boolean;
    /** A full state frame: sent first, after every burst of events, and every `snapshotEveryMs`. */
    snapshot?: () => Promise<unknown>;
    snapshotEveryMs?: number;
  },
): Response {
  const header = request.headers.get("Last-Event-ID") ?? new URL(request.url).searchParams.get("after");
  let last = Number(header ?? 0) || 0;
  const encoder = new TextEncoder();
  let closed = false;
  let unsubscribe: (() => void) | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (s: string) => {
        if (!closed) controller.enqueue(encoder.encode(s));
      };
      const sendSnapshot = async () => {
        if (opts.snapshot && !closed) send(`event: snapshot\ndata: ${JSON.stringify(await opts.snapshot())}\n\n`);
      };
      let draining = false;
      let again = false;
      const drain = async () => {
        if (draining) {
          again = true;
          return;
        }
        draining = true;
        try {
          do {
            again = false;
            const rows = await eventsAfter(sessionId, last, opts.attemptId);
            let sent = 0;
            for (const e of rows) {
              last = e.id;
              if (!opts.accept || opts.accept(e)) {
                send(`id: ${e.id}\nevent: ${e.kind}\ndata: ${JSON.stringify({ ...JSON.parse(e.data), attemptId: e.attemptId, at: e.at })}\n\n`);
                sent++;
              }
            }
            if (sent) await sendSnapshot();
          } while (again && !closed);
        } catch {
          /* database hiccup: the next wake-up retries from `last` */
        } finally {
          draining = false;
        }
      };
      const close = () => {
        if (closed) return;
        closed = true;
        unsubscribe?.();
        if (timer) clearInterval(timer);
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      request.signal.addEventListener("abort", close);
      send("retry: 2000\n\n");
      await sendSnapshot();
      if (!header) {
        // A new stream starts from now; the snapshot above carries the current state.
        const latest = await (await db()).examEvent.findFirst({ where: { sessionId }, orderBy: { id: "desc" }, select: { id: true } });
        last = latest?.id ?? 0;
      }
      unsubscribe = await subscribe(sessionId, () => void drain());
      timer = setInterval(() => (opts.snapshot ? void sendSnapshot().catch(() => {}) : send(": keep-alive\n\n")), opts.snapshotEveryMs ?? 15_000);
      await drain();
    },
    cancel() {
      closed = true;
      unsubscribe?.();
      if (timer) clearInterval(timer);
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
}
