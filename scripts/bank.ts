// npm run bank -- <validate [path] | stats [--json] [path] | import [path] | export [--out dir] [--xlsx file] | format [path]>
// The question bank's command line (question-bank/README.md). import/export need a migrated
// database (DATABASE_URL, default file:./data/ankao.db; run `npm run db -- deploy` first).
import { statSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { DEFAULT_DATABASE_URL, providerOf } from "../app/utils/db-url.js";
import { formatProblem, type Problem } from "../app/domain/bank/types.js";
import { bankStats, type BankStats } from "../app/domain/bank/stats.js";
import { BANK_SHEET_HEADERS, bankSheetRow } from "../app/domain/bank/sheet.js";
import { CATEGORIES, INDUSTRIES, QUESTION_TYPES, TOPICS } from "../app/domain/vocabulary.js";
import type { Actor } from "../app/domain/access.js";
import { loadBankPath, writeBankDir, type LoadedBank } from "./lib/bank-files.js";
import { migrationList } from "./lib/schema-engine.js";
import { appliedMigrations } from "./lib/migration-status.js";

const BANK_DIR = "question-bank";
const USAGE = `usage: npm run bank -- <command>
  validate [path]                   check the bank (default ${BANK_DIR}/); exit 1 on any problem
  stats [--json] [path]             counts per type, topic, tag, difficulty, industry × category
  import [path]                     validate, then load into the database (nothing if any problem)
  export [--out dir] [--xlsx file]  write the database's active questions as YAML and/or XLSX
  format [path]                     rewrite the bank folder in the canonical style`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { json: { type: "boolean" }, out: { type: "string" }, xlsx: { type: "string" }, help: { type: "boolean", short: "h" } },
});
const [cmd, pathArg] = positionals;

/** Load and print problems as `path:line: field: message` (paths as the user can open them). */
function load(path = BANK_DIR, quiet = false): LoadedBank {
  const bank = loadBankPath(path);
  const shown = (p: Problem) => formatProblem({ ...p, file: relative(".", join(bank.base, p.file)) || p.file });
  if (!quiet) for (const p of bank.problems) console.log(shown(p));
  return bank;
}

function summary(path: string, bank: LoadedBank): string {
  const files = new Set([...bank.questions.map((q) => q.file), ...bank.problems.map((p) => p.file)]).size;
  const n = bank.problems.length;
  return `${path}: ${bank.questions.length} questions in ${files} files, ${n ? `${n} problem${n === 1 ? "" : "s"}` : "no problems"}`;
}

function validate(path = BANK_DIR): number {
  const bank = load(path);
  console.log(summary(path, bank));
  return bank.problems.length ? 1 : 0;
}

function stats(path = BANK_DIR): number {
  const bank = load(path, true);
  const s = bankStats(bank.questions);
  if (values.json) console.log(JSON.stringify(s, null, 2));
  else console.log(statsText(s));
  if (bank.problems.length) console.error(`(${bank.problems.length} problems: run npm run bank -- validate)`);
  return 0;
}

/** Display width: CJK characters take two columns. */
const width = (s: string) => [...s].reduce((w, c) => w + (c.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
const pad = (s: string | number, n: number, right = false) => {
  const t = String(s);
  const fill = " ".repeat(Math.max(0, n - width(t)));
  return right ? fill + t : t + fill;
};
function table(head: string[], rows: Array<Array<string | number>>): string {
  const cols = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(String(r[i])))));
  return [head, ...rows].map((r) => r.map((c, i) => pad(c, cols[i], i > 0)).join("  ")).join("\n");
}

