// What a kiosk request needs besides the attempt row itself, cached: every kiosk request (a save,
// a heartbeat) used to re-read registration, session, enrolment and trainee — 6 queries where 1
// is needed. A candidate's seat and name never change once they have signed in; the session row
// changes rarely (opened, closed, results released, settings edited before the exam) and is
// re-read after SESSION_TTL_MS, or at once when this instance changes it (`forgetSession`).
// Several instances on PostgreSQL: another instance's change shows here within SESSION_TTL_MS.
import type { Tx } from "~/utils/db.server";

const SESSION_TTL_MS = 2_000;
const MAX_ENTRIES = 20_000;

export interface SeatContext {
  id: string;
  sessionId: string;
  seat: string;
  enrolment: { classId: string; trainee: { name: string; idMasked: string } };
}

const seats = new Map<string, SeatContext>();
const sessions = new Map<string, { at: number; row: Promise<SessionRow> }>();
type SessionRow = NonNullable<Awaited<ReturnType<Tx["examSession"]["findUnique"]>>>;

function bounded<K, V>(m: Map<K, V>, k: K, v: V): V {
  if (m.size >= MAX_ENTRIES) m.delete(m.keys().next().value as K);
  m.set(k, v);
  return v;
}

export async function seatContext(prisma: Tx, registrationId: string): Promise<SeatContext> {
  const hit = seats.get(registrationId);
  if (hit) return hit;
  const r = await prisma.registration.findUniqueOrThrow({
    where: { id: registrationId },
    select: { id: true, sessionId: true, seat: true, enrolment: { select: { classId: true, trainee: { select: { name: true, idMasked: true } } } } },
  });
  return bounded(seats, registrationId, r);
}

export async function sessionRow(prisma: Tx, sessionId: string): Promise<SessionRow> {
  const hit = sessions.get(sessionId);
  if (hit && Date.now() - hit.at < SESSION_TTL_MS) return hit.row;
  // Concurrent requests share one read; a failed read is not kept.
  const row = prisma.examSession.findUniqueOrThrow({ where: { id: sessionId } });
  bounded(sessions, sessionId, { at: Date.now(), row });
  row.catch(() => {
    if (sessions.get(sessionId)?.row === row) sessions.delete(sessionId);
  });
  return row;
}

/** This instance changed the session: the next kiosk request reads it again. */
export function forgetSession(sessionId: string): void {
  sessions.delete(sessionId);
}
