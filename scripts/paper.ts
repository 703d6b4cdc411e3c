// npm run -s paper -- <draw | verify> …   Papers from the YAML bank, with no database.
// Anyone can re-derive a sealed paper's hash here (DESIGN.md §4, §9.3).
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_BLUEPRINT, parseBlueprint, type BlueprintSpec } from "../app/domain/blueprint.js";
import { DRAW_ALGORITHM, drawPaper, verifyPaperHash, type DrawableQuestion, type Paper } from "../app/domain/draw.js";
import { contentHashOf } from "../app/domain/question.js";
import { contentOf, formatProblem } from "../app/domain/bank/types.js";
import { CATEGORIES, INDUSTRIES, TYPE_LABEL, isOneOf, type Category, type Industry } from "../app/domain/vocabulary.js";
import { loadBankPath } from "./lib/bank-files.js";

const USAGE = `usage: npm run -s paper -- <command>
  draw --bank <dir|file> --blueprint <default|file.json> --industry <mining|machinery>
       --category <SAFETY_LEADER|SAFETY_MANAGER|TEAM_LEADER> --seed <seed>
       [--exclude <paper.json>]… [--period <paper.json>]… [--allow-problems] [--json]
      draw a paper from the YAML bank; --exclude: the first paper of a resit (no shared item);
      --period: other papers of the period (overlap limit). Exit 1 if the bank is too small.
  verify <paper.json> [--bank <dir> [--exclude …] [--period …]]
      recompute the paper's hash (exit 1 on mismatch); with --bank, also re-draw it from the bank`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    bank: { type: "string" },
    blueprint: { type: "string", default: "default" },
    industry: { type: "string" },
    category: { type: "string" },
    seed: { type: "string" },
    exclude: { type: "string", multiple: true, default: [] },
    period: { type: "string", multiple: true, default: [] },
    "allow-problems": { type: "boolean" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
});

class UsageError extends Error {}
class Refusal extends Error {} // exit 1, no usage text

const readJson = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new UsageError(`${file}: ${(e as Error).message}`);
  }
};

/** Question ids of a paper file, or of a plain JSON array of ids. */
function idsOf(file: string): string[] {
  const v = readJson(file) as { items?: Array<{ questionId?: unknown }> } | unknown[];
  const ids = Array.isArray(v) ? v : (v.items ?? []).map((i) => i.questionId);
  if (!ids.every((x): x is string => typeof x === "string")) throw new UsageError(`${file}: not a paper or a list of question ids`);
  return ids;
}

async function loadBank(path: string): Promise<DrawableQuestion[]> {
  const bank = await loadBankPath(path);
  if (bank.problems.length) {
    for (const p of bank.problems) console.error(formatProblem({ ...p, file: relative(".", join(bank.base, p.file)) }));
    const msg = `${path}: ${bank.problems.length} problems (npm run bank -- validate)`;
    if (!values["allow-problems"]) throw new Refusal(`${msg}; fix them or pass --allow-problems`);
    console.error(`${msg}; drawing anyway (--allow-problems)`);
  }
  // Files have no versions: each question is version 1, identified by its content hash.
  return bank.questions.map((q) => ({
    questionId: q.id,
    version: 1,
    contentHash: contentHashOf(contentOf(q)),
    type: q.type,
    topic: q.topic,
    industry: q.industry,
    audience: q.audience,
    difficulty: q.difficulty,
  }));
}

function blueprintOf(arg: string): BlueprintSpec {
  if (arg === "default") return DEFAULT_BLUEPRINT;
  const r = parseBlueprint(readJson(arg));
  if (!r.ok) throw new Refusal(`${arg}:\n${r.problems.map((p) => `  ${p.message}`).join("\n")}`);
  return r.spec;
}

function option<T extends string>(name: string, list: readonly T[], raw: string | undefined): T {
  const v = raw?.toUpperCase();
  if (!isOneOf(list, v)) throw new UsageError(`--${name} must be one of ${list.join(", ").toLowerCase()}`);
  return v;
}

