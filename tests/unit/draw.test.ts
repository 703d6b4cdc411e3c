import fc from "fast-check";
import seedrandom from "seedrandom";
import { DEFAULT_BLUEPRINT, itemCountOf, validateBlueprint, type BlueprintSpec } from "../../app/domain/blueprint";
import { drawPaper, paperHash, shuffleFor, verifyPaperHash, type DrawInput, type Paper } from "../../app/domain/draw";
import type { QuestionVersionRef } from "../../app/domain/question";
import { CATEGORIES, INDUSTRIES, QUESTION_TYPES, REQUIRED_LAWS, TOPICS, bankIndustryOf } from "../../app/domain/vocabulary";
import { sortedOrder } from "../../app/domain/string-order";
import { question, syntheticBank } from "../support/synthetic-bank";

const BIG = syntheticBank({ size: 10_000, seed: "big" });
const base = (over: Partial<DrawInput> = {}): DrawInput => ({
  bank: BIG,
  blueprint: DEFAULT_BLUEPRINT,
  industry: "MINING",
  category: "TEAM_LEADER",
  seed: "2025-spring/class-1",
  ...over,
});
const drawn = (input: DrawInput): Paper => {
  const r = drawPaper(input);
  if (!r.ok) throw new Error(r.shortfalls.map((s) => s.message).join("\n"));
  return r.paper;
};
const ids = (p: Paper) => p.items.map((i) => i.questionId);
const permuted = <T,>(xs: readonly T[], seed: string): T[] => shuffleFor(seed, xs.length).map((i) => xs[i]);

/** Every hard rule, checked independently of the draw's own bookkeeping. */
function expectHardRules(p: Paper, input: DrawInput) {
  const spec = input.blueprint;
  const byId = new Map(input.bank.map((q) => [q.questionId, q]));
  expect(p.items).toHaveLength(itemCountOf(spec));
  expect(new Set(ids(p)).size).toBe(p.items.length);
  expect(p.items.map((i) => i.position)).toEqual(p.items.map((_, k) => k + 1));
  const order = QUESTION_TYPES.filter((t) => spec.sections.some((s) => s.type === t));
  expect([...new Set(p.items.map((i) => i.section))]).toEqual(order);
  for (const s of spec.sections) {
    const mine = p.items.filter((i) => i.section === s.type);
    expect(mine).toHaveLength(s.count);
    for (const i of mine) expect(i.points).toBe(s.pointsPerItem);
  }
  expect(p.items.reduce((a, i) => a + i.points, 0)).toBeCloseTo(spec.totalPoints, 9);
  const tag = bankIndustryOf(input.industry);
  for (const i of p.items) {
    const q = byId.get(i.questionId)!;
    expect(q.type).toBe(i.section);
    expect(q.audience).toContain(input.category);
    expect(q.industry.includes("general") || q.industry.includes(tag)).toBe(true);
    expect([i.version, i.contentHash]).toEqual([q.version, q.contentHash]);
  }
  for (const m of spec.topicMinimums) {
    const n = p.items.filter((i) => byId.get(i.questionId)!.topic === m.topic && (!m.type || i.section === m.type)).length;
    expect(n, `${m.type ?? "*"} ${m.topic}`).toBeGreaterThanOrEqual(m.min);
  }
  for (const id of input.exclude ?? []) expect(ids(p)).not.toContain(id);
  const limit = Math.floor(spec.maxOverlapWithPeriod * p.items.length + 1e-9);
  for (const other of input.periodPapers ?? []) {
    const o = new Set(other);
    expect(ids(p).filter((id) => o.has(id)).length).toBeLessThanOrEqual(limit);
  }
  expect(verifyPaperHash(p).ok).toBe(true);
}

