// A live exam at scale, for benchmarks (bench:proctor, bench:load): a fresh migrated database
// (SQLite or PostgreSQL) with the demo data and the shipped bank, then rooms of synthetic
// candidates: one 2026 mining team-leader class per room (eligible hours), its own drawn and
// sealed paper, and one session per room at the 铁力市 venue with proctor.tieli, open now.
// Everything past the synthetic people goes through the app's own services (draw, seal,
// schedule), so the roster, tickets and seats are the real ones.
//
// In a process:  const { url, drop } = await freshExamDatabase("sqlite");
//                process.env.DATABASE_URL = url;   // before the app's db module is imported
//                const rooms = await seedExamRooms([80, 80, 40]);
// As a command (a separate process, so the caller never loads the app's db module itself):
//   node --import tsx scripts/lib/exam-fixture.ts --kind sqlite --rooms 80,80,40 --out fixture.json
//   → { url, kind, rooms: [{ sessionId, code, candidates: [{ registrationId, seat, name, idNumber, ticket }] }], proctor }
//   The caller removes the database with dropExamDatabase(url). DATA_DIR and ANKAO_SECRET must be
//   the ones the app servers get (ID lookup hashes derive from the secret).
import { rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { migratedUrl } from "../../tests/support/db.js";
import { dropPgDatabase } from "./pg-admin.js";

export type DbKind = "sqlite" | "postgresql";
export const DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/test";
export const DEMO_PROCTOR = { username: "proctor.tieli", password: "ankao-demo-2025" };
/** The 铁力市 venue's seats: the most candidates one room can hold. */
export const MAX_ROOM = 80;

export interface FixtureCandidate {
  registrationId: string;
  seat: string;
  name: string;
  idNumber: string;
  ticket: string;
}
export interface FixtureRoom {
  sessionId: string;
  code: string;
  candidates: FixtureCandidate[];
}
export interface ExamFixture {
  url: string;
  kind: DbKind;
  rooms: FixtureRoom[];
  proctor: typeof DEMO_PROCTOR;
}

/** Can we open a connection to this PostgreSQL server? (a benchmark skips PostgreSQL if not) */
export async function pgReachable(url = process.env.PG_URL ?? DEFAULT_PG_URL): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  c.on("error", () => {});
  try {
    await c.connect();
    await c.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

/** A fresh migrated database of this kind (tests/support/db.ts migratedUrl, with TEST_DB set to `kind`). */
export async function freshExamDatabase(kind: DbKind, pgUrl = process.env.PG_URL ?? DEFAULT_PG_URL) {
  process.env.TEST_DB = kind;
  if (kind === "postgresql") process.env.PG_URL = pgUrl;
  return migratedUrl();
}

/** Remove a database made by freshExamDatabase, from any process (SQLite: its temp folder). */
export async function dropExamDatabase(url: string): Promise<void> {
  if (url.startsWith("file:")) {
    const dir = dirname(url.slice("file:".length));
    if (/ankao-test-/.test(dir)) rmSync(dir, { recursive: true, force: true });
    return;
  }
  await dropPgDatabase(url);
}

/** A valid ID number for synthetic candidate `i`: born 1950–1957, never one of the demo data's (1968–1995). */
function syntheticId(makeIdNumber: (region: string, birth: string, seq: number) => string, region: string, i: number): string {
  const year = 1950 + (Math.floor(i / 336) % 8);
  const month = 1 + (Math.floor(i / 28) % 12);
  const day = 1 + (i % 28);
  return makeIdNumber(region, `${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`, 100 + Math.floor(i / 2688));
}

/**
 * Rooms of `sizes[k]` candidates each (≤ 80), seeded into the database DATABASE_URL names
 * (empty and migrated). Sessions open 10 minutes ago and last 4 hours; the exam is `durationMin`
 * long; `threshold` integrity events lock an attempt (50 keeps a benchmark's kiosks running).
 */
export async function seedExamRooms(sizes: number[], opts: { threshold?: number; durationMin?: number; tag?: string } = {}): Promise<FixtureRoom[]> {
  const bad = sizes.find((n) => !Number.isInteger(n) || n < 1 || n > MAX_ROOM);
  if (bad !== undefined) throw new Error(`room size ${bad}: each room holds 1–${MAX_ROOM} candidates (the 铁力市 venue's seats)`);
  const { db } = await import("../../app/utils/db.server.js");
  const { seedDemo } = await import("../../prisma/seed.js");
  const { HOURS, SURNAMES, GIVEN } = await import("../../prisma/demo-data.js");
  const { ensureBank } = await import("./demo-bank.js");
  const { makeIdNumber, maskIdNumber, birthDateOf, genderOf } = await import("../../app/domain/id-number.js");
  const { encryptId, idLookupHash } = await import("../../app/utils/secrets.server.js");
  const { drawFirstPapers, sealPaper } = await import("../../app/services/papers.server.js");
  const { scheduleSession } = await import("../../app/services/sessions.server.js");

  const prisma = await db();
  if ((await prisma.user.count()) === 0) await seedDemo(prisma);
  await ensureBank(prisma);
  const examinerRow = await prisma.user.findUniqueOrThrow({ where: { username: "examiner" } });
  const examiner = { id: examinerRow.id, role: "EXAMINER" as const, countyId: null, providerId: null };
  const proctor = await prisma.user.findUniqueOrThrow({ where: { username: DEMO_PROCTOR.username } });
  const venue = await prisma.venue.findFirstOrThrow({ where: { county: { name: "铁力市" } } });
  const provider = await prisma.provider.findFirstOrThrow({ orderBy: { name: "asc" } });
  const mines = await prisma.enterprise.findMany({ where: { industry: "MINING" }, include: { county: true }, orderBy: { name: "asc" } });
  const tag = opts.tag ?? `B${Date.now().toString(36).toUpperCase()}`;
  const [online, offline, practical] = HOURS.TEAM_LEADER;

  // People: one class per room, every trainee with eligible hours. Their ID numbers are kept
  // here (the database holds only the hash and the cipher).
  const idOf = new Map<string, string>();
  const classIds: string[] = [];
  let made = 0;
  for (const [k, size] of sizes.entries()) {
    const code = `${tag}-${String(k + 1).padStart(3, "0")}`;
    const cls = await prisma.trainingClass.create({
      data: { code, name: `2026年矿山班组长工伤预防培训班（${code}）`, year: 2026, industry: "MINING", category: "TEAM_LEADER", providerId: provider.id, startDate: new Date("2026-03-02T00:00:00Z"), endDate: new Date("2026-03-07T00:00:00Z"), location: "铁力市实训基地" },
    });
    classIds.push(cls.id);
    await prisma.$transaction(
      async (tx) => {
        for (let i = 0; i < size; i++, made++) {
          const ent = mines[made % mines.length];
          const id = syntheticId(makeIdNumber, ent.county.code, made);
          const name = SURNAMES[made % SURNAMES.length] + GIVEN[(made * 7) % GIVEN.length] + (made % 3 ? GIVEN[(made * 13) % GIVEN.length] : "");
          const t = await tx.trainee.create({
            data: { name, idHash: idLookupHash(id), idCipher: encryptId(id), idMasked: maskIdNumber(id), gender: genderOf(id), birthDate: birthDateOf(id), jobTitle: "班组长", enterpriseId: ent.id },
          });
          const e = await tx.enrolment.create({ data: { classId: cls.id, traineeId: t.id } });
          idOf.set(e.id, id);
          await tx.trainingRecord.createMany({
            data: (
              [
                ["ONLINE", online],
                ["OFFLINE", offline],
                ["PRACTICAL", practical],
              ] as const
            ).map(([mode, h]) => ({ enrolmentId: e.id, mode, minutes: h * 60, date: cls.startDate, subject: "bench", recordedBy: "bench" })),
          });
        }
      },
      { timeout: 120_000 },
    );
  }

  // Papers: drawn for every class in one action, then sealed — as the examiner does.
  const drawn = await drawFirstPapers(examiner, { period: tag, classIds });
  if (!drawn.ok) throw new Error(`draw failed: ${drawn.failures.map((f) => `${f.className}: ${f.messages.join("; ")}`).join(" | ")}`);
  const papers = await prisma.paper.findMany({ where: { period: tag }, select: { id: true, classId: true } });
  for (const p of papers) {
    const s = await sealPaper(examiner, p.id);
    if (!s.ok) throw new Error(`seal failed: ${s.message}`);
  }

  // Sessions: one room per class, all now.
  const startsAt = new Date(Date.now() - 10 * 60_000);
  const rooms: FixtureRoom[] = [];
  for (const [k, classId] of classIds.entries()) {
    const paperId = papers.find((p) => p.classId === classId)!.id;
    const r = await scheduleSession(examiner, {
      name: `${tag} 第 ${k + 1} 考场`,
      venueId: venue.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 4 * 3600_000),
      durationMin: opts.durationMin ?? 120,
      requireCamera: false,
      requireSeb: false,
      violationThreshold: opts.threshold ?? 50,
      releaseMode: "MANUAL",
      absenceUsesSitting: false,
      proctorIds: [proctor.id],
      papers: [{ classId, paperId }],
    });
    if (!r.ok) throw new Error(`schedule failed: ${r.problems.join("; ")}`);
    if (r.excluded.length) throw new Error(`schedule left out ${r.excluded.length} candidates: ${r.excluded[0].reason}`);
    const session = await prisma.examSession.findUniqueOrThrow({ where: { id: r.sessionId } });
    const regs = await prisma.registration.findMany({ where: { sessionId: r.sessionId }, orderBy: { seat: "asc" }, include: { enrolment: { include: { trainee: true } } } });
    rooms.push({
      sessionId: r.sessionId,
      code: session.code,
      candidates: regs.map((g) => ({ registrationId: g.id, seat: g.seat, name: g.enrolment.trainee.name, idNumber: idOf.get(g.enrolmentId)!, ticket: g.ticketCode })),
    });
  }
  return rooms;
}

/** The command-line entry: build a fixture in its own process and write it as JSON. */
async function main() {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const kind = (arg("kind") ?? "sqlite") as DbKind;
  if (kind !== "sqlite" && kind !== "postgresql") throw new Error(`--kind ${kind}: use sqlite or postgresql`);
  const sizes = (arg("rooms") ?? "80").split(",").map(Number);
  const out = arg("out");
  if (!out) throw new Error("--out <file.json> is required");
  const { url } = await freshExamDatabase(kind);
  process.env.DATABASE_URL = url;
  try {
    const rooms = await seedExamRooms(sizes, { threshold: Number(arg("threshold") ?? 50), durationMin: Number(arg("duration") ?? 120) });
    const fixture: ExamFixture = { url, kind, rooms, proctor: DEMO_PROCTOR };
    writeFileSync(out, JSON.stringify(fixture));
  } catch (e) {
    await dropExamDatabase(url).catch(() => {});
    throw e;
  } finally {
    const { db } = await import("../../app/utils/db.server.js");
    await (await db()).$disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