async function draw(): Promise<number> {
  if (!values.bank || !values.seed) throw new UsageError("draw needs --bank and --seed");
  const industry: Industry = option("industry", INDUSTRIES, values.industry);
  const category: Category = option("category", CATEGORIES, values.category);
  const blueprint = blueprintOf(values.blueprint!);
  const exclude = values.exclude!.flatMap(idsOf);
  const periodPapers = values.period!.map(idsOf);
  const bank = await loadBank(values.bank);
  const r = drawPaper({
    bank,
    blueprint,
    industry,
    category,
    seed: values.seed,
    exclude,
    periodPapers,
  });
  if (!r.ok) {
    if (values.json) console.log(JSON.stringify(r, null, 2));
    for (const s of r.shortfalls) console.error(s.message);
    return 1;
  }
  if (values.json) {
    console.log(JSON.stringify(r.paper, null, 2));
    console.error(`hash ${r.paper.hash}`);
  } else console.log(describe(r.paper, new Map(bank.map((q) => [q.questionId, q]))));
  return 0;
}

function describe(p: Paper, byId: Map<string, DrawableQuestion>): string {
  const total = p.items.reduce((a, i) => a + i.points, 0);
  const lines = [`${p.blueprint.name} · ${p.industry} · ${p.category} · seed ${JSON.stringify(p.seed)}`, `${p.items.length} items, ${total} points`];
  for (const i of p.items) {
    const q = byId.get(i.questionId)!;
    lines.push(`${String(i.position).padStart(4)}  ${TYPE_LABEL[i.section].zh}  ${i.questionId.padEnd(14)} ${q.topic} · 难度 ${q.difficulty} · ${i.points} 分`);
  }
  lines.push(`hash ${p.hash}`);
  return lines.join("\n");
}

type DrawInputsFile = { exclude?: string[]; periodPapers?: string[][]; exposure?: Record<string, number> };

async function verify(file: string | undefined): Promise<number> {
  if (!file) throw new UsageError("verify needs a paper file");
  // A paper exported from the app carries the rest of its draw inputs in `inputs`.
  const paper = readJson(file) as Paper & { inputs?: DrawInputsFile };
  if (!paper || typeof paper.hash !== "string" || !Array.isArray(paper.items)) throw new UsageError(`${file}: not a paper`);
  if (!isOneOf(INDUSTRIES, paper.industry) || !isOneOf(CATEGORIES, paper.category)) throw new UsageError(`${file}: unknown industry or category`);
  if (paper.algorithm !== DRAW_ALGORITHM) console.error(`note: drawn with ${paper.algorithm}; this tool draws with ${DRAW_ALGORITHM}`);
  const h = verifyPaperHash(paper);
  if (!h.ok) {
    console.error(`hash mismatch: stored ${h.stored}, computed ${h.computed}`);
    return 1;
  }
  console.log(`hash ok ${h.computed}`);
  if (!values.bank) return 0;
  const again = drawPaper({
    bank: await loadBank(values.bank),
    blueprint: paper.blueprint,
    industry: paper.industry,
    category: paper.category,
    seed: paper.seed,
    exclude: values.exclude!.length ? values.exclude!.flatMap(idsOf) : paper.inputs?.exclude ?? [],
    periodPapers: values.period!.length ? values.period!.map(idsOf) : paper.inputs?.periodPapers ?? [],
    exposure: paper.inputs?.exposure ?? {},
  });
  if (!again.ok) {
    console.error(`re-draw from ${values.bank} failed:\n${again.shortfalls.map((s) => `  ${s.message}`).join("\n")}`);
    return 1;
  }
  if (again.paper.hash !== paper.hash) {
    console.error(`re-draw from ${values.bank} differs: ${again.paper.hash} (a resit needs --exclude <first paper>; a period draw, its --period papers)`);
    return 1;
  }
  console.log(`re-drawn from ${values.bank}: identical`);
  return 0;
}

async function main(): Promise<number> {
  const [cmd, arg] = positionals;
  if (values.help || !cmd) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  if (cmd === "draw") return draw();
  if (cmd === "verify") return verify(arg);
  throw new UsageError(`unknown command ${cmd}`);
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    if (e instanceof Refusal) {
      console.error(e.message);
      process.exitCode = 1;
    } else if (e instanceof UsageError) {
      console.error(`${e.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else throw e;
  },
);
