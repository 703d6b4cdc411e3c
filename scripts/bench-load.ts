// npm run bench:load [-- --candidates 1000 --save-every 10 --minutes M --burst 60 --pg]
// DESIGN.md §8: one 2-core machine on SQLite holds 1,000 concurrent candidates autosaving every
// 10 s plus an end-of-exam submit burst, p99 save < 50 ms, zero lost answers. This drives N
// virtual kiosks over real HTTP against the production build in its own process (two instances
// on PostgreSQL with --pg), then checks every acknowledged save against the database. Baselines
// measured in the same run: raw better-sqlite3 single-row transactions (WAL + synchronous FULL,
// the app's setting, and NORMAL), raw pg, and a bare Node HTTP server driven by the same client.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import seedrandom from "seedrandom";
import { buildIsStale } from "./lib/build-state.js";
import { cpuSeconds, memoryMb, spawnApp, ticksPerSecond, type AppProcess } from "./lib/server-process.js";
import { fmt, Gate, machineBusySeconds, paced, Recorder, sleep, type Summary } from "./lib/load-stats.js";
import { rawPg, rawSqlite, startBareServer, type TxBaseline } from "./lib/load-baselines.js";
import type { SseStream as SseStreamT } from "./lib/sse-client.js";

const USAGE = `usage: npm run bench:load -- [options]
  --candidates N        virtual candidates (default 1000)
  --save-every S        seconds between one candidate's saves on average (default 10, the design load)
  --minutes M           compress the answering phase into M minutes instead (the save rate rises)
  --items K             items each candidate answers, of the paper's 90 (default 85)
  --changes F           share of answers changed later (default 0.15)
  --burst S             every candidate submits within S seconds at the end (default 60)
  --concurrency C       the client's requests in flight at most (default 128; streams not counted)
  --capacity-seconds T  closed-loop save capacity probe after the paced phase (default 10, 0 = off)
  --baseline-seconds T  paced bare-HTTP baseline length (default 20)
  --no-streams          no kiosk / proctor event streams (the real kiosk keeps one open)
  --pg                  PostgreSQL (PG_URL, default postgresql://postgres@127.0.0.1:5432/test; a fresh
                        database is created on that server), two app instances, kiosks alternate
  --keep                keep the database and print its URL
  --profile DIR         write a V8 CPU profile of each app server into DIR (open in Chrome DevTools)
  --sql-timing          time every SQLite statement in the app server (main-thread ms, fsync included)
  --stalls              what held the app server's event loop: loop delay, GC pauses; and save p99 per 30 s`;

