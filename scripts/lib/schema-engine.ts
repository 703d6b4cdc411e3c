// Offline migrations: drives @prisma/schema-engine-wasm through Prisma's driver adapters, so no
// step needs the native schema engine (which cannot be downloaded on an air-gapped intranet).
// See STACK-NOTES.md for the three workarounds applied here.
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { providerOf, sqlitePath, type Provider } from "../../app/utils/db-url.js";
import { makePgPool, shadowUrlFor, resetPgDatabase } from "./pg-admin.js";

const require = createRequire(import.meta.url);

export const SCHEMA_FILES: Record<Provider, string> = {
  sqlite: "prisma/schema.prisma",
  postgresql: "prisma/postgresql/schema.prisma",
};
export const MIGRATIONS_DIRS: Record<Provider, string> = {
  sqlite: "prisma/migrations",
  postgresql: "prisma/postgresql/migrations",
};

type EngineModule = {
  SchemaEngine: { new: (opts: unknown, log: (s: string) => void, adapter: object) => Promise<Engine> };
};
// The subset of the engine's API this tool uses.
export type Engine = {
  free(): void;
  diff(p: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  applyMigrations(p: unknown): Promise<{ appliedMigrationNames: string[] }>;
};

let engineModule: Promise<EngineModule> | undefined;
/** Node 20 has no ESM wasm imports: instantiate the wasm with the bindgen JS module as its imports. */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const bgFile = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const dir = dirname(bgFile);
    const bg = await import(pathToFileURL(bgFile).href);
    const bytes = readFileSync(join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg as EngineModule;
  })();
  return engineModule;
}

/**
 * The engine replays a whole migration script through executeRaw on the shadow database;
 * better-sqlite3 refuses multi-statement strings there. Retry parameterless scripts through
 * executeScript, which accepts them.
 */
function scriptTolerant(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (q) => {
    try {
      return await executeRaw(q);
    } catch (e) {
      if (q.args.length > 0) throw e;
      await adapter.executeScript(q.sql);
      return 0;
    }
  };
  return adapter;
}

export type EngineHandle = { engine: Engine; provider: Provider; close: () => Promise<void> };

/** Open an engine on `url`, with a private shadow database (in-memory for SQLite). */
export async function openEngine(url: string, schemaText?: string): Promise<EngineHandle> {
  const provider = providerOf(url);
  const opened: SqlDriverAdapter[] = [];
  const cleanups: Array<() => Promise<void>> = [];
  let main: SqlMigrationAwareDriverAdapterFactory;
  let shadow: SqlMigrationAwareDriverAdapterFactory;
  if (provider === "sqlite") {
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    const file = sqlitePath(url);
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    main = new PrismaBetterSqlite3({ url: file });
    shadow = new PrismaBetterSqlite3({ url: ":memory:" });
  } else {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const pool = makePgPool(url);
    const shadowUrl = await shadowUrlFor(url);
    await resetPgDatabase(shadowUrl);
    const shadowPool = makePgPool(shadowUrl);
    cleanups.push(() => pool.end(), () => shadowPool.end());
    main = new PrismaPg(pool);
    shadow = new PrismaPg(shadowPool);
  }
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => {
      const a = await main.connect();
      opened.push(a);
      return a;
    },
    connectToShadowDb: async () => {
      const a = scriptTolerant(await shadow.connect());
      opened.push(a);
      return a;
    },
  };
  const { SchemaEngine } = await loadEngineModule();
  const schema = schemaText ?? readFileSync(SCHEMA_FILES[provider], "utf8");
  const engine = await SchemaEngine.new(
    { datamodels: [[SCHEMA_FILES[provider], schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    engine,
    provider,
    // applyMigrations leaves SQLite's write lock held on the engine's connection: dispose every
    // adapter the factory opened after freeing the engine, or a PrismaClient would time out.
    close: async () => {
      engine.free();
      for (const a of opened) await a.dispose().catch(() => {});
      for (const c of cleanups) await c();
    },
  };
}

export function lockfileText(provider: Provider): string {
  return `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`;
}

/** Read a migrations folder the way the Prisma CLI hands it to the engine. */
export function migrationList(provider: Provider, dir = MIGRATIONS_DIRS[provider]) {
  const baseDir = resolve(dir);
  const lockPath = join(baseDir, "migration_lock.toml");
  // The engine learns the connector from the lockfile; an empty history still needs one.
  if (!existsSync(lockPath)) {
    mkdirSync(baseDir, { recursive: true });
    writeFileSync(lockPath, lockfileText(provider));
  }
  const names = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => {
      const file = join(baseDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok" as const, value: readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

const NO_FILTER = { externalTables: [], externalEnums: [] };

/** SQL that takes the committed migrations to the schema; empty when they match. */
export async function pendingSql(h: EngineHandle, schemaText: string, dir?: string): Promise<string> {
  const res = await h.engine.diff({
    from: { tag: "migrations", ...migrationList(h.provider, dir) },
    to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_FILES[h.provider], content: schemaText }] },
    script: true,
    exitCode: null,
    filters: NO_FILTER,
  });
  const sql = (res.stdout ?? "").trim();
  return /^-- This is an empty migration\.?$/.test(sql) ? "" : sql;
}

export async function applyAll(h: EngineHandle, dir?: string): Promise<string[]> {
  const res = await h.engine.applyMigrations({ migrationsList: migrationList(h.provider, dir), filters: NO_FILTER });
  return res.appliedMigrationNames;
}

export function writeMigration(provider: Provider, name: string, sql: string, stamp: string): string {
  const dir = MIGRATIONS_DIRS[provider];
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration_lock.toml"), lockfileText(provider));
  const folder = join(dir, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "migration.sql"), sql + "\n");
  return folder;
}
