// npm run -s backup                      online backup: DATA_DIR/backups/ankao-<time>.db + .keys/
// npm run -s restore -- <file.db> [--force]
// SQLite: `VACUUM INTO` copies the database inside one read transaction, so the copy is a
// consistent snapshot even while the app is saving answers (WAL: the app's writers are not
// blocked). The copy is checked (integrity_check, audit chain) before it is reported. PostgreSQL:
// prints the pg_dump / pg_restore commands instead. Keys (DATA_DIR/keys) are copied alongside:
// without them ID numbers cannot be read and certificates cannot be verified.
import Database from "better-sqlite3";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_DATABASE_URL, providerOf, sqlitePath } from "../app/utils/db-url.js";
import { describeChain, verifyAuditLog, withSqliteFile } from "./lib/audit-verify.js";

const USAGE = `usage:
  npm run -s backup                          back up the database and DATA_DIR/keys to DATA_DIR/backups
  npm run -s restore -- <ankao-….db> [--force]
      restore a SQLite backup into DATABASE_URL. Refused while a running app holds the database
      (stop it first) unless --force; the replaced database is kept as <db>.before-restore-<time>.
      The audit chain is verified before and after. Keys found next to the backup (<name>.keys/)
      are copied into DATA_DIR/keys where missing; a key that differs is never overwritten.`;

class Refusal extends Error {}

const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const dataDir = resolve(process.env.DATA_DIR || "./data");
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const keysDir = join(dataDir, "keys");

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)).map((f) => join(n, f)) : [n]));
}

function warnKeys(copied: string | null) {
  const bar = "!".repeat(78);
  console.log(`\n${bar}`);
  if (copied)
    console.log(`!! SENSITIVE: ${copied}\n!! holds the secret that decrypts ID numbers and the certificate signing keys.\n!! Anyone with it and the database copy can read every ID number and sign certificates.\n!! Store it encrypted, off this server, readable only by the people who may restore.`);
  else console.log(`!! No key files in ${keysDir}.`);
  if (process.env.ANKAO_SECRET)
    console.log(`!! ANKAO_SECRET is set in the environment, so the ID-number secret is NOT in DATA_DIR/keys:\n!! keep a copy of it with the backups — without it the restored ID numbers cannot be read.`);
  console.log(bar);
}

function copyKeys(to: string): string | null {
  const list = files(keysDir);
  if (!list.length) return null;
  mkdirSync(to, { recursive: true, mode: 0o700 });
  cpSync(keysDir, to, { recursive: true, preserveTimestamps: true });
  return to;
}

function postgresCommands(kind: "backup" | "restore", file?: string) {
  const u = new URL(url);
  const safe = `${u.protocol}//${u.username ? `${u.username}@` : ""}${u.host}${u.pathname}`;
  const dump = file ?? join(dataDir, "backups", `ankao-${stamp}.dump`);
  console.log(`DATABASE_URL is PostgreSQL: use PostgreSQL's own tools (a consistent snapshot while the app runs).`);
  if (kind === "backup") console.log(`\n  pg_dump --format=custom --no-owner --file="${dump}" "${safe}"`);
  console.log(`\n  # restore (stop the app instances first; --clean replaces what is there):`);
  console.log(`  pg_restore --clean --if-exists --no-owner --single-transaction --dbname="${safe}" "${dump}"`);
  console.log(`  npm run -s audit -- verify\n\n(the password comes from PGPASSWORD or ~/.pgpass, never the command line)`);
}

/** Is another connection (a running app) holding this SQLite database? */
function inUse(path: string): boolean {
  const probe = new Database(path, { fileMustExist: true, timeout: 0 });
  try {
    // In WAL mode every open connection holds a shared lock: exclusive locking mode cannot start
    // a write transaction while any other connection is open.
    probe.pragma("locking_mode = EXCLUSIVE");
    probe.exec("BEGIN EXCLUSIVE");
    probe.exec("COMMIT");
    return false;
  } catch (e) {
    if ((e as { code?: string }).code === "SQLITE_BUSY" || (e as { code?: string }).code === "SQLITE_LOCKED") return true;
    throw e;
  } finally {
    probe.close();
  }
}