const { values: a } = parseArgs({
  options: {
    candidates: { type: "string", default: "1000" },
    "save-every": { type: "string", default: "10" },
    minutes: { type: "string" },
    items: { type: "string", default: "85" },
    changes: { type: "string", default: "0.15" },
    burst: { type: "string", default: "60" },
    concurrency: { type: "string", default: "128" },
    "capacity-seconds": { type: "string", default: "10" },
    "baseline-seconds": { type: "string", default: "20" },
    "no-streams": { type: "boolean", default: false },
    pg: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    profile: { type: "string" },
    "sql-timing": { type: "boolean", default: false },
    stalls: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (a.help) {
  console.log(USAGE);
  process.exit(0);
}
function num(name: keyof typeof a, lo: number, hi: number, int = true): number {
  const raw = String(a[name]);
  const v = Number(raw);
  if (!Number.isFinite(v) || v < lo || v > hi || (int && !Number.isInteger(v))) {
    console.error(`--${name} ${raw}: must be ${int ? "an integer" : "a number"} from ${lo} to ${hi}\n\n${USAGE}`);
    process.exit(2);
  }
  return v;
}
const N = num("candidates", 1, 20_000);
const ITEMS = num("items", 1, 90);
const CHANGES = num("changes", 0, 1, false);
const BURST_S = num("burst", 1, 600, false);
const CONCURRENCY = num("concurrency", 1, 4096);
const CAPACITY_S = num("capacity-seconds", 0, 600, false);
const BASELINE_S = num("baseline-seconds", 1, 600, false);
const STREAMS = !a["no-streams"];
const KIND = a.pg ? ("postgresql" as const) : ("sqlite" as const);
const INSTANCES = a.pg ? 2 : 1;
const SAVES_PER = Math.round(ITEMS * (1 + CHANGES)); // about, per candidate
const saveEveryMs = a.minutes !== undefined ? (num("minutes", 0.1, 600, false) * 60_000) / SAVES_PER : num("save-every", 0.1, 600, false) * 1000;
const DESIGN_RATE = N / 10; // saves/s: N candidates × 1 save per 10 s
const offeredRate = N / (saveEveryMs / 1000);
const HEARTBEAT_MS = 15_000; // as ExamApp.tsx
const rng = seedrandom("ankao-bench-load");

console.log(`Ankao load bench · ${N.toLocaleString("en")} candidates · ${KIND}${a.pg ? ` × ${INSTANCES} app instances` : ""} · Node ${process.version} · ${readFileSync("/proc/cpuinfo", "utf8").match(/^processor/gm)?.length ?? "?"} CPUs`);
console.log(
  `pacing: ~${SAVES_PER} saves per candidate (${ITEMS} items + ${Math.round(CHANGES * 100)} % changed later), one every ${fmt(saveEveryMs / 1000, 2)} s on average → ` +
    `${fmt(offeredRate, 0)} saves/s offered = ${fmt(offeredRate / DESIGN_RATE, 2)}× the design load (${N} × 1 save / 10 s = ${fmt(DESIGN_RATE, 0)}/s); ` +
    `answering phase ≈ ${fmt((SAVES_PER * saveEveryMs) / 60_000, 1)} min, then ${CAPACITY_S ? `a ${CAPACITY_S} s capacity probe and ` : ""}a ${BURST_S} s submit burst`,
);
if (a.minutes !== undefined) console.log(`compressed: the exam's ${ITEMS} answers are squeezed into ${a.minutes} min of wall time; the server sees ${fmt(offeredRate / DESIGN_RATE, 2)}× the save rate of the real exam`);
console.log(`machine load average at start: ${loadavg().map((x) => x.toFixed(2)).join(" ")} (other processes share these cores)`);

// ───────── build, work folder, secrets ─────────
if (buildIsStale()) {
  console.log("building the app (build/ is older than app/)…");
  execFileSync("npx", ["remix", "build"], { stdio: "inherit" });
}
const work = mkdtempSync(join(tmpdir(), "ankao-bench-load-"));
const serverEnv: Record<string, string> = {
  NODE_ENV: "production",
  ARGON2_FAST: "0",
  DATA_DIR: join(work, "data"),
  ANKAO_SECRET: randomBytes(32).toString("base64url"),
};
mkdirSync(serverEnv.DATA_DIR, { recursive: true });
Object.assign(process.env, { DATA_DIR: serverEnv.DATA_DIR, ANKAO_SECRET: serverEnv.ANKAO_SECRET });

// ───────── baselines: raw database transactions ─────────
const txBaselines: TxBaseline[] = [rawSqlite(work, "FULL"), rawSqlite(work, "NORMAL")];

// ───────── the exam: fresh database, demo data, bank, rooms of ≤ 80 ─────────
const { freshExamDatabase, dropExamDatabase, seedExamRooms, MAX_ROOM, DEMO_PROCTOR } = await import("./lib/exam-fixture.js");
const tSetup = performance.now();
const { url } = await freshExamDatabase(KIND);
process.env.DATABASE_URL = url;
const sizes = Array.from({ length: Math.ceil(N / MAX_ROOM) }, (_, k) => Math.min(MAX_ROOM, N - k * MAX_ROOM));
const rooms = await seedExamRooms(sizes, { threshold: 50, durationMin: 120 });
const { db } = await import("../app/utils/db.server.js");
const prisma = await db();
if (KIND === "postgresql") txBaselines.push(await rawPg(url));
console.log(`setup: ${rooms.length} sessions (rooms of ≤ ${MAX_ROOM}), ${N} registrations, papers drawn and sealed, in ${fmt((performance.now() - tSetup) / 1000)} s`);

/** Requests in flight in the closed-loop runs (bare HTTP baseline and the save capacity probe). */
const CLOSED_LOOP = Math.min(CONCURRENCY, 32);
const rec = new Recorder();
const gate = new Gate(CONCURRENCY);
const g = <T>(name: string, f: () => Promise<T>, ok?: (r: T) => boolean | string) => gate.run(() => rec.time(name, f, ok));
type Api = { status: number; data: Record<string, unknown> };
const okJson = (r: Api) => (r.status === 200 && r.data.ok !== false ? true : `${r.status} ${String(r.data.error ?? "").slice(0, 80)}`);
const okStatus = (want: number) => async (res: Response) => {
  const body = await res.text();
  return res.status === want ? true : `${res.status} ${body.slice(0, 80)}`;
};
const timedRes = (name: string, want: number, f: () => Promise<Response>) =>
  gate.run(async () => {
    const t0 = performance.now();
    try {
      const res = await f();
      const verdict = await okStatus(want)(res);
      rec.add(name, t0, performance.now(), verdict === true, verdict === true ? undefined : verdict);
      return res.status === want;
    } catch (e) {
      rec.add(name, t0, performance.now(), false, (e as Error).message);
      return false;
    }
  });

// ───────── baseline: a bare Node HTTP server, same client, same pacing ─────────
const { Client } = await import("../tests/support/app.js");
{
  const bare = await startBareServer();
  const clients = Array.from({ length: N }, () => {
    const c = new Client(bare.base);
    c.cookies.set("ankao_kiosk", randomBytes(16).toString("base64url"));
    c.cookies.set("ankao_candidate", `${randomBytes(12).toString("hex")}.${randomBytes(32).toString("base64url")}`);
    return c;
  });
  const post = (c: InstanceType<typeof Client>, seq: number) => () =>
    c.request("/kiosk/api/save", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ position: 17, answer: ["A", "C"], seq, flagged: false }) }).then(async (r) => ({ status: r.status, data: (await r.json()) as Record<string, unknown> }));
  const ticks = Math.max(1, Math.round((BASELINE_S * 1000) / saveEveryMs));
  await paced({ clients: N, ticks: () => ticks, intervalMs: saveEveryMs, rng, act: (i, k) => g("baseline: bare HTTP, paced", post(clients[i], k + 1), okJson).then(() => {}) });
  const until = performance.now() + 5000;
  await Promise.all(
    Array.from({ length: CLOSED_LOOP }, async (_, w) => {
      for (let k = 0; performance.now() < until; k++) await g("baseline: bare HTTP, closed loop", post(clients[(w + k * CLOSED_LOOP) % N], k + 1), okJson);
    }),
  );
  await bare.stop();
}

