// What this machine can do without the app, measured in the same run as the load bench:
// single-row write transactions on raw better-sqlite3 (and raw pg), and a bare Node HTTP server
// answering a save-sized JSON body.
import { spawn } from "node:child_process";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

export interface TxBaseline {
  label: string;
  txPerSec: number;
  p50: number;
  p99: number;
  max: number;
}

const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
function summarise(label: string, ms: number[], seconds: number): TxBaseline {
  const s = [...ms].sort((a, b) => a - b);
  return { label, txPerSec: s.length / seconds, p50: pct(s, 50), p99: pct(s, 99), max: s[s.length - 1] };
}

/**
 * One upsert of a response row per transaction, for `seconds`, on a new WAL database in `dir`
 * (same file system as the app's database) at `synchronous`.
 */
export function rawSqlite(dir: string, synchronous: "FULL" | "NORMAL", seconds = 3): TxBaseline {
  const file = join(dir, `raw-${synchronous.toLowerCase()}.db`);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${synchronous}`);
  db.exec("CREATE TABLE IF NOT EXISTS response (attemptId TEXT NOT NULL, position INTEGER NOT NULL, answer TEXT NOT NULL, seq INTEGER NOT NULL, savedAt TEXT NOT NULL, PRIMARY KEY (attemptId, position))");
  const upsert = db.prepare("INSERT INTO response (attemptId, position, answer, seq, savedAt) VALUES (?, ?, ?, ?, ?) ON CONFLICT (attemptId, position) DO UPDATE SET answer = excluded.answer, seq = excluded.seq, savedAt = excluded.savedAt");
  const tx = db.transaction((a: string, p: number, seq: number) => upsert.run(a, p, '["A","C"]', seq, new Date().toISOString()));
  const ms: number[] = [];
  const end = performance.now() + seconds * 1000;
  for (let seq = 1; performance.now() < end; seq++) {
    const t0 = performance.now();
    tx(`attempt-${seq % 1000}`, seq % 90, seq);
    ms.push(performance.now() - t0);
  }
  db.close();
  return summarise(`raw better-sqlite3, WAL + synchronous=${synchronous}`, ms, seconds);
}

/** The same single-row transaction over one pg connection (BEGIN; upsert; COMMIT). */
export async function rawPg(url: string, seconds = 3): Promise<TxBaseline> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("CREATE TABLE IF NOT EXISTS bench_response (attempt_id TEXT NOT NULL, position INTEGER NOT NULL, answer TEXT NOT NULL, seq INTEGER NOT NULL, saved_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (attempt_id, position))");
    const sc = (await c.query("SHOW synchronous_commit")).rows[0].synchronous_commit as string;
    const ms: number[] = [];
    const end = performance.now() + seconds * 1000;
    for (let seq = 1; performance.now() < end; seq++) {
      const t0 = performance.now();
      await c.query("BEGIN");
      await c.query("INSERT INTO bench_response VALUES ($1, $2, $3, $4, now()) ON CONFLICT (attempt_id, position) DO UPDATE SET answer = excluded.answer, seq = excluded.seq, saved_at = excluded.saved_at", [`attempt-${seq % 1000}`, seq % 90, '["A","C"]', seq]);
      await c.query("COMMIT");
      ms.push(performance.now() - t0);
    }
    await c.query("DROP TABLE bench_response");
    return summarise(`raw pg, one connection, synchronous_commit=${sc}`, ms, seconds);
  } finally {
    await c.end();
  }
}

const BARE_SERVER = `
const http = require("node:http");
const s = http.createServer((req, res) => {
  req.on("data", () => {});
  req.on("end", () => {
    const body = JSON.stringify({ ok: true, ack: 1, state: "IN_PROGRESS", remainingMs: 7200000, deadline: null, serverTime: new Date().toISOString() });
    res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
    res.end(body);
  });
});
s.listen(0, "127.0.0.1", () => console.log("port " + s.address().port));
`;

/** A bare Node HTTP server in its own process: reads the body, answers a save-shaped JSON. */
export async function startBareServer(): Promise<{ base: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ["-e", BARE_SERVER], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((ok, fail) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /port (\d+)/.exec(out);
      if (m) ok(Number(m[1]));
    });
    child.once("exit", (code) => fail(new Error(`bare server exited ${code}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () => new Promise((done) => (child.exitCode !== null ? done() : (child.once("exit", () => done()), child.kill()))),
  };
}
