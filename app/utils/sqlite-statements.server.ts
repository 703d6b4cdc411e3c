// Prepared-statement reuse for the SQLite adapter. @prisma/adapter-better-sqlite3 prepares every
// query afresh (`client.prepare(sql).bind(args)`), and bench:proctor's CPU profile put 11 % of the
// server's main thread in `prepare` alone. Prisma's SQL text repeats (the arguments are bound),
// so statements are kept in a small LRU per connection and bound per call instead: better-sqlite3
// allows `bind()` only once per statement, so each use gets a light view that passes its
// arguments to `run`/`all` directly. Every call completes synchronously, so views never overlap.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";

const MAX_STATEMENTS = 500;

type Args = unknown[];

/** Result columns per statement: asking SQLite each time cost another 4 % of the thread. */
const columnsOf = new WeakMap<BetterSqlite3.Statement, BetterSqlite3.ColumnDefinition[]>();

/** The part of a statement the adapter uses, with `args` bound per call. */
function view(stmt: BetterSqlite3.Statement, args: Args) {
  return {
    reader: stmt.reader,
    columns: () => {
      let c = columnsOf.get(stmt);
      if (!c) columnsOf.set(stmt, (c = stmt.columns()));
      return c;
    },
    run: () => stmt.run(...args),
    raw: () => ({ all: () => stmt.raw(true).all(...args) }),
  };
}

export function reuseStatements(client: BetterSqlite3.Database, max = MAX_STATEMENTS): void {
  const prepare = client.prepare.bind(client);
  const cache = new Map<string, BetterSqlite3.Statement>();
  const cached = (sql: string) => {
    let stmt = cache.get(sql);
    if (stmt) cache.delete(sql); // re-inserted below: most recently used last
    else {
      stmt = prepare(sql);
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
    }
    cache.set(sql, stmt);
    return stmt;
  };
  client.prepare = ((sql: string) => {
    const stmt = cached(sql);
    return { ...view(stmt, []), bind: (...args: unknown[]) => view(stmt, args.length === 1 && Array.isArray(args[0]) ? args[0] : args) };
  }) as unknown as typeof client.prepare;
}

/** The adapter factory, with statement reuse on every connection it opens. */
export class SqliteAdapter extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    reuseStatements((adapter as unknown as { client: BetterSqlite3.Database }).client);
    return adapter;
  }
}