// ───────── the app: production build, own process(es), loopback ─────────
const apps: AppProcess[] = [];
const sqlTimingOut = (i: number) => join(work, `sql-timing-${i}.json`);
const stallsOut = (i: number) => join(work, `stalls-${i}.json`);
for (let i = 0; i < INSTANCES; i++)
  apps.push(
    await spawnApp(
      { ...serverEnv, DATABASE_URL: url, ...(a["sql-timing"] ? { SQLITE_TIMING_OUT: sqlTimingOut(i) } : {}), ...(a.stalls ? { STALLS_OUT: stallsOut(i) } : {}) },
      {
        cpuProfileDir: a.profile,
        preload: [...(a["sql-timing"] ? ["./scripts/lib/sqlite-timing.ts"] : []), ...(a.stalls ? ["./scripts/lib/server-stalls.ts"] : [])],
      },
    ),
  );
console.log(`app: ${apps.map((p) => `${p.base} (pid ${p.pid})`).join(", ")}`);

/** PostgreSQL's own processes (their CPU counts as the database's). */
function postgresPids(): number[] {
  if (KIND !== "postgresql") return [];
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/comm`, "utf8").trim() === "postgres";
      } catch {
        return false;
      }
    })
    .map(Number);
}
interface Mark {
  t: number;
  requests: number;
  server: number;
  /** CPU seconds per postgres process (they come and go: each phase counts the ones alive at its end). */
  db: Map<number, number>;
  client: number;
  machine: number;
}
const mark = (): Mark => ({
  t: performance.now(),
  requests: rec.total,
  server: apps.reduce((s, p) => s + cpuSeconds(p.pid), 0),
  db: new Map(postgresPids().map((p) => [p, cpuSeconds(p) || 0])),
  client: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
  machine: machineBusySeconds(),
});
const phases: Array<{ name: string; from: Mark; to: Mark }> = [];
async function phase(name: string, f: () => Promise<void>) {
  const from = mark();
  console.log(`▶ ${name}…`);
  await f();
  phases.push({ name, from, to: mark() });
}

const candidates = rooms.flatMap((r, k) => r.candidates.map((c) => ({ c, room: k })));
const { VirtualCandidate, planAnswers, randomAnswer } = await import("./lib/load-kiosk.js");
const { SseStream } = await import("./lib/sse-client.js");
const vcs = candidates.map(({ c, room }, i) => new VirtualCandidate(c, room, apps[i % INSTANCES].base));
let streamFrames = 0;
let streamFailures = 0;
const proctorStreams: SseStreamT[] = [];

await phase("sign-in", async () => {
  await Promise.all(
    vcs.map(async (v) => {
      if (!(await timedRes("sign-in: GET /kiosk", 200, () => v.kiosk.get("/kiosk")))) return;
      if (!(await timedRes("sign-in: POST /kiosk (ID + ticket)", 302, () => v.kiosk.post("/kiosk?index", { idNumber: v.c.idNumber, ticket: v.c.ticket })))) return;
      await timedRes("sign-in: GET /kiosk/exam (page)", 200, () => v.kiosk.get("/kiosk/exam"));
      if (STREAMS) {
        await gate.run(() =>
          rec.time("sign-in: open /kiosk/events", async () => {
            v.stream = await SseStream.open(v.kiosk.base + "/kiosk/events", { headers: { Cookie: v.kiosk.cookieHeader() }, keep: false, onFrame: () => streamFrames++ });
          }),
        );
        if (!v.stream) streamFailures++;
      }
    }),
  );
});

const proctors = await Promise.all(
  apps.map(async (p) => {
    const c = new Client(p.base);
    await c.login(DEMO_PROCTOR.username, DEMO_PROCTOR.password);
    return c;
  }),
);
if (STREAMS)
  for (const [k, r] of rooms.entries()) {
    const p = proctors[k % INSTANCES];
    proctorStreams.push(await SseStream.open(`${p.base}/proctor/sessions/${r.sessionId}/stream`, { headers: { Cookie: p.cookieHeader() }, keep: false, onFrame: () => streamFrames++ }));
  }

await phase("admission (bulk, proctor API) + paper", async () => {
  await Promise.all(
    rooms.map(async (r, k) => {
      const p = proctors[k % INSTANCES];
      const res = await rec.time(
        `admit: POST /proctor/…/act room admit (${r.candidates.length})`,
        async () => {
          const x = await p.post(`/proctor/sessions/${r.sessionId}/act`, { op: "room", action: "admit" });
          return { status: x.status, data: (await x.json()) as Record<string, unknown> };
        },
        (x) => (x.status === 200 && x.data.done === r.candidates.length ? true : `${x.status} admitted ${String(x.data.done)} of ${r.candidates.length} ${String(x.data.error ?? "")}`),
      );
      if (!res) return;
      // On the admit event the kiosk refreshes its state and fetches the paper.
      await Promise.all(
        vcs
          .filter((v) => v.room === k)
          .map(async (v) => {
            await g("kiosk: GET /kiosk/api/state", () => v.kiosk.api("state"), (s) => (s.status === 200 && s.data.state === "IN_PROGRESS" ? true : `${s.status} ${s.data.state}`));
            const paper = await g("kiosk: GET /kiosk/api/paper", () => v.kiosk.api("paper"), (s) => (s.status === 200 ? true : `${s.status}`));
            v.items = (paper?.data.items as typeof v.items | undefined) ?? [];
            v.plan = planAnswers(v.items, rng, ITEMS, CHANGES);
          }),
      );
    }),
  );
});

const ready = vcs.filter((v) => v.plan.length > 0);
if (ready.length < vcs.length) console.log(`warning: ${vcs.length - ready.length} candidates have no paper and sit out`);
const lags: number[] = [];
const refused = { count: 0, first: "" };
const saveOk = (r: Api) => {
  if (r.status === 200 && r.data.ok === true) return true;
  refused.count++;
  refused.first ||= `${r.status} ${String(r.data.error ?? "")}`;
  return `${r.status} ${String(r.data.error ?? "")}`;
};

await phase(`answering (paced, ${fmt(offeredRate, 0)} saves/s offered)`, async () => {
  const longest = Math.max(...ready.map((v) => v.plan.length));
  const phaseMs = longest * saveEveryMs;
  let done = false;
  const beats = paced({
    clients: ready.length,
    ticks: () => Math.floor(phaseMs / HEARTBEAT_MS),
    intervalMs: HEARTBEAT_MS,
    rng,
    act: async (i) => {
      if (!done) await g("kiosk: POST /kiosk/api/heartbeat", () => ready[i].kiosk.api("heartbeat"), (r) => (r.status === 200 && r.data.state === "IN_PROGRESS" ? true : `${r.status} ${r.data.state}`));
    },
  });
  await paced({ clients: ready.length, ticks: (i) => ready[i].plan.length, intervalMs: saveEveryMs, rng, lag: (ms) => lags.push(ms), act: (i, k) => g("save: POST /kiosk/api/save", () => ready[i].save(ready[i].plan[k]), saveOk).then(() => {}) });
  done = true;
  await beats;
});

if (CAPACITY_S > 0)
  await phase(`save capacity probe (closed loop, ${CLOSED_LOOP} in flight, ${CAPACITY_S} s)`, async () => {
    const until = performance.now() + CAPACITY_S * 1000;
    const W = Math.min(CLOSED_LOOP, ready.length);
    await Promise.all(
      Array.from({ length: W }, async (_, w) => {
        for (let k = 0; performance.now() < until; k++) {
          const v = ready[(w + k * W) % ready.length];
          const item = v.items[Math.floor(rng() * v.items.length)];
          await g("save (capacity probe, closed loop)", () => v.save({ position: item.position, answer: randomAnswer(item, rng), flagged: false }), saveOk);
        }
      }),
    );
  });

const submitTimes = { first: Infinity, last: 0 };
await phase(`submit burst (all within ${BURST_S} s)`, async () => {
  await Promise.all(
    ready.map(async (v) => {
      await sleep(rng() * BURST_S * 1000);
      const t0 = performance.now();
      submitTimes.first = Math.min(submitTimes.first, t0);
      const r = await g("submit: POST /kiosk/api/submit", () => v.kiosk.api("submit"), (x) => (x.status === 200 && x.data.state === "SUBMITTED" ? true : `${x.status} ${String(x.data.error ?? x.data.state)}`));
      if (r?.status === 200) submitTimes.last = Math.max(submitTimes.last, performance.now());
      await g("kiosk: GET /kiosk/api/state", () => v.kiosk.api("state"));
    }),
  );
});

// ───────── stop, then check the database against every acknowledged save ─────────
for (const s of [...vcs.map((v) => v.stream), ...proctorStreams]) s?.close();
const memory = apps.map((p) => memoryMb(p.pid));
for (const p of apps) await p.stop();
const serverErrors = apps.map((p) => (p.output().match(/Error|error/g) ?? []).length);

const attempts = await prisma.attempt.findMany({ select: { id: true, registrationId: true, state: true, score: true } });
const byReg = new Map(attempts.map((x) => [x.registrationId, x]));
let acked = 0;
let lost = 0;
const lostExamples: string[] = [];
for (const v of vcs) {
  const at = byReg.get(v.c.registrationId);
  const rows = at ? await prisma.response.findMany({ where: { attemptId: at.id }, select: { position: true, seq: true, answer: true } }) : [];
  const inDb = new Map(rows.map((r) => [r.position, r]));
  for (const [position, want] of v.acked) {
    acked++;
    const got = inDb.get(position);
    const same = got && (got.seq > want.seq || (got.seq === want.seq && got.answer === JSON.stringify(want.answer)));
    if (!same) {
      lost++;
      if (lostExamples.length < 5) lostExamples.push(`${v.c.seat}@${v.room} #${position}: acked seq ${want.seq} ${JSON.stringify(want.answer)}, db ${got ? `seq ${got.seq} ${got.answer}` : "nothing"}`);
    }
  }
}
const submitted = vcs.filter((v) => byReg.get(v.c.registrationId)?.state === "SUBMITTED").length;
const graded = vcs.filter((v) => byReg.get(v.c.registrationId)?.score !== null && byReg.get(v.c.registrationId)?.score !== undefined).length;
await prisma.$disconnect();

