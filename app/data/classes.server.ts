// Training classes and their trainees, scoped: a PROVIDER sees only its own classes.
import { inScope, type Actor } from "~/domain/access";
import { db } from "~/utils/db.server";

const scopeWhere = (actor: Actor) => (actor.role === "PROVIDER" ? { providerId: actor.providerId ?? "—" } : {});

export async function listClasses(actor: Actor, year?: number) {
  const p = await db();
  return p.trainingClass.findMany({
    where: { ...scopeWhere(actor), ...(year ? { year } : {}) },
    orderBy: [{ year: "desc" }, { startDate: "desc" }],
    include: { provider: true, _count: { select: { enrolments: { where: { status: "ACTIVE" } } } } },
  });
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
