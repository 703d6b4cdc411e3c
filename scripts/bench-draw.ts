// npm run bench:draw — time the paper draw on synthetic banks of 1,000, 10,000 and 100,000
// questions (DESIGN.md §8: a 100-item paper from 10,000 questions in a few milliseconds, growing
// linearly). Every figure is compared with a baseline measured in the same run: filter the
// eligible ids and shuffle them with seedrandom, the least any draw must do.
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import seedrandom from "seedrandom";
import { DEFAULT_BLUEPRINT, type BlueprintSpec } from "../app/domain/blueprint.js";
import { drawPaper, shuffleFor, type DrawInput } from "../app/domain/draw.js";
import { bankIndustryOf } from "../app/domain/vocabulary.js";
import { syntheticBank } from "../tests/support/synthetic-bank.js";

v8.setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** 100 items, 100 points: the default blueprint with 20 multiple-choice items at 1 point. */
const BLUEPRINT: BlueprintSpec = {
  ...DEFAULT_BLUEPRINT,
  name: "bench: 100 items",
  sections: [
    { type: "judge", count: 40, pointsPerItem: 1 },
    { type: "single", count: 40, pointsPerItem: 1 },
    { type: "multiple", count: 20, pointsPerItem: 1 },
  ],
};
const SIZES = [1_000, 10_000, 100_000];

function baseline(input: DrawInput): string[] {
  const tag = bankIndustryOf(input.industry);
  const ids: string[] = [];
  for (const q of input.bank)
    if (q.audience.includes(input.category) && (q.industry.includes("general") || q.industry.includes(tag))) ids.push(q.questionId);
  const rng = seedrandom(input.seed);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rng.quick() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  return ids.slice(0, 100);
}

function draw(input: DrawInput) {
  const r = drawPaper(input);
  if (!r.ok) throw new Error(r.shortfalls.map((s) => s.message).join("\n"));
  return r.paper;
}

/** Median and p90 ms over `runs` calls after `warm` warm-up calls, each with a fresh seed. */
function time(f: (seed: string) => unknown, runs: number, warm: number) {
  for (let k = 0; k < warm; k++) f(`warm-${k}`);
  const ms: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    f(`run-${k}`);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(runs / 2)], p90: ms[Math.floor(runs * 0.9)] };
}

/** Largest heap growth over a few calls, each started right after a full GC (MB). */
function heapDelta(f: (seed: string) => unknown): number {
  let worst = 0;
  for (let k = 0; k < 5; k++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const keep = f(`mem-${k}`);
    worst = Math.max(worst, process.memoryUsage().heapUsed - before);
    if (keep === null) console.log(); // keep the result alive until measured
  }
  return worst / 2 ** 20;
}

interface Row {
  size: number;
  eligible: number;
  draw: { median: number; p90: number };
  shuffled: { median: number; p90: number };
  busy: { median: number; p90: number };
  base: { median: number; p90: number };
  heapDraw: number;
  heapBase: number;
  heapBank: number;
}

const rows: Row[] = [];
for (const size of SIZES) {
  gc();
  const h0 = process.memoryUsage().heapUsed;
  const bank = syntheticBank({ size, seed: `bench-${size}` });
  const heapBank = (process.memoryUsage().heapUsed - h0) / 2 ** 20;
  const input: DrawInput = { bank, blueprint: BLUEPRINT, industry: "MINING", category: "TEAM_LEADER", seed: "" };
  // A busy period: every item used 0–3 times, and 20 papers of the period already drawn.
  const rng = seedrandom(`exposure-${size}`);
  const exposure = new Map(bank.map((q) => [q.questionId, Math.floor(rng() * 4)]));
  const periodPapers = Array.from({ length: 20 }, (_, k) => draw({ ...input, seed: `period-${k}` }).items.map((i) => i.questionId));
  // The same bank in random order, allocated in that order (as rows arriving from a database would be).
  const shuffledBank = structuredClone(shuffleFor(`order-${size}`, size).map((i) => bank[i]));
  const runs = size >= 100_000 ? 60 : 300;
  const warm = size >= 100_000 ? 10 : 50;
  rows.push({
    size,
    eligible: baselineCount(input),
    draw: time((seed) => draw({ ...input, seed }), runs, warm),
    shuffled: time((seed) => draw({ ...input, bank: shuffledBank, seed }), runs, warm),
    busy: time((seed) => draw({ ...input, seed, exposure, periodPapers }), runs, warm),
    base: time((seed) => baseline({ ...input, seed }), runs, warm),
    heapDraw: heapDelta((seed) => draw({ ...input, seed })),
    heapBase: heapDelta((seed) => baseline({ ...input, seed })),
    heapBank,
  });
}

function baselineCount(input: DrawInput) {
  const tag = bankIndustryOf(input.industry);
  return input.bank.filter((q) => q.audience.includes(input.category) && (q.industry.includes("general") || q.industry.includes(tag))).length;
}

const f = (n: number, d = 2) => n.toFixed(d);
const table = rows.map((r, k) => {
  const prev = rows[k - 1];
  const growth = prev
    ? `${f(r.draw.median / prev.draw.median, 1)}× (baseline ${f(r.base.median / prev.base.median, 1)}×) for ${f(r.size / prev.size, 0)}× bank`
    : "—";
  return {
    bank: r.size.toLocaleString("en"),
    eligible: r.eligible.toLocaleString("en"),
    "draw ms": `${f(r.draw.median)} / ${f(r.draw.p90)}`,
    "shuffled ms": `${f(r.shuffled.median)} / ${f(r.shuffled.p90)}`,
    "busy ms": `${f(r.busy.median)} / ${f(r.busy.p90)}`,
    "baseline ms": `${f(r.base.median)} / ${f(r.base.p90)}`,
    "draw ÷ baseline": `${f(r.draw.median / r.base.median, 1)}×`,
    growth,
    "heap Δ draw MB": f(r.heapDraw),
    "heap Δ base MB": f(r.heapBase),
    "bank heap MB": f(r.heapBank, 1),
  };
});

console.log(`paper draw, ${BLUEPRINT.sections.reduce((a, s) => a + s.count, 0)} items per paper, industry MINING, category TEAM_LEADER, Node ${process.version}`);
console.log("draw: bank in id order; shuffled: the same bank in random order; busy: exposure 0–3 on every item + 20 period papers");
console.log("growth: median time vs the previous bank size; heap Δ: largest heap growth over one call after a full GC");
console.log("baseline: filter the eligible ids + seedrandom Fisher–Yates shuffle; times are median / p90 ms");
console.table(table);
const tenK = rows.find((r) => r.size === 10_000)!;
console.log(
  `10,000-question bank: ${f(tenK.draw.median)} ms median per paper (${tenK.draw.median < 10 ? "within" : "OVER"} the 10 ms budget), ` +
    `${f(tenK.draw.median / tenK.base.median, 1)}× the baseline measured in this run`,
);
console.log(`peak RSS ${f(process.resourceUsage().maxRSS / 1024, 0)} MB`);
