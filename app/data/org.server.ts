// Organisation reads. Counties, venues, enterprises and providers are not secret to staff.
import { db } from "~/utils/db.server";

export async function orgCounts() {
  const p = await db();
  const [counties, venues, enterprises, providers, users, trainees, classes] = await Promise.all([
    p.county.count(),
    p.venue.count(),
    p.enterprise.count(),
    p.provider.count(),
    p.user.count(),
    p.trainee.count(),
    p.trainingClass.count(),
  ]);
  return { counties, venues, enterprises, providers, users, trainees, classes };
}

export async function listCounties() {
  return (await db()).county.findMany({ orderBy: { code: "asc" }, include: { _count: { select: { venues: true, enterprises: true } } } });
}
export async function listVenues() {
  return (await db()).venue.findMany({ orderBy: [{ county: { code: "asc" } }, { name: "asc" }], include: { county: true } });
}
export async function listEnterprises() {
  return (await db()).enterprise.findMany({
    orderBy: [{ industry: "desc" }, { name: "asc" }],
    include: { county: true, _count: { select: { trainees: true } } },
  });
}
export async function listProviders() {
  return (await db()).provider.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { classes: true, users: true } } } });
}
export async function listUsers() {
  return (await db()).user.findMany({
    orderBy: [{ role: "asc" }, { username: "asc" }],
    include: { county: true, provider: true, authSessions: { where: { revokedAt: null, expiresAt: { gt: new Date() } }, select: { id: true } } },
  });
}