// ───────── report ─────────
const order = rec.names();
const rows = order.map((n) => rec.summary(n)!).map((s: Summary) => ({
  endpoint: s.name,
  count: s.count,
  "req/s": fmt(s.perSec, 1),
  "p50 ms": fmt(s.p50),
  "p95 ms": fmt(s.p95),
  "p99 ms": fmt(s.p99),
  "max ms": fmt(s.max),
  errors: s.errors ? `${s.errors} (${s.firstError?.slice(0, 60)})` : 0,
}));
console.log(`\nPer endpoint (latency = request sent → response body read, on the client; req/s over the endpoint's own active window):`);
console.table(rows);

const lagSorted = [...lags].sort((x, y) => x - y);
const lagP99 = lagSorted[Math.ceil(0.99 * lagSorted.length) - 1] ?? 0;
console.log(
  `save schedule lag (how late saves left the client against their plan, incl. waiting for the kiosk's previous save and for a free slot among ${CONCURRENCY} in flight): ` +
    `p50 ${fmt(lagSorted[Math.floor(lagSorted.length / 2)] ?? 0)} ms, p99 ${fmt(lagP99)} ms, max ${fmt(lagSorted[lagSorted.length - 1] ?? 0)} ms` +
    (lagP99 > 1000 ? " — the server fell behind the offered load for a while; latencies above do not include this wait" : ""),
);