// A random but valid blueprint small enough for a few hundred questions.
const blueprintArb: fc.Arbitrary<BlueprintSpec> = fc
  .record({
    counts: fc.tuple(fc.nat(25), fc.nat(25), fc.nat(8)),
    points: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 })),
    mins: fc.array(
      fc.record({ topic: fc.constantFrom(...TOPICS), min: fc.integer({ min: 1, max: 4 }), type: fc.option(fc.constantFrom(...QUESTION_TYPES), { nil: undefined }) }),
      { maxLength: 5 },
    ),
    mix: fc.tuple(...[1, 2, 3, 4, 5].map(() => fc.integer({ min: 0, max: 10 }))),
    overlap: fc.constantFrom(0, 0.1, 0.3, 1),
  })
  .map(({ counts, points, mins, mix, overlap }) => {
    const sections = QUESTION_TYPES.map((type, k) => ({ type, count: counts[k], pointsPerItem: points[k] })).filter((s) => s.count > 0);
    const w = mix.reduce((a, x) => a + x, 0) || 1;
    const seen = new Set<string>();
    return {
      name: "随机",
      sections,
      totalPoints: sections.reduce((a, s) => a + s.count * s.pointsPerItem, 0),
      passMark: 1,
      durationMin: 60,
      multipleScoring: { mode: "ALL_OR_NOTHING" as const },
      topicMinimums: mins
        .filter((m) => !m.type || sections.some((s) => s.type === m.type))
        .filter((m) => !seen.has(`${m.type}|${m.topic}`) && seen.add(`${m.type}|${m.topic}`))
        .map(({ type, ...m }) => (type ? { ...m, type } : m)),
      difficultyMix: mix.every((x) => x === 0) ? { 3: 1 } : Object.fromEntries(mix.map((x, k) => [String(k + 1), x / w])),
      maxOverlapWithPeriod: overlap,
      resitNoOverlap: true,
    };
  })
  .filter((s) => s.sections.length > 0 && validateBlueprint(s).length === 0);

const inputArb = fc
  .record({
    blueprint: blueprintArb,
    bankSize: fc.integer({ min: 50, max: 1500 }),
    bankSeed: fc.string({ maxLength: 6 }),
    seed: fc.string({ maxLength: 12 }),
    industry: fc.constantFrom(...INDUSTRIES),
    category: fc.constantFrom(...CATEGORIES),
    excludeShare: fc.constantFrom(0, 0.05, 0.2),
    periodCount: fc.nat(3),
  })
  .map((r) => {
    const bank = syntheticBank({ size: r.bankSize, seed: r.bankSeed });
    const rng = seedrandom(`${r.bankSeed}/x`);
    const exclude = bank.filter(() => rng() < r.excludeShare).map((q) => q.questionId);
    const periodPapers = Array.from({ length: r.periodCount }, () => bank.filter(() => rng() < 0.1).map((q) => q.questionId));
    return { bank, blueprint: r.blueprint, industry: r.industry, category: r.category, seed: r.seed, exclude, periodPapers } satisfies DrawInput;
  });

