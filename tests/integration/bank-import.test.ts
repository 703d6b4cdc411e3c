// importBank/exportBank on a real migrated database: versions, retire, restore, round trip.
import { freshDatabase } from "../support/db";
import type { Db } from "~/utils/db.server";
import type { BankQuestion } from "~/domain/bank/types";
import { contentHashOf } from "~/domain/question";
import { contentOf } from "~/domain/bank/types";
import { CATEGORIES } from "~/domain/vocabulary";
import type { Actor } from "~/domain/access";

let client: Db;
let cleanup: () => Promise<void>;
let bank: typeof import("~/services/bank-import.server");
let data: typeof import("~/data/questions.server");

beforeAll(async () => {
  ({ db: client, cleanup } = await freshDatabase());
  bank = await import("~/services/bank-import.server");
  data = await import("~/data/questions.server");
});
afterAll(() => cleanup?.());

function question(i: number): BankQuestion {
  const type = (["judge", "single", "multiple"] as const)[i % 3];
  return {
    id: `t-${String(i).padStart(4, "0")}`,
    type,
    topic: "安全生产法",
    stem: `第${i}题题干（  ）`,
    options: type === "judge" ? [] : type === "single" ? ["甲", "乙", "丙", "丁"] : ["甲", "乙", "丙", "丁", "戊"],
    answer: type === "judge" ? i % 2 === 0 : type === "single" ? "B" : ["A", "C"],
    explanation: `解析${i}`,
    source: `《安全生产法》第${i}条`,
    industry: i % 5 === 0 ? ["mining"] : ["general"],
    audience: i % 7 === 0 ? ["TEAM_LEADER"] : [...CATEGORIES],
    difficulty: (i % 5) + 1,
  };
}
const actor = (id: string): Actor => ({ id, role: "EXAMINER", countyId: null, providerId: null });
const initial = Array.from({ length: 650 }, (_, i) => question(i));
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
const versionCount = () => client.questionVersion.count();

test("a first import adds every question as version 1 (650 questions)", async () => {
  const t0 = performance.now();
  const r = await bank.importBank(initial, { actor: actor("test") });
  console.log(`[bank-import] 650 questions imported in ${Math.round(performance.now() - t0)} ms`);
  expect(r.added).toHaveLength(650);
  expect([r.updated, r.unchanged, r.retired, r.restored]).toEqual([[], [], [], []]);
  expect(await versionCount()).toBe(650);
  const row = await client.questionVersion.findFirstOrThrow({ where: { questionId: "t-0010" } });
  expect(row).toMatchObject({ version: 1, createdBy: "test", industries: ",mining,", options: '["甲","乙","丙","丁"]', answer: '"B"' });
  expect(row.contentHash).toBe(contentHashOf(contentOf(initial[10])));
  const log = await client.auditLog.findFirstOrThrow({ where: { action: "bank.import" } });
  expect(log).toMatchObject({ actorId: "test", actorRole: "EXAMINER", entity: "QuestionBank" });
  expect(JSON.parse(log.data)).toEqual({ added: 650, unchanged: 0, updated: [], retired: [], restored: [] });
});

test("re-importing unchanged files is a no-op", async () => {
  const before = await client.question.findMany({ orderBy: { id: "asc" } });
  const r = await bank.importBank(initial, { actor: actor("test") });
  expect(r.unchanged).toHaveLength(650);
  expect([r.added, r.updated, r.retired, r.restored]).toEqual([[], [], [], []]);
  expect(await versionCount()).toBe(650);
  expect(await client.question.findMany({ orderBy: { id: "asc" } })).toEqual(before);
});

test("a changed stem makes version 2 and leaves version 1 intact", async () => {
  const edited = initial.map((q) => (q.id === "t-0010" ? { ...q, stem: "改过的题干（  ）" } : q));
  const r = await bank.importBank(edited, { actor: actor("editor") });
  expect(r.updated).toEqual(["t-0010"]);
  expect(r.unchanged).toHaveLength(649);
  const versions = await client.questionVersion.findMany({ where: { questionId: "t-0010" }, orderBy: { version: "asc" } });
  expect(versions.map((v) => [v.version, v.stem, v.createdBy])).toEqual([
    [1, initial[10].stem, "test"],
    [2, "改过的题干（  ）", "editor"],
  ]);
  expect((await client.question.findUniqueOrThrow({ where: { id: "t-0010" } })).currentVersion).toBe(2);
  initial[10] = edited[10];
});

test("an id no longer in the files is retired, not deleted", async () => {
  const without = initial.filter((q) => q.id !== "t-0020" && q.id !== "t-0021");
  const r = await bank.importBank(without, { actor: actor("test") });
  expect(r.retired).toEqual(["t-0020", "t-0021"]);
  const q = await client.question.findUniqueOrThrow({ where: { id: "t-0020" }, include: { versions: true } });
  expect(q.status).toBe("RETIRED");
  expect(q.versions).toHaveLength(1);
  expect((await bank.exportBank()).map((x) => x.id)).not.toContain("t-0020");
  // Still missing next time: nothing more to retire.
  expect((await bank.importBank(without, { actor: actor("test") })).retired).toEqual([]);
});

test("a retired id that reappears is restored, with a new version only if its content changed", async () => {
  const changed = { ...initial[20], explanation: "新的解析" };
  const back = initial.map((q) => (q.id === "t-0020" ? changed : q));
  const r = await bank.importBank(back, { actor: actor("test") });
  expect(r.restored).toEqual(["t-0020", "t-0021"]);
  expect([r.added, r.updated, r.retired]).toEqual([[], [], []]);
  const [a, b] = await client.question.findMany({ where: { id: { in: ["t-0020", "t-0021"] } }, orderBy: { id: "asc" } });
  expect([a.status, a.currentVersion, b.status, b.currentVersion]).toEqual(["ACTIVE", 2, "ACTIVE", 1]);
  initial[20] = changed;
});

test("export gives back exactly what was imported", async () => {
  expect(await bank.exportBank()).toEqual([...initial].sort(byId));
});

test("toVersionRef maps a row to the pinned-version shape", async () => {
  const row = await client.questionVersion.findFirstOrThrow({ where: { questionId: "t-0010", version: 2 } });
  const ref = data.toVersionRef(row);
  const { id, ...content } = initial[10];
  expect(ref).toEqual({ ...content, questionId: id, version: 2, versionId: row.id, contentHash: row.contentHash });
  expect(contentHashOf(contentOf(ref))).toBe(row.contentHash);
});

test("a duplicate id is refused and nothing is written", async () => {
  const n = await versionCount();
  const dup = { ...initial[0], stem: "新题干" };
  await expect(bank.importBank([...initial.slice(1), dup, { ...dup }], { actor: actor("test") })).rejects.toThrow(/duplicate id t-0000/);
  expect(await versionCount()).toBe(n);
});