/** integrity_check and the audit chain of a SQLite file; throws a Refusal naming what is wrong. */
async function check(path: string, what: string) {
  const d = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const ok = d.pragma("integrity_check", { simple: true });
    if (ok !== "ok") throw new Refusal(`${what} ${path} is damaged: integrity_check says ${String(ok)}`);
    if (!d.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'AuditLog'`).get()) throw new Refusal(`${what} ${path} is not an Ankao database (no AuditLog table)`);
  } finally {
    d.close();
  }
  const chain = await withSqliteFile(path, (db) => verifyAuditLog(db));
  console.log(`${what}: ${describeChain(chain)}`);
  return chain;
}

async function backup() {
  const out = join(dataDir, "backups");
  mkdirSync(out, { recursive: true, mode: 0o700 });
  if (providerOf(url) === "postgresql") {
    postgresCommands("backup");
    warnKeys(copyKeys(join(out, `ankao-${stamp}.keys`)));
    return;
  }
  const src = sqlitePath(url);
  if (!existsSync(src)) throw new Refusal(`no database at ${src}`);
  const dest = join(out, `ankao-${stamp}.db`);
  const db = new Database(src, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    db.exec(`VACUUM INTO '${dest.replace(/'/g, "''")}'`);
  } finally {
    db.close();
  }
  chmodSync(dest, 0o600);
  const chain = await check(dest, "backup");
  if (!chain.ok) throw new Refusal(`the audit chain in the copy is broken (see above): the live database needs attention — kept ${dest} for inspection`);
  console.log(`backup written: ${dest} (${(statSync(dest).size / 1024 / 1024).toFixed(1)} MB)`);
  if (chain.head.id !== null) console.log(`record this head hash off the server: npm run audit -- verify --head ${chain.head.hash}`);
  console.log(`camera snapshots in ${join(dataDir, "snapshots")} are files named by their SHA-256: back that folder up with your file backups (rsync copies only new ones).`);
  warnKeys(copyKeys(join(out, `ankao-${stamp}.keys`)));
}

/** Key files next to the backup that DATA_DIR/keys lacks are copied; one that differs stops the restore. */
function planKeys(from: string): { copy: string[]; differ: string[] } {
  const copy: string[] = [];
  const differ: string[] = [];
  for (const f of files(from)) {
    const here = join(keysDir, f);
    if (!existsSync(here)) copy.push(f);
    else if (!readFileSync(here).equals(readFileSync(join(from, f))) && f !== join("certs", "current")) differ.push(f);
  }
  return { copy, differ };
}

async function restore(file: string | undefined) {
  if (!file) throw new Refusal(USAGE);
  if (providerOf(url) === "postgresql") {
    postgresCommands("restore", file);
    return;
  }
  const from = resolve(file);
  if (!existsSync(from)) throw new Refusal(`no backup at ${from}`);
  const chain = await check(from, "backup");
  if (!chain.ok && !values.force) throw new Refusal("refusing to restore a backup whose audit chain is broken (--force restores it anyway)");
  const keysFrom = join(dirname(from), basename(from).replace(/\.db$/, "") + ".keys");
  const keys = existsSync(keysFrom) ? planKeys(keysFrom) : { copy: [], differ: [] };
  if (keys.differ.length && !values.force)
    throw new Refusal(`these key files differ from the backup's: ${keys.differ.join(", ")}. The restored database needs the backup's keys; compare ${keysFrom} with ${keysDir} by hand (--force restores the database and keeps the current keys)`);

  const target = sqlitePath(url);
  if (existsSync(target)) {
    if (inUse(target)) {
      if (!values.force) throw new Refusal(`${target} is held by a running app: stop the app first (or --force, then restart the app at once)`);
      console.log(`warning: ${target} is in use; restoring under it (--force): restart the app now`);
    }
    const kept = `${target}.before-restore-${stamp}`;
    const live = new Database(target, { readonly: true, timeout: 10_000 });
    try {
      live.exec(`VACUUM INTO '${kept.replace(/'/g, "''")}'`);
    } finally {
      live.close();
    }
    console.log(`the database being replaced is kept as ${kept}`);
  } else mkdirSync(dirname(target), { recursive: true });

  // SQLite's backup API writes through the destination's own pager and journal: all or nothing,
  // and a stale -wal beside the target is recovered or reset, never replayed onto the new pages.
  const src = new Database(from, { readonly: true });
  try {
    await src.backup(target);
  } finally {
    src.close();
  }
  for (const f of keys.copy) {
    mkdirSync(dirname(join(keysDir, f)), { recursive: true, mode: 0o700 });
    cpSync(join(keysFrom, f), join(keysDir, f), { preserveTimestamps: true });
  }
  if (keys.copy.length) console.log(`copied ${keys.copy.length} key file(s) from ${keysFrom} into ${keysDir}`);
  if (keys.differ.length) console.log(`warning: kept the current ${keys.differ.join(", ")} (they differ from the backup's)`);
  const after = await check(target, "restored");
  console.log(`restored ${from} → ${target}`);
  if (!after.ok) throw new Refusal("the restored audit chain is broken");
}

try {
  const [cmd, arg] = positionals;
  if (values.help) console.log(USAGE);
  else if (cmd === "restore") await restore(arg);
  else if (cmd === undefined || cmd === "backup") await backup();
  else throw new Refusal(USAGE);
} catch (e) {
  if (!(e instanceof Refusal)) throw e;
  console.error(e.message);
  process.exitCode = 1;
}
