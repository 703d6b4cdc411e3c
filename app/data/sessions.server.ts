// Exam sessions, scoped: a PROCTOR sees only sessions in their county that they are assigned to.
import type { Actor } from "~/domain/access";
import { db } from "~/utils/db.server";

export async function proctorSessions(actor: Actor) {
  const p = await db();
  const startOfToday = new Date();
  startOfToday.setHours(0, 0, 0, 0);
  const rows = await p.examSession.findMany({
    where: { countyId: actor.countyId ?? "—", proctors: { some: { userId: actor.id } } },
    include: { venue: true, county: true, _count: { select: { registrations: true } } },
    orderBy: { startsAt: "asc" },
  });
  // Today's and upcoming sessions first, then past ones (most recent first).
  const upcoming = rows.filter((s) => s.endsAt >= startOfToday);
  const past = rows.filter((s) => s.endsAt < startOfToday).reverse();
  return [...upcoming, ...past];
}