console.log(`\nCPU by phase (% of one core; the machine has ${readFileSync("/proc/cpuinfo", "utf8").match(/^processor/gm)?.length ?? "?"} cores, CLK_TCK ${ticksPerSecond()}):`);
console.table(
  phases.map(({ name, from, to }) => {
    const dt = (to.t - from.t) / 1000;
    const p = (x: number) => `${fmt((x / dt) * 100, 0)} %`;
    let dbCpu = 0;
    for (const [pid, cpu] of to.db) dbCpu += cpu - (from.db.get(pid) ?? 0);
    return {
      phase: name,
      "wall s": fmt(dt),
      [`app server${INSTANCES > 1 ? "s" : ""}`]: p(to.server - from.server),
      ...(KIND === "postgresql" ? { "postgres (all its processes)": p(dbCpu) } : {}),
      "bench client": p(to.client - from.client),
      "other processes": p(to.machine - from.machine - (to.server - from.server) - dbCpu - (to.client - from.client)),
      requests: to.requests - from.requests,
      "app CPU ms / request": fmt(((to.server - from.server) * 1000) / Math.max(1, to.requests - from.requests), 2),
    };
  }),
);
console.log(`app server peak RSS: ${memory.map((m, i) => `instance ${i + 1}: ${fmt(m.peak, 0)} MB`).join(", ")}`);
if (a["sql-timing"] && KIND === "sqlite") {
  const t = JSON.parse(readFileSync(sqlTimingOut(0), "utf8")) as Record<string, { calls: number; ms: number; max: number }>;
  const saves = rec.summary("save: POST /kiosk/api/save")?.count ?? 1;
  console.log(`\nSQLite statements in the app server (main thread blocked; whole run):`);
  console.table(
    Object.entries(t)
      .sort((x, y) => y[1].ms - x[1].ms)
      .slice(0, 15)
      .map(([k, v]) => ({ statement: k, calls: v.calls, "total s": fmt(v.ms / 1000, 2), "avg ms": fmt(v.ms / v.calls, 3), "max ms": fmt(v.max, 1), "calls per save": fmt(v.calls / saves, 2) })),
  );
}
if (a.stalls) {
  for (let i = 0; i < INSTANCES; i++) console.log(`\nApp server ${i + 1}, what held its event loop (whole run):\n${readFileSync(stallsOut(i), "utf8")}`);
  console.log(`\nSave p99 per 30 s window (by start):`);
  console.table(rec.windows("save: POST /kiosk/api/save", 30).map((w) => ({ "from s": w.from, saves: w.count, "p99 ms": fmt(w.p99), "max ms": fmt(w.max) })));
}
if (STREAMS) console.log(`event streams: ${vcs.filter((v) => v.stream).length} kiosk + ${proctorStreams.length} proctor streams open during the run, ${streamFrames} frames received${streamFailures ? `, ${streamFailures} failed to open` : ""}`);

