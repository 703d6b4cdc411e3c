// Preloaded into an app server by `bench:load --sql-timing` (node --import): times every SQLite
// statement better-sqlite3 runs (the main thread waits for each, fsync included), grouped by
// its first words and table, and writes the totals to $SQLITE_TIMING_OUT when the server stops.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const out = process.env.SQLITE_TIMING_OUT;
if (out) {
  const require = createRequire(import.meta.url);
  const Database = require("better-sqlite3") as { prototype: { prepare: (sql: string) => Record<string, unknown> } };
  const totals = new Map<string, { calls: number; ms: number; max: number }>();
  const kindOf = (sql: string) => {
    const s = sql.replace(/`main`\./g, "").replace(/[`"]/g, "").trim();
    const table = /\b(FROM|INTO|UPDATE)\s+(\w+)/i.exec(s)?.[2] ?? "";
    return `${s.split(/\s+/)[0].toUpperCase()} ${table}${/COUNT\(/i.test(s) ? " (count)" : ""}`.trim();
  };
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: unknown, sql: string) {
    const t0 = performance.now();
    const st = prepare.call(this, sql);
    const kind = kindOf(sql);
    const add = (k: string, ms: number) => {
      const e = totals.get(k) ?? { calls: 0, ms: 0, max: 0 };
      e.calls++;
      e.ms += ms;
      e.max = Math.max(e.max, ms);
      totals.set(k, e);
    };
    add("(prepare, every statement)", performance.now() - t0);
    for (const m of ["run", "all", "get", "iterate"]) {
      const f = st[m];
      if (typeof f !== "function") continue;
      st[m] = function (this: unknown, ...args: unknown[]) {
        const t = performance.now();
        try {
          return (f as (...a: unknown[]) => unknown).apply(this, args);
        } finally {
          add(kind, performance.now() - t);
        }
      };
    }
    return st;
  };
  process.on("exit", () => writeFileSync(out, JSON.stringify(Object.fromEntries(totals))));
  process.on("SIGTERM", () => process.exit(0));
}
