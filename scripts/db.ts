// npm run db -- <deploy|new NAME|status|check>
// Offline migrations for SQLite and PostgreSQL through @prisma/schema-engine-wasm.
import { readFileSync } from "node:fs";
import { DEFAULT_DATABASE_URL, providerOf, type Provider } from "../app/utils/db-url.js";
import { openEngine, pendingSql, applyAll, writeMigration, migrationList, SCHEMA_FILES } from "./lib/schema-engine.js";
import { writePgSchema } from "./lib/pg-schema.js";
import { appliedMigrations } from "./lib/migration-status.js";

const [cmd, arg] = process.argv.slice(2);
const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
// Drift checks and new migrations need a database to replay on; for PostgreSQL use the
// configured one (CI) or PG_URL; without either, PostgreSQL is skipped and said so.
const pgUrl = providerOf(url) === "postgresql" ? url : process.env.PG_URL;

function schemaText(p: Provider) {
  return readFileSync(SCHEMA_FILES[p], "utf8");
}

async function deploy() {
  const h = await openEngine(url);
  try {
    const names = await applyAll(h);
    console.log(names.length ? `applied ${names.length}: ${names.join(", ")}` : "database is up to date");
  } finally {
    await h.close();
  }
}

async function targets(): Promise<Array<{ provider: Provider; url: string }>> {
  const t: Array<{ provider: Provider; url: string }> = [{ provider: "sqlite", url: "file::memory:" }];
  if (pgUrl) t.push({ provider: "postgresql", url: pgUrl });
  else console.log("postgresql: skipped (set PG_URL=postgresql://… to include it)");
  return t;
}

async function check(): Promise<number> {
  writePgSchema();
  let drift = 0;
  for (const t of await targets()) {
    const h = await openEngine(t.url, schemaText(t.provider));
    try {
      const sql = await pendingSql(h, schemaText(t.provider));
      if (sql) {
        drift++;
        console.error(`${t.provider}: DRIFT — the committed migrations do not produce ${SCHEMA_FILES[t.provider]}. Missing:\n${sql}`);
      } else console.log(`${t.provider}: migrations match the schema (${migrationList(t.provider).migrationDirectories.length} migrations)`);
    } finally {
      await h.close();
    }
  }
  return drift ? 1 : 0;
}

async function create(name: string) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: npm run db -- new <name> (lowercase letters, digits, _)");
  writePgSchema();
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const t of await targets()) {
    const h = await openEngine(t.url, schemaText(t.provider));
    try {
      const sql = await pendingSql(h, schemaText(t.provider));
      if (!sql) console.log(`${t.provider}: no changes`);
      else console.log(`${t.provider}: wrote ${writeMigration(t.provider, name, sql, stamp)}`);
    } finally {
      await h.close();
    }
  }
}

async function status() {
  const p = providerOf(url);
  const all = migrationList(p).migrationDirectories.map((d) => d.path);
  const applied = await appliedMigrations(url);
  for (const n of all) console.log(`${applied.has(n) ? "applied" : "PENDING"}  ${n}`);
  const pending = all.filter((n) => !applied.has(n)).length;
  console.log(pending ? `${pending} pending: run npm run db -- deploy` : "database is up to date");
}

try {
  if (cmd === "deploy") await deploy();
  else if (cmd === "check") process.exitCode = await check();
  else if (cmd === "new") await create(arg);
  else if (cmd === "status") await status();
  else {
    console.error("usage: npm run db -- <deploy|new NAME|status|check>");
    process.exitCode = 2;
  }
} catch (e) {
  const msg = (e as Error).message;
  // better-sqlite3's busy timeout reaches the wasm engine as an unknown "SocketTimeout".
  if (/SocketTimeout/.test(msg) && providerOf(url) === "sqlite")
    console.error(`db ${cmd}: the SQLite database ${url} is busy. Stop the running app, then migrate (npm start migrates by itself before serving).`);
  else console.error(`db ${cmd}: ${msg.split("\n")[0]}`);
  process.exitCode = 1;
}