console.log(`\nBaselines measured in this run:`);
console.table(txBaselines.map((b) => ({ baseline: b.label, "tx/s": fmt(b.txPerSec, 0), "p50 ms": fmt(b.p50, 3), "p99 ms": fmt(b.p99, 3), "max ms": fmt(b.max, 2) })));

const save = rec.summary("save: POST /kiosk/api/save")!;
const cap = rec.summary("save (capacity probe, closed loop)");
const bare = rec.summary("baseline: bare HTTP, paced")!;
const bareMax = rec.summary("baseline: bare HTTP, closed loop")!;
const rawFull = txBaselines[0];
const rawDb = KIND === "postgresql" ? txBaselines[2] : rawFull;
const burst = rec.summary("submit: POST /kiosk/api/submit");
console.log(`\nRatios:`);
console.log(`  app save p99 = ${fmt(save.p99)} ms = ${fmt(save.p99 / bare.p99)} × bare HTTP p99 (${fmt(bare.p99, 2)} ms, same client, same pacing)`);
console.log(`  app save p50 = ${fmt(save.p50)} ms = ${fmt(save.p50 / bare.p50)} × bare HTTP p50 (${fmt(bare.p50, 2)} ms)`);
console.log(`  saves/s sustained = ${fmt(save.perSec, 0)} = ${fmt((save.perSec / rawDb.txPerSec) * 100, 1)} % of ${rawDb.label} (${fmt(rawDb.txPerSec, 0)} tx/s)`);
if (cap) console.log(`  save capacity (closed loop) = ${fmt(cap.perSec, 0)} saves/s = ${fmt((cap.perSec / rawDb.txPerSec) * 100, 1)} % of raw tx/s, ${fmt((cap.perSec / bareMax.perSec) * 100, 1)} % of bare HTTP closed loop (${fmt(bareMax.perSec, 0)} req/s), ${fmt(cap.perSec / DESIGN_RATE, 1)}× the design load`);
console.log(`  raw SQLite: synchronous=NORMAL gives ${fmt(txBaselines[1].txPerSec / rawFull.txPerSec, 2)}× the tx/s of FULL (p99 ${fmt(txBaselines[1].p99, 3)} vs ${fmt(rawFull.p99, 3)} ms)`);
console.log(`  durability: FULL (the app's setting) fsyncs the WAL at every commit, so an acknowledged save survives a power cut; NORMAL in WAL mode survives a process crash but may lose the last commits on power loss or an OS crash.`);