describe("drawPaper: determinism", () => {
  it("gives byte-identical papers for the same inputs, whatever the bank order", () => {
    fc.assert(
      fc.property(inputArb, fc.string({ maxLength: 4 }), (input, order) => {
        const a = drawPaper(input);
        const b = drawPaper({ ...input, bank: permuted(input.bank, order), periodPapers: [...(input.periodPapers ?? [])].reverse() });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        expect(JSON.stringify(drawPaper(input))).toBe(JSON.stringify(a));
      }),
      { numRuns: 60 },
    );
  });

  it("a different seed draws a different paper", () => {
    expect(ids(drawn(base({ seed: "a" })))).not.toEqual(ids(drawn(base({ seed: "b" }))));
  });

  it("never calls Math.random", () => {
    const spy = vi.spyOn(Math, "random");
    try {
      drawn(base({ seed: "no-math-random", exposure: { "q-000001": 2 }, periodPapers: [ids(drawn(base({ seed: "p" })))] }));
      shuffleFor("s", 10);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it("hashes the content, not the database ids", () => {
    const withIds = drawn(base());
    const yaml = drawn(base({ bank: BIG.map(({ versionId: _v, ...q }) => q) }));
    expect(yaml.hash).toBe(withIds.hash);
    expect(yaml.items.every((i) => i.versionId === undefined)).toBe(true);
    expect(withIds.items[0].versionId).toBe(`v-${withIds.items[0].questionId}`);
    expect(paperHash(withIds)).toBe(withIds.hash);
  });

  it("detects a tampered paper", () => {
    const p = drawn(base());
    const swapped = { ...p, items: p.items.map((i, k) => (k === 0 ? { ...i, questionId: "q-999999" } : i)) };
    expect(verifyPaperHash(swapped)).toMatchObject({ ok: false, stored: p.hash });
    expect(verifyPaperHash({ ...p, seed: "other" }).ok).toBe(false);
  });
});

function eligibleCount(input: DrawInput, section?: string, topic?: string): number {
  const out = new Set(input.exclude);
  const tag = bankIndustryOf(input.industry);
  const types = new Set(input.blueprint.sections.map((s) => s.type));
  return input.bank.filter(
    (q) =>
      types.has(q.type) &&
      (!section || q.type === section) &&
      (!topic || q.topic === topic) &&
      q.audience.includes(input.category) &&
      (q.industry.includes("general") || q.industry.includes(tag)) &&
      !out.has(q.questionId),
  ).length;
}

describe("drawPaper: hard rules", () => {
  const outcomes = { ok: 0, short: 0 };
  it("keeps every rule, or reports shortfalls and no paper", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = drawPaper(input);
        outcomes[r.ok ? "ok" : "short"]++;
        if (r.ok) return expectHardRules(r.paper, input);
        expect(r.shortfalls.length).toBeGreaterThan(0);
        for (const s of r.shortfalls) {
          expect(s.message).toMatch(/need \d+, /);
          if (s.blockedByOverlap !== undefined || !/bank has/.test(s.message)) continue;
          // A plain "bank has N" is exactly the eligible count, and really too few.
          expect(s.have).toBe(eligibleCount(input, s.section, s.topic));
          expect(s.have).toBeLessThan(s.need);
        }
      }),
      { numRuns: 150 },
    );
    // The property is only worth something if most random inputs give a paper.
    expect(outcomes.ok).toBeGreaterThan(outcomes.short);
  });

  it("draws the default blueprint for every industry and category from a big bank", () => {
    for (const industry of INDUSTRIES)
      for (const category of CATEGORIES) {
        const input = base({ industry, category, seed: `${industry}/${category}` });
        expectHardRules(drawn(input), input);
      }
  });

  it("a resit paper shares no item with the first paper", () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const first = drawn(base({ seed }));
        const input = base({ seed: `${seed}/resit`, exclude: ids(first) });
        const resit = drawn(input);
        expect(ids(resit).filter((id) => ids(first).includes(id))).toEqual([]);
        expectHardRules(resit, input);
      }),
      { numRuns: 20 },
    );
  });

  it("keeps the overlap with every paper of the period within the limit", () => {
    const blueprint = { ...DEFAULT_BLUEPRINT, maxOverlapWithPeriod: 0.1 };
    const bank = syntheticBank({ size: 1500, seed: "period" });
    const period: string[][] = [];
    for (let k = 0; k < 12; k++) {
      const input = base({ bank, blueprint, seed: `class-${k}`, periodPapers: [...period] });
      const p = drawn(input);
      expectHardRules(p, input);
      period.push(ids(p));
    }
    const limit = Math.floor(0.1 * 90);
    for (let a = 0; a < period.length; a++)
      for (let b = a + 1; b < period.length; b++) expect(period[a].filter((id) => period[b].includes(id)).length).toBeLessThanOrEqual(limit);
  });

  it("allows no shared item at all when the limit is 0", () => {
    const blueprint = { ...DEFAULT_BLUEPRINT, maxOverlapWithPeriod: 0 };
    const first = ids(drawn(base({ blueprint, seed: "one" })));
    const second = ids(drawn(base({ blueprint, seed: "two", periodPapers: [first] })));
    expect(second.filter((id) => first.includes(id))).toEqual([]);
  });

  it("places an across-sections minimum where the topic exists, moving other topics if needed", () => {
    // 刑法 exists only as judge items; judge is full of typed minimums unless 安全生产法 moves to single.
    const bank = [
      ...Array.from({ length: 3 }, (_, k) => question({ questionId: `xf-${k}`, type: "judge", topic: "刑法" })),
      ...Array.from({ length: 6 }, (_, k) => question({ questionId: `aqf-j-${k}`, type: "judge", topic: "安全生产法" })),
      ...Array.from({ length: 6 }, (_, k) => question({ questionId: `aqf-s-${k}`, type: "single", topic: "安全生产法" })),
    ];
    const blueprint: BlueprintSpec = {
      ...DEFAULT_BLUEPRINT,
      sections: [
        { type: "judge", count: 4, pointsPerItem: 10 },
        { type: "single", count: 6, pointsPerItem: 10 },
      ],
      topicMinimums: [
        { topic: "安全生产法", min: 7 },
        { topic: "刑法", min: 3 },
      ],
      maxOverlapWithPeriod: 1,
    };
    const input = base({ bank, blueprint });
    const p = drawn(input);
    expectHardRules(p, input);
    expect(ids(p).filter((id) => id.startsWith("xf-"))).toHaveLength(3);
  });
});

