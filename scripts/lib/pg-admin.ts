// PostgreSQL helpers for the migration tool and tests.
import pg from "pg";

const PG_CHAR = 18;
const PG_TEXT = 25;

/**
 * A client that reports `"char"` columns (OID 18, e.g. pg_constraint.contype) as text: the
 * Prisma pg adapter cannot deserialize OID 18 when the schema engine reads the catalog.
 */
class CharAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const fix = (r: pg.QueryResult | undefined) => {
      for (const f of r?.fields ?? []) if (f.dataTypeID === PG_CHAR) f.dataTypeID = PG_TEXT;
      return r;
    };
    const last = args[args.length - 1];
    if (typeof last === "function") {
      // pg.Pool#query passes a callback
      args[args.length - 1] = (err: Error | null, r: pg.QueryResult) => last(err, fix(r));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (super.query as any)(...args);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const res = (super.query as any)(...args);
    return res && typeof res.then === "function" ? res.then(fix) : res;
  }
}

export function makePgPool(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, Client: CharAsTextClient });
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = "/" + db;
  return u.toString();
}

/** A dedicated shadow database next to the main one (`<db>_shadow`), created on demand. */
export async function shadowUrlFor(url: string): Promise<string> {
  const u = new URL(url);
  const db = decodeURIComponent(u.pathname.slice(1)) || "postgres";
  const shadowDb = `${db}_shadow`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [shadowDb]);
    if (r.rowCount === 0) await client.query(`CREATE DATABASE "${shadowDb.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  return withDatabase(url, shadowDb);
}

/** Drop and recreate the public schema: an empty database. */
export async function resetPgDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end();
  }
}

/** Create a database if missing (tests give each run its own). */
export async function ensurePgDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const db = decodeURIComponent(u.pathname.slice(1));
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    const r = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [db]);
    if (r.rowCount === 0) await client.query(`CREATE DATABASE "${db.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Drop the database `url` names, and the migration engine's shadow database made for it (shadowUrlFor). */
export async function dropPgDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = "/postgres";
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    for (const db of [name, `${name}_shadow`]) await c.query(`DROP DATABASE IF EXISTS "${db.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await c.end();
  }
}
