// Group commit on a real database: writes that share a transaction are all stored or, when one of
// them fails, each of the others is retried alone and stored; only the failing caller is refused.
import { freshDatabase } from "../support/db";

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(() => fresh?.cleanup());

const write = (key: string) => async (tx: Parameters<Parameters<typeof fresh.db.$transaction>[0]>[0]) => {
  await tx.rateLimit.create({ data: { key, windowStart: new Date(), count: 1 } });
  return key;
};

describe("inGroupCommit", () => {
  it("stores concurrent writes and answers each caller with its own result", async () => {
    const { inGroupCommit } = await import("~/utils/group-commit.server");
    const keys = Array.from({ length: 20 }, (_, i) => `gc-ok-${i}`);
    expect(await Promise.all(keys.map((k) => inGroupCommit(write(k))))).toEqual(keys);
    expect(await fresh.db.rateLimit.count({ where: { key: { startsWith: "gc-ok-" } } })).toBe(20);
  });

  it("one failing write fails its own caller only; the others of its batch are stored", async () => {
    const { inGroupCommit } = await import("~/utils/group-commit.server");
    const results = await Promise.allSettled([
      inGroupCommit(write("gc-a")),
      inGroupCommit(async (tx) => {
        await write("gc-bad")(tx);
        throw new Error("this write is wrong");
      }),
      inGroupCommit(write("gc-b")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe("this write is wrong");
    const stored = await fresh.db.rateLimit.findMany({ where: { key: { startsWith: "gc-" }, NOT: { key: { startsWith: "gc-ok-" } } }, orderBy: { key: "asc" } });
    expect(stored.map((r) => r.key)).toEqual(["gc-a", "gc-b"]);
  });
});
