// Training classes and their trainees, scoped: a PROVIDER sees only its own classes.
import { inScope, type Actor } from "~/domain/access";
import type { Category, Industry } from "~/domain/vocabulary";
import { db } from "~/utils/db.server";

/** The class filter for a caller: a PROVIDER's own classes, everyone else all of them. */
export const classScope = (actor: Actor) => (actor.role === "PROVIDER" ? { providerId: actor.providerId ?? "—" } : {});

/** How a class is named in every list. */
export const classHead = (c: { id: string; code: string; name: string; year: number; industry: string; category: string }) => ({
  id: c.id,
  code: c.code,
  name: c.name,
  year: c.year,
  industry: c.industry as Industry,
  category: c.category as Category,
});

export async function listClasses(actor: Actor, year?: number) {
  const p = await db();
  return p.trainingClass.findMany({
    where: { ...classScope(actor), ...(year ? { year } : {}) },
    orderBy: [{ year: "desc" }, { startDate: "desc" }],
    include: { provider: true, _count: { select: { enrolments: { where: { status: "ACTIVE" } } } } },
  });
}

/** The class list's rows: name, provider, dates and active enrolments. */
export async function classRows(actor: Actor) {
  return (await listClasses(actor)).map((c) => ({
    ...classHead(c),
    provider: c.provider.name,
    start: c.startDate.toISOString().slice(0, 10),
    end: c.endDate.toISOString().slice(0, 10),
    size: c._count.enrolments,
  }));
}

/** The class with its roster and hour records, or null when missing or out of scope. */
export async function getClass(actor: Actor, classId: string) {
  const p = await db();
  const c = await p.trainingClass.findUnique({
    where: { id: classId },
    include: {
      provider: true,
      enrolments: {
        where: { status: "ACTIVE" },
        orderBy: { createdAt: "asc" },
        include: { trainee: { include: { enterprise: true } }, records: true },
      },
    },
  });
  return c && inScope(actor, { providerId: c.providerId }) ? c : null;
}
