// Statement reuse for the SQLite adapter, on a real better-sqlite3 database: the same SQL gives
// the same statement with fresh arguments each time, in the calling shapes the adapter uses.
import Database from "better-sqlite3";
import { reuseStatements } from "~/utils/sqlite-statements.server";

function open(max?: number) {
  const db = new Database(":memory:");
  db.defaultSafeIntegers(true);
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
  const prepared: string[] = [];
  const real = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    prepared.push(sql);
    return real(sql);
  }) as typeof db.prepare;
  reuseStatements(db, max);
  return { db, prepared };
}

describe("reuseStatements", () => {
  it("prepares each SQL text once and binds new arguments on every use", () => {
    const { db, prepared } = open();
    const insert = "INSERT INTO t (id, name) VALUES (?, ?)";
    for (const [id, name] of [[1, "甲"], [2, "乙"], [3, "丙"]] as const) {
      const s = db.prepare(insert).bind([id, name]) as unknown as { reader: boolean; run(): { changes: number } };
      expect(s.reader).toBe(false);
      expect(s.run().changes).toBe(1);
    }
    const select = "SELECT id, name FROM t WHERE id >= ? ORDER BY id";
    const read = (from: number) => {
      const s = db.prepare(select).bind([from]) as unknown as { reader: boolean; columns(): Array<{ name: string }>; raw(): { all(): unknown[][] } };
      expect(s.reader).toBe(true);
      return { columns: s.columns().map((c) => c.name), rows: s.raw().all() };
    };
    expect(read(2)).toEqual({ columns: ["id", "name"], rows: [[2n, "乙"], [3n, "丙"]] });
    expect(read(1).rows).toHaveLength(3);
    expect(read(9).rows).toEqual([]);
    expect(prepared.filter((s) => s === insert)).toHaveLength(1);
    expect(prepared.filter((s) => s === select)).toHaveLength(1);
  });

  it("runs statements without arguments (BEGIN, COMMIT) as the adapter does", () => {
    const { db } = open();
    (db.prepare("BEGIN") as unknown as { run(): void }).run();
    expect(db.inTransaction).toBe(true);
    (db.prepare("COMMIT") as unknown as { run(): void }).run();
    expect(db.inTransaction).toBe(false);
  });

  it("keeps at most `max` statements, dropping the least recently used", () => {
    const { db, prepared } = open(2);
    const q = (n: number) => (db.prepare(`SELECT ${n}`).bind([]) as unknown as { raw(): { all(): unknown[][] } }).raw().all();
    q(1);
    q(2);
    q(1); // 1 is now the most recent
    q(3); // evicts 2
    q(1);
    q(2); // prepared again
    expect(prepared).toEqual(["SELECT 1", "SELECT 2", "SELECT 3", "SELECT 2"]);
  });
});
