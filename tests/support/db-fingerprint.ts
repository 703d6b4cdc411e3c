// "Nothing was written": the row count of every table plus the mutable state of the rows an
// attacker would aim at (accounts, attempts, sessions, questions, certificates). Two equal
// fingerprints mean no row was added, removed or changed there.
import { createHash } from "node:crypto";
import { Prisma } from "~/generated/sqlite/client";
import type { Db } from "~/utils/db.server";

type Delegate = { count(): Promise<number> };

export async function rowCounts(db: Db, except: readonly string[] = []): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const model of Object.values(Prisma.ModelName)) {
    if (except.includes(model)) continue;
    const delegate = (db as unknown as Record<string, Delegate>)[model[0].toLowerCase() + model.slice(1)];
    out[model] = await delegate.count();
  }
  return out;
}

export async function fingerprint(db: Db, except: readonly string[] = []): Promise<Record<string, number | string>> {
  const state = await Promise.all([
    db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, passwordHash: true, disabledAt: true, role: true } }),
    db.authSession.findMany({ orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
    db.attempt.findMany({ orderBy: { id: "asc" }, select: { id: true, state: true, extensionSec: true, kioskId: true, lastSeq: true, score: true } }),
    db.examSession.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, resultsReleasedAt: true } }),
    db.question.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, currentVersion: true } }),
    db.certificate.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, reviewFlag: true } }),
    db.paper.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true } }),
    db.response.findMany({ orderBy: { id: "asc" }, select: { id: true, answer: true, seq: true } }),
  ]);
  return { ...(await rowCounts(db, except)), state: createHash("sha256").update(JSON.stringify(state)).digest("hex") };
}
