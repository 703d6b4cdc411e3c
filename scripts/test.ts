// npm test: type-check, build, then the unit, integration, security and end-to-end suites.
// Integration and security run on SQLite always and again on PostgreSQL when PG_URL is set;
// e2e runs when Chromium is installed. Whatever is skipped is said at the end.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { buildIsStale } from "./lib/build-state.js";

const extra = process.argv.slice(2);
const skipped: string[] = [];
const failed: string[] = [];

function step(name: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) failed.push(name);
  return r.status === 0;
}

step("type-check (tsc --noEmit)", "npx", ["tsc", "--noEmit"]);
if (buildIsStale()) step("build (remix build)", "npx", ["remix", "build"]);
step("unit + integration on SQLite", "npx", ["vitest", "run", "--project", "unit", "--project", "integration", ...extra], { TEST_DB: "sqlite" });

// Faults (kill -9 and restart, busy database, network loss, clock skew) on SQLite; the
// PostgreSQL connection-drop case in the same run when PG_URL is set (it makes its own database).
step(`faults on SQLite${process.env.PG_URL ? " + PostgreSQL connection drop" : ""}`, "npx", ["vitest", "run", "--project", "faults", ...extra], { TEST_DB: "sqlite" });
if (!process.env.PG_URL) skipped.push("faults: PostgreSQL connection drop (set PG_URL to run it)");

step("security on SQLite", "npx", ["vitest", "run", "--project", "security", ...extra], { TEST_DB: "sqlite" });

const pgUrl = process.env.PG_URL;
if (pgUrl) {
  step("integration on PostgreSQL", "npx", ["vitest", "run", "--project", "integration", ...extra], { TEST_DB: "postgresql", PG_URL: pgUrl });
  step("security on PostgreSQL", "npx", ["vitest", "run", "--project", "security", ...extra], { TEST_DB: "postgresql", PG_URL: pgUrl });
} else skipped.push("integration and security on PostgreSQL (set PG_URL=postgresql://user@host:5432/db to run them)");

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (existsSync(chromium)) step("end-to-end in Chromium", "npx", ["vitest", "run", "--project", "e2e", ...extra], { CHROMIUM_PATH: chromium, TEST_DB: "sqlite" });
else skipped.push(`end-to-end (no Chromium at ${chromium}; apt install chromium)`);

console.log("\n──────── summary");
for (const s of skipped) console.log(`skipped: ${s}`);
if (failed.length) {
  for (const f of failed) console.log(`FAILED:  ${f}`);
  process.exit(1);
}
console.log("all suites passed");