describe("drawPaper: preferences", () => {
  it("the less exposed of two otherwise identical candidates wins", () => {
    const blueprint: BlueprintSpec = { ...DEFAULT_BLUEPRINT, sections: [{ type: "single", count: 1, pointsPerItem: 100 }], topicMinimums: [] };
    fc.assert(
      fc.property(fc.string(), fc.boolean(), fc.integer({ min: 1, max: 50 }), (seed, aUsed, times) => {
        const bank = [question({ questionId: "q-a" }), question({ questionId: "q-b" })];
        const exposure = { [aUsed ? "q-a" : "q-b"]: times };
        expect(ids(drawn(base({ bank, blueprint, seed, exposure })))).toEqual([aUsed ? "q-b" : "q-a"]);
      }),
      { numRuns: 100 },
    );
  });

  it("prefers unused items over the whole bank", () => {
    const eligible = BIG.filter((q) => q.audience.includes("TEAM_LEADER") && !q.industry.includes("machinery"));
    const fresh = new Set(permuted(eligible, "fresh").slice(0, 3000).map((q) => q.questionId));
    const exposure = new Map(BIG.filter((q) => !fresh.has(q.questionId)).map((q) => [q.questionId, 1]));
    const p = drawn(base({ exposure }));
    expect(ids(p).every((id) => fresh.has(id))).toBe(true);
  });

  it("matches the difficulty mix on a big bank", () => {
    const byId = new Map(BIG.map((q) => [q.questionId, q]));
    for (const seed of ["m1", "m2", "m3"]) {
      const p = drawn(base({ seed }));
      for (const d of [1, 2, 3, 4, 5] as const) {
        const n = p.items.filter((i) => byId.get(i.questionId)!.difficulty === d).length;
        // Per-section largest remainder: within one item per section of the exact target.
        expect(Math.abs(n - 90 * DEFAULT_BLUEPRINT.difficultyMix[d]!)).toBeLessThanOrEqual(3);
      }
    }
  });

  it("falls back to the nearest difficulty when a quota cannot be met", () => {
    const bank = [
      ...Array.from({ length: 5 }, (_, k) => question({ questionId: `d2-${k}`, difficulty: 2 })),
      ...Array.from({ length: 5 }, (_, k) => question({ questionId: `d4-${k}`, difficulty: 4 })),
      ...Array.from({ length: 5 }, (_, k) => question({ questionId: `d5-${k}`, difficulty: 5 })),
    ];
    const blueprint: BlueprintSpec = {
      ...DEFAULT_BLUEPRINT,
      sections: [{ type: "single", count: 4, pointsPerItem: 25 }],
      topicMinimums: [],
      difficultyMix: { 1: 1 },
    };
    expect(ids(drawn(base({ bank, blueprint }))).every((id) => id.startsWith("d2-"))).toBe(true);
  });
});