const targetP99 = 50;
console.log(`\nResult (${KIND}, ${N} candidates):`);
console.log(`  p99 save ${fmt(save.p99)} ms — target < ${targetP99} ms: ${save.p99 < targetP99 ? "MET" : "MISSED"}`);
console.log(`  answers lost: ${lost} of ${acked} acknowledged (position, seq) — target 0: ${lost === 0 ? "MET" : "MISSED"}`);
for (const e of lostExamples) console.log(`    lost: ${e}`);
console.log(`  submitted: ${submitted} of ${vcs.length} (${graded} graded); candidate submits spanned ${fmt((submitTimes.last - submitTimes.first) / 1000)} s (first sent → last acknowledged)${burst ? `, p99 submit ${fmt(burst.p99)} ms` : ""}`);
console.log(`  saves refused: ${refused.count}${refused.count ? ` (first: ${refused.first})` : ""}; server log lines mentioning an error: ${serverErrors.join(", ")}`);
console.log(`  machine load average at end: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
if (serverErrors.some((n) => n > 0)) console.log(`  server output (last 1,500 chars):\n${apps.map((p) => p.output().slice(-1500)).join("\n---\n")}`);

if (a.keep) console.log(`kept: DATABASE_URL=${url} DATA_DIR=${serverEnv.DATA_DIR} ANKAO_SECRET=${serverEnv.ANKAO_SECRET}`);
else {
  await dropExamDatabase(url);
  rmSync(work, { recursive: true, force: true });
  if (KIND === "sqlite") rmSync(dirname(url.slice("file:".length)), { recursive: true, force: true });
}
process.exit(lost === 0 ? 0 : 1);
