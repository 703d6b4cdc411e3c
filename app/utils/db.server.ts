// The one Prisma client. The URL's scheme picks SQLite (better-sqlite3) or PostgreSQL (pg);
// both generated clients come from the same models, so they share one type.
import { PrismaClient as SqliteClient } from "~/generated/sqlite/client";
import { PrismaClient as PgClient } from "~/generated/pg/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "./env.server";
import { sqlitePath } from "./db-url";
import { SqliteAdapter } from "./sqlite-statements.server";

export type Db = SqliteClient;
/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

declare global {
  // eslint-disable-next-line no-var
  var __ankaoDb: Promise<Db> | undefined;
}

async function connect(): Promise<Db> {
  const { DATABASE_URL, provider } = env();
  if (provider === "postgresql") {
    const client = new PgClient({ adapter: new PrismaPg({ connectionString: DATABASE_URL, max: 10 }) });
    return client as unknown as Db;
  }
  const client = new SqliteClient({
    adapter: new SqliteAdapter({ url: sqlitePath(DATABASE_URL), timeout: 5000 }),
  });
  // WAL lets readers proceed during writes. synchronous=FULL: a save the server acknowledged
  // survives power loss, not just a process crash (the kiosk promise, DESIGN.md §7).
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$executeRawUnsafe("PRAGMA synchronous = FULL");
  await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  return client;
}

/** The shared client (one per process, kept across dev rebuilds). */
export function db(): Promise<Db> {
  globalThis.__ankaoDb ??= connect();
  return globalThis.__ankaoDb;
}