describe("drawPaper: shortfalls", () => {
  const law = "职业病防治法";
  const bank: QuestionVersionRef[] = [
    ...Array.from({ length: 15 }, (_, k) => question({ questionId: `zyf-m-${k}`, type: "multiple", topic: law })),
    ...Array.from({ length: 30 }, (_, k) => question({ questionId: `aqf-m-${k}`, type: "multiple" })),
  ];
  const blueprint: BlueprintSpec = {
    ...DEFAULT_BLUEPRINT,
    sections: [{ type: "multiple", count: 10, pointsPerItem: 10 }],
    topicMinimums: [{ topic: law, min: 3, type: "multiple" }],
  };

  it("names section, topic, audience and the resit exclusion with their numbers", () => {
    const exclude = bank.slice(0, 14).map((q) => q.questionId);
    const r = drawPaper(base({ bank, blueprint, exclude }));
    expect(r).toEqual({
      ok: false,
      shortfalls: [
        {
          section: "multiple",
          topic: law,
          need: 3,
          have: 1,
          excludedByResit: 14,
          message: "多选题 · 职业病防治法 · 班组长/矿山: need 3, bank has 1 after excluding 14 items used in the first paper",
        },
      ],
    });
  });

  it("says when a whole section is short", () => {
    const r = drawPaper(base({ bank: bank.slice(0, 8), blueprint: { ...blueprint, topicMinimums: [] }, category: "SAFETY_LEADER", industry: "MACHINERY" }));
    expect(r.ok === false && r.shortfalls.map((s) => s.message)).toEqual(["多选题 · 安全生产分管负责人/机械制造: need 10, bank has 8"]);
  });

  it("does not count other industries or audiences as available", () => {
    const other = bank.map((q) => ({ ...q, industry: ["machinery" as const] }));
    const r = drawPaper(base({ bank: other, blueprint }));
    expect(r.ok === false && r.shortfalls[0]).toMatchObject({ section: "multiple", need: 10, have: 0 });
  });

  it("reports an across-sections minimum that the bank cannot meet", () => {
    const r = drawPaper(base({ bank, blueprint: { ...blueprint, topicMinimums: [{ topic: "刑法", min: 2 }] } }));
    expect(r.ok === false && r.shortfalls.map((s) => s.message)).toEqual(["全部题型 · 刑法 · 班组长/矿山: need 2, bank has 0"]);
  });

  it("reports items blocked by the period overlap limit", () => {
    const period = [bank.slice(0, 40).map((q) => q.questionId)];
    const r = drawPaper(base({ bank, blueprint: { ...blueprint, maxOverlapWithPeriod: 0.2 }, periodPapers: period }));
    // All 15 职业病防治法 items are in the period paper, which this paper may share only 2 items with.
    expect(r.ok === false && r.shortfalls).toEqual([
      {
        section: "multiple",
        topic: law,
        need: 3,
        have: 2,
        excludedByResit: 0,
        blockedByOverlap: 13,
        message: "多选题 · 职业病防治法 · 班组长/矿山: need 3, bank has 2 once items shared with other papers of this period are capped at 2 per paper (13 blocked)",
      },
    ]);
  });

  it("refuses an invalid blueprint outright", () => {
    expect(() => drawPaper(base({ blueprint: { ...DEFAULT_BLUEPRINT, passMark: 101 } }))).toThrow(/及格分 101 高于总分 100/);
  });
});

describe("sortedOrder (the canonical bank order)", () => {
  const sortedBy = (keys: string[]) => Array.from(sortedOrder(keys), (i) => keys[i]);
  const native = (keys: string[]) => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  it("orders exactly as `<` does", () => {
    const id = fc.string({ unit: fc.constantFrom("a", "q", "-", "0", "1", "9"), maxLength: 8 });
    fc.assert(fc.property(fc.array(id, { maxLength: 400 }), (keys) => {
      expect(sortedBy(keys)).toEqual(native(keys));
    }));
    fc.assert(fc.property(fc.array(fc.string({ unit: "binary", maxLength: 4 }), { maxLength: 200 }), (keys) => {
      expect(sortedBy(keys)).toEqual(native(keys));
    }));
  });

  it("sorts a shuffled bank's ids", () => {
    const keys = permuted(BIG, "ids").map((q) => q.questionId);
    expect(sortedBy(keys)).toEqual(native(keys));
  });
});

describe("shuffleFor", () => {
  it("is a seeded permutation", () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(200), (seed, n) => {
        const p = shuffleFor(seed, n);
        expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(shuffleFor(seed, n)).toEqual(p);
      }),
    );
    expect(shuffleFor("a", 20)).not.toEqual(shuffleFor("b", 20));
  });
});

describe("required laws in the default blueprint", () => {
  it("each gets at least four items", () => {
    const byId = new Map(BIG.map((q) => [q.questionId, q]));
    const p = drawn(base({ seed: "laws" }));
    for (const law of REQUIRED_LAWS) expect(p.items.filter((i) => byId.get(i.questionId)!.topic === law).length).toBeGreaterThanOrEqual(4);
  });
});