function statsText(s: BankStats): string {
  const list = (m: Record<string, number>) => Object.entries(m).map(([k, n]) => `${k} ${n}`).join(", ");
  return [
    `${s.total} questions: ${list(s.byType)}`,
    "",
    table(["topic", ...QUESTION_TYPES, "total"], TOPICS.map((t) => [t, ...QUESTION_TYPES.map((ty) => s.byTopicType[t][ty]), s.byTopic[t]])),
    "",
    `industry tags: ${list(s.byIndustry)}`,
    `audience tags: ${list(s.byCategory)}`,
    `difficulty:    ${list(s.byDifficulty)}`,
    "",
    "usable per industry × category (judge/single/multiple):",
    table(
      ["", ...CATEGORIES],
      INDUSTRIES.map((ind) => [
        ind,
        ...CATEGORIES.map((c) => {
          const p = s.pairs.find((x) => x.industry === ind && x.category === c)!;
          return `${p.usable} (${QUESTION_TYPES.map((t) => p.byType[t]).join("/")})`;
        }),
      ]),
    ),
  ].join("\n");
}

const cliActor = (): Actor => ({ id: `cli:${userInfo().username}`, role: "EXAMINER", countyId: null, providerId: null });

/** The database must be migrated; say how if it is not. */
async function requireMigrated(): Promise<boolean> {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const applied = await appliedMigrations(url);
  const pending = migrationList(providerOf(url)).migrationDirectories.filter((d) => !applied.has(d.path));
  if (pending.length) console.error(`the database is not migrated (${pending.length} pending): run npm run db -- deploy`);
  return pending.length === 0;
}

async function importCmd(path = BANK_DIR): Promise<number> {
  const bank = load(path);
  if (bank.problems.length) {
    console.error(`${summary(path, bank)}: nothing imported`);
    return 1;
  }
  if (!(await requireMigrated())) return 1;
  const { importBank } = await import("../app/services/bank-import.server.js");
  const t0 = performance.now();
  const r = await importBank(bank.questions, { actor: cliActor() });
  console.log(
    `imported ${bank.questions.length} questions in ${Math.round(performance.now() - t0)} ms: ` +
      `${r.added.length} added, ${r.updated.length} updated, ${r.unchanged.length} unchanged, ${r.retired.length} retired, ${r.restored.length} restored`,
  );
  for (const k of ["updated", "retired", "restored"] as const) if (r[k].length) console.log(`${k}: ${r[k].join(" ")}`);
  return 0;
}

async function exportCmd(): Promise<number> {
  if (!values.out && !values.xlsx) {
    console.error("export: give --out <dir> (YAML) and/or --xlsx <file>");
    return 2;
  }
  if (!(await requireMigrated())) return 1;
  const { exportBank } = await import("../app/services/bank-import.server.js");
  const questions = await exportBank();
  if (values.out) {
    const changed = writeBankDir(values.out, questions);
    console.log(`${values.out}: ${questions.length} questions, ${changed.length} files written`);
  }
  if (values.xlsx) {
    const { writeXlsx } = await import("../app/utils/spreadsheet.server.js");
    mkdirSync(dirname(values.xlsx), { recursive: true });
    writeFileSync(values.xlsx, await writeXlsx("题库", BANK_SHEET_HEADERS, questions.map(bankSheetRow), ["编号", "答案"]));
    console.log(`${values.xlsx}: ${questions.length} questions`);
  }
  return 0;
}

function format(path = BANK_DIR): number {
  if (!statSync(path).isDirectory()) {
    console.error(`format: ${path} is not a folder (format rewrites a whole bank folder)`);
    return 2;
  }
  const bank = load(path);
  if (bank.problems.length) {
    console.error(`${summary(path, bank)}: fix them first, nothing rewritten`);
    return 1;
  }
  const changed = writeBankDir(path, bank.questions);
  console.log(changed.length ? `rewrote ${changed.length} files:\n  ${changed.join("\n  ")}` : `${path}: already canonical`);
  return 0;
}

async function main(): Promise<number> {
  if (values.help || !cmd) {
    console.log(USAGE);
    return cmd ? 0 : 2;
  }
  switch (cmd) {
    case "validate":
      return validate(pathArg);
    case "stats":
      return stats(pathArg);
    case "import":
      return importCmd(pathArg);
    case "export":
      return exportCmd();
    case "format":
      return format(pathArg);
    default:
      console.error(USAGE);
      return 2;
  }
}

try {
  process.exitCode = await main();
} catch (e) {
  console.error(`bank ${cmd}: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  if (globalThis.__ankaoDb) await (await globalThis.__ankaoDb).$disconnect();
}
