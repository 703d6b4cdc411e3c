// npm run bench:proctor — how fast a kiosk's trouble reaches the proctor (issue 6: p99 under 1 s
// at 1,000 kiosks on this 2-core machine). N simulated kiosks (80 per room) sign in, are admitted
// by the room, then heartbeat, save answers and report integrity events over real HTTP, each
// holding its own /kiosk/events stream like the real kiosk page. One proctor console stream per
// room. Measured: from the moment a kiosk sends its request (sign-in, integrity event) to the
// moment the matching frame arrives on the proctor's stream (matched by seat, or by a unique detail
// string in the integrity event): p50, p99, max, and any event that never arrived. The console
// applies that event to its tile at once (app/components/proctor/live-tiles.ts), so this is when
// the proctor sees it. Also shown, not part of the target: the first room frame (answered counts,
// time left, online; at most one a second) whose tile has caught up.
// Scenarios: SQLite, one instance; PostgreSQL, two instances (kiosks on A, proctors on B) when
// PG_URL (default postgresql://postgres@127.0.0.1:5432/test) is reachable.
//
// Rates per kiosk: a save every 10 s (DESIGN.md §8), a heartbeat every 15 s (the kiosk page's), an
// integrity event every 60 s on average (≈120 per candidate in a 2-hour exam: far above a real
// room, to give the proctor a busy stream); all kiosks sign in over the first 60 s.
//
//   npm run bench:proctor -- [--kiosks 1000] [--per-room 80] [--seconds 60] [--integrity-every 60]
//     [--save-every 10] [--heartbeat-every 15] [--arrival-seconds 60] [--no-kiosk-streams]
//     [--only sqlite|postgresql] [--kiosks-on-both (PostgreSQL: kiosks alternate A and B)]
//     [--profile DIR (a V8 CPU profile of each app server)]
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import seedrandom from "seedrandom";
import { buildIsStale } from "./lib/build-state.js";
import { DEFAULT_PG_URL, dropExamDatabase, pgReachable, type DbKind, type ExamFixture, type FixtureCandidate } from "./lib/exam-fixture.js";
import { fmt, machineBusySeconds, Recorder, sleep, type Summary } from "./lib/load-stats.js";
import { cpuSeconds, spawnApp, type AppProcess } from "./lib/server-process.js";
import { SseStream, type SseFrame } from "./lib/sse-client.js";
import { Client } from "../tests/support/app.js";
import { Kiosk, proctorAct } from "../tests/support/exam-setup.js";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i > 0 ? Number(process.argv[i + 1]) : dflt;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number (got ${process.argv[i + 1]})`);
  return v;
};
const KIOSKS = Math.round(arg("kiosks", 1000));
const PER_ROOM = Math.round(arg("per-room", 80));
const SECONDS = arg("seconds", 60);
const INTEGRITY_EVERY = arg("integrity-every", 60);
const SAVE_EVERY = arg("save-every", 10);
const HEARTBEAT_EVERY = arg("heartbeat-every", 15);
const ARRIVAL_SECONDS = arg("arrival-seconds", 60);
const KIOSK_STREAMS = !process.argv.includes("--no-kiosk-streams");
/** PostgreSQL: kiosks all on A (every event crosses instances), or alternating A/B as behind a load balancer. */
const SPREAD = process.argv.includes("--kiosks-on-both");
const ONLY = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
/** Write a V8 CPU profile of each app server into this folder (open it in Chrome DevTools). */
const PROFILE = process.argv.includes("--profile") ? process.argv[process.argv.indexOf("--profile") + 1] : undefined;
if (ONLY !== null && ONLY !== "sqlite" && ONLY !== "postgresql") throw new Error(`--only ${ONLY}: use sqlite or postgresql`);
if (PER_ROOM > 80) throw new Error(`--per-room ${PER_ROOM}: a room holds at most 80 candidates (the 铁力市 venue's seats)`);
const PG_URL = process.env.PG_URL ?? DEFAULT_PG_URL;
const SECRET = "bench-proctor-secret-0123456789-abcdefghij";
const TARGET_MS = 1000;
const DRAIN_MS = 15_000;

const rooms = Array.from({ length: Math.ceil(KIOSKS / PER_ROOM) }, (_, k) => Math.min(PER_ROOM, KIOSKS - k * PER_ROOM));

/** The fixture is built in its own process: this one never opens the app's database itself. */
function buildFixture(kind: DbKind, dataDir: string, out: string): Promise<ExamFixture> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/lib/exam-fixture.ts", "--kind", kind, "--rooms", rooms.join(","), "--out", out], {
      env: { ...process.env, DATA_DIR: dataDir, ANKAO_SECRET: SECRET, PG_URL, NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("exit", (code) => (code === 0 ? ok(JSON.parse(readFileSync(out, "utf8")) as ExamFixture) : fail(new Error(`fixture (${kind}) failed with exit code ${code}`))));
  });
}

interface PaperItem {
  position: number;
  section: string;
  options: Array<{ key: string }>;
}

function answerFor(item: PaperItem, rng: () => number): unknown {
  if (item.section === "judge") return rng() < 0.5;
  const keys = item.options.map((o) => o.key);
  if (item.section === "single") return keys[Math.floor(rng() * keys.length)];
  const picked = keys.filter(() => rng() < 0.5);
  return picked.length ? picked : [keys[0]];
}

interface Outcome {
  label: string;
  kiosks: number;
  rooms: number;
  signIn: Summary | undefined;
  integrity: Summary | undefined;
  committed: Summary | undefined;
  tile: Summary | undefined;
  lostSignIn: number;
  lostIntegrity: number;
  lostTile: number;
  serverErrors: string[];
  requests: Summary[];
  snapshotsPerRoomPerSec: number;
  snapshotKb: number;
  serverCpu: Array<{ name: string; cores: number }>;
  clientCores: number;
  machineCores: number;
  clientLagP99: number;
}

async function scenario(kind: DbKind): Promise<Outcome> {
  const label = kind === "sqlite" ? "SQLite, 1 instance" : `PostgreSQL, 2 instances${SPREAD ? " (kiosks on A and B)" : ""}`;
  const work = mkdtempSync(join(tmpdir(), "ankao-bench-proctor-"));
  const dataDir = join(work, "data");
  console.log(`\n── ${label}: ${KIOSKS} kiosks in ${rooms.length} rooms ──`);
  let t = performance.now();
  const fx = await buildFixture(kind, dataDir, join(work, "fixture.json"));
  console.log(`  fixture (demo data, bank, ${rooms.length} classes, papers drawn and sealed, sessions scheduled) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const servers: AppProcess[] = [];
  const streams: SseStream[] = [];
  try {
    const env = { DATABASE_URL: fx.url, DATA_DIR: dataDir, ANKAO_SECRET: SECRET, NODE_ENV: "production", ARGON2_FAST: "0" };
    const A = await spawnApp(env, { cpuProfileDir: PROFILE });
    servers.push(A);
    const B = kind === "postgresql" ? await spawnApp(env, { cpuProfileDir: PROFILE }) : A;
    if (B !== A) servers.push(B);
    console.log(`  servers: ${servers.map((s, i) => `${"AB"[i]} pid ${s.pid} on ${s.base}`).join(", ")}${B === A ? " (kiosks and proctors)" : SPREAD ? " (kiosks alternate A and B, proctors on B)" : " (kiosks on A, proctors on B)"}`);

    const rec = new Recorder();
    /** rec.time, with the cause of a network failure ("fetch failed": which one) in the error. */
    const time = <T>(name: string, f: () => Promise<T>, ok?: (r: T) => boolean | string) =>
      rec.time(
        name,
        () =>
          f().catch((e: Error & { cause?: { code?: string; message?: string } }) => {
            throw new Error(e.cause ? `${e.message}: ${e.cause.code ?? e.cause.message}` : e.message);
          }),
        ok,
      );
    const rng = seedrandom(`bench-proctor-${kind}`);
    /** request start time of what each proctor frame should announce, by match key */
    const pending = new Map<string, { t0: number; kind: "sign-in" | "integrity" }>();
    /** integrity events waiting to show on their tile: registration → [n-th event of that kiosk, sent at] */
    const pendingTile = new Map<string, Array<{ n: number; t0: number }>>();
    let snapshots = 0;
    let snapshotBytes = 0;
    const tiles = (f: SseFrame) => {
      for (const tile of (JSON.parse(f.data) as { tiles: Array<{ registrationId: string; integrityCount: number }> }).tiles) {
        const waiting = pendingTile.get(tile.registrationId);
        if (!waiting) continue;
        for (const w of waiting.filter((w) => w.n <= tile.integrityCount)) rec.add("integrity → tile", w.t0, f.at, true);
        const rest = waiting.filter((w) => w.n > tile.integrityCount);
        if (rest.length) pendingTile.set(tile.registrationId, rest);
        else pendingTile.delete(tile.registrationId);
      }
    };
    const arrived = (key: string, f: SseFrame) => {
      const p = pending.get(key);
      if (!p) return;
      pending.delete(key);
      rec.add(p.kind === "sign-in" ? "sign-in → proctor" : "integrity → proctor", p.t0, f.at, true);
    };

    // The proctor: one console stream per room, on B, from the session's first event.
    const proctor = new Client(B.base);
    await proctor.login(fx.proctor.username, fx.proctor.password);
    for (const room of fx.rooms) {
      const onFrame = (f: SseFrame) => {
        if (f.event === "snapshot") {
          snapshots++;
          snapshotBytes += f.data.length;
          if (pendingTile.size) tiles(f);
        } else if (f.event === "integrity") {
          const d = JSON.parse(f.data) as { detail: string; at: string };
          // The bus alone: from the event row's time (set as it is written, same machine clock) to the frame.
          if (pending.has(`i:${d.detail}`)) rec.add("integrity row written → proctor", Date.parse(d.at), performance.timeOrigin + f.at, true);
          arrived(`i:${d.detail}`, f);
        }
        else if (f.event === "attempt.arrive") arrived(`a:${room.sessionId}:${(JSON.parse(f.data) as { seat: string }).seat}`, f);
      };
      streams.push(await SseStream.open(`${B.base}/proctor/sessions/${room.sessionId}/stream`, { headers: { Cookie: proctor.cookieHeader(), "Last-Event-ID": "0" }, keep: false, onFrame }));
    }

    // Arrival: every kiosk signs in, spread over ARRIVAL_SECONDS, then opens its own stream.
    const kiosks: Array<{ k: Kiosk; c: FixtureCandidate; sessionId: string; items: PaperItem[]; seq: number; n: number }> = [];
    for (const room of fx.rooms) for (const c of room.candidates) kiosks.push({ k: new Kiosk((SPREAD && kiosks.length % 2 ? B : A).base), c, sessionId: room.sessionId, items: [], seq: 0, n: 0 });
    await Promise.all(
      kiosks.map(async (x, i) => {
        await sleep((i / kiosks.length) * ARRIVAL_SECONDS * 1000);
        await time("GET /kiosk", () => x.k.get("/kiosk"), (r) => r.status === 200 || `${r.status}`);
        const key = `a:${x.sessionId}:${x.c.seat}`;
        pending.set(key, { t0: performance.now(), kind: "sign-in" });
        const r = await time("sign-in", () => x.k.signIn(x.c), (r) => r.status === 302 || `${r.status}`);
        if (r?.status !== 302) pending.delete(key);
        else if (KIOSK_STREAMS) {
          const k = await time("open /kiosk/events", () => SseStream.open(`${x.k.base}/kiosk/events`, { headers: { Cookie: x.k.cookieHeader() }, keep: false }));
          if (k) streams.push(k);
        }
      }),
    );
    // Admission: the proctor admits each room at once (on B).
    t = performance.now();
    await Promise.all(fx.rooms.map((room) => time("admit a room", () => proctorAct(proctor, room.sessionId, { op: "room", action: "admit" }), (r) => r.data.ok === true || JSON.stringify(r.data))));
    console.log(`  ${kiosks.length} kiosks signed in over ${ARRIVAL_SECONDS} s; rooms admitted in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await Promise.all(
      kiosks.map(async (x) => {
        const p = await time("GET paper", () => x.k.api("paper"), (r) => r.status === 200 || `${r.status}`);
        x.items = (p?.data.items as PaperItem[] | undefined) ?? [];
      }),
    );

    // The exam: heartbeats, saves and integrity events, each kiosk on its own clock.
    console.log(`  running ${SECONDS} s: a save every ${SAVE_EVERY} s, a heartbeat every ${HEARTBEAT_EVERY} s, an integrity event every ${INTEGRITY_EVERY} s on average, per kiosk${KIOSK_STREAMS ? "; every kiosk holds its /kiosk/events stream" : ""}`);
    // CPU, event-loop lag and room frames are counted over this phase only.
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const cpu0 = servers.map((s) => cpuSeconds(s.pid));
    const client0 = process.cpuUsage();
    const busy0 = machineBusySeconds();
    const wall0 = performance.now();
    snapshots = 0;
    snapshotBytes = 0;
    const end = performance.now() + SECONDS * 1000;
    const every = async (firstMs: number, nextMs: () => number, act: () => Promise<unknown>) => {
      for (let due = performance.now() + firstMs; due < end; due += nextMs()) {
        await sleep(due - performance.now());
        if (performance.now() >= end) break;
        await act();
      }
    };
    const expo = () => -Math.log(1 - rng()) * INTEGRITY_EVERY * 1000;
    const KINDS = ["BLUR", "FULLSCREEN_EXIT", "HIDDEN", "COPY", "CONTEXT_MENU"];
    await Promise.all(
      kiosks.flatMap((x, i) => [
        every(rng() * HEARTBEAT_EVERY * 1000, () => HEARTBEAT_EVERY * 1000, () => time("heartbeat", () => x.k.api("heartbeat"), (r) => r.status === 200 || `${r.status}`)),
        every(rng() * SAVE_EVERY * 1000, () => SAVE_EVERY * 1000, () => {
          const item = x.items[Math.floor(rng() * x.items.length)];
          if (!item) return Promise.resolve();
          return time("save", () => x.k.save(item.position, answerFor(item, rng), ++x.seq), (r) => r.data.ok === true || String(r.data.error));
        }),
        every(expo(), expo, async () => {
          const detail = `bench ${i} #${++x.n} ${rng().toString(36).slice(2, 10)}`;
          const key = `i:${detail}`;
          const t0 = performance.now();
          pending.set(key, { t0, kind: "integrity" });
          const tile = [...(pendingTile.get(x.c.registrationId) ?? []), { n: x.n, t0 }];
          pendingTile.set(x.c.registrationId, tile);
          const r = await time("integrity event", () => x.k.api("event", { kind: KINDS[x.n % KINDS.length], detail }), (r) => r.status === 200 || `${r.status}`);
          if (r?.status !== 200) {
            pending.delete(key);
            x.n--;
            pendingTile.set(x.c.registrationId, tile.slice(0, -1));
          }
        }),
      ]),
    );
    const wall = (performance.now() - wall0) / 1000;
    const roomFrames = { count: snapshots, bytes: snapshotBytes };
    const cpu = servers.map((s, i) => (cpuSeconds(s.pid) - cpu0[i]) / wall);
    const used = process.cpuUsage(client0);
    const clientCores = (used.user + used.system) / 1e6 / wall;
    const busy = (machineBusySeconds() - busy0) / wall;
    lag.disable();
    // Whatever is still on its way gets DRAIN_MS more; after that it is lost.
    const drainEnd = performance.now() + DRAIN_MS;
    while ((pending.size || pendingTile.size) && performance.now() < drainEnd) await sleep(100);
    const lost = [...pending.values()];
    const errorLines = servers.flatMap((s) => s.output().split("\n").filter((l) => /error/i.test(l)));
    return {
      label,
      kiosks: kiosks.length,
      rooms: fx.rooms.length,
      signIn: rec.summary("sign-in → proctor"),
      integrity: rec.summary("integrity → proctor"),
      tile: rec.summary("integrity → tile"),
      committed: rec.summary("integrity row written → proctor"),
      lostSignIn: lost.filter((p) => p.kind === "sign-in").length,
      lostIntegrity: lost.filter((p) => p.kind === "integrity").length,
      lostTile: [...pendingTile.values()].reduce((n, w) => n + w.length, 0),
      serverErrors: [...new Set(errorLines)].slice(0, 5),
      requests: ["GET /kiosk", "sign-in", "open /kiosk/events", "admit a room", "GET paper", "heartbeat", "save", "integrity event"].map((n) => rec.summary(n)!).filter(Boolean),
      snapshotsPerRoomPerSec: roomFrames.count / fx.rooms.length / wall,
      snapshotKb: roomFrames.count ? roomFrames.bytes / roomFrames.count / 1024 : 0,
      serverCpu: servers.map((s, i) => ({ name: "AB"[i], cores: cpu[i] })),
      clientCores,
      machineCores: busy,
      clientLagP99: lag.percentile(99) / 1e6,
    };
  } finally {
    for (const s of streams) s.close();
    for (const s of servers) await s.stop();
    await dropExamDatabase(fx.url).catch((e) => console.warn(`  could not drop ${fx.url}: ${(e as Error).message}`));
    if (kind === "postgresql") await dropExamDatabase(`${fx.url}_shadow`).catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }
}

function report(o: Outcome) {
  console.log(`\n${o.label}: ${o.kiosks} kiosks, ${o.rooms} rooms — kiosk request → frame on the proctor's stream`);
  const row = (what: string, s: Summary | undefined, lost: number) => ({
    measure: what,
    events: s?.count ?? 0,
    "p50 ms": fmt(s?.p50 ?? NaN, 0),
    "p99 ms": fmt(s?.p99 ?? NaN, 0),
    "max ms": fmt(s?.max ?? NaN, 0),
    lost,
  });
  console.table([
    row("sign-in → attempt.arrive frame", o.signIn, o.lostSignIn),
    row("integrity event → integrity frame", o.integrity, o.lostIntegrity),
    row("integrity event → next room frame with it", o.tile, o.lostTile),
    row("event row written → frame (the bus alone)", o.committed, o.lostIntegrity),
  ]);
  console.log("  kiosk and proctor requests (latency of the HTTP answer)");
  console.table(o.requests.map((s) => ({ request: s.name, count: s.count, errors: s.errors, "per s": fmt(s.perSec, 0), "p50 ms": fmt(s.p50, 0), "p99 ms": fmt(s.p99, 0), "max ms": fmt(s.max, 0), ...(s.firstError ? { "first error": s.firstError.slice(0, 60) } : {}) })));
  console.log(
    `  during the ${SECONDS} s run — room frames: ${fmt(o.snapshotsPerRoomPerSec, 2)} per room per s, ${fmt(o.snapshotKb)} KB each; server CPU ${o.serverCpu.map((c) => `${c.name} ${fmt(c.cores, 2)} cores`).join(", ")}; load generator ${fmt(o.clientCores, 2)} cores (event-loop lag p99 ${fmt(o.clientLagP99, 0)} ms); machine ${fmt(o.machineCores, 2)} of 2 cores busy, ${fmt(Math.max(0, o.machineCores - o.clientCores - o.serverCpu.reduce((n, c) => n + c.cores, 0)), 2)} of them by other processes (PostgreSQL itself among them)`,
  );
  if (o.serverErrors.length) console.log(`  server errors:\n    ${o.serverErrors.join("\n    ")}`);
}

if (buildIsStale()) {
  console.log("building the app (build/ is older than app/)…");
  execFileSync("npx", ["remix", "build"], { stdio: "inherit" });
}
const kinds: DbKind[] = [];
if (ONLY !== "postgresql") kinds.push("sqlite");
if (ONLY !== "sqlite") {
  if (await pgReachable(PG_URL)) kinds.push("postgresql");
  else console.log(`PostgreSQL at ${new URL(PG_URL).host} is not reachable: the two-instance scenario is skipped (set PG_URL)`);
}
console.log(`bench:proctor — ${KIOSKS} kiosks, ${PER_ROOM} per room (${rooms.length} rooms), ${SECONDS} s; Node ${process.version}; load average ${loadavg()[0].toFixed(2)} at the start`);
const outcomes: Outcome[] = [];
for (const k of kinds) {
  const o = await scenario(k);
  report(o);
  outcomes.push(o);
}
console.log(`\nSummary: delay from a kiosk's request to the frame on the proctor's stream (target p99 < ${TARGET_MS} ms at 1,000 kiosks)`);
console.table(
  outcomes.map((o) => ({
    scenario: o.label,
    kiosks: o.kiosks,
    events: (o.signIn?.count ?? 0) + (o.integrity?.count ?? 0),
    "integrity p50 ms": fmt(o.integrity?.p50 ?? NaN, 0),
    "integrity p99 ms": fmt(o.integrity?.p99 ?? NaN, 0),
    "integrity max ms": fmt(o.integrity?.max ?? NaN, 0),
    "room frame p99 ms": fmt(o.tile?.p99 ?? NaN, 0),
    "bus alone p99 ms": fmt(o.committed?.p99 ?? NaN, 0),
    "sign-in p99 ms": fmt(o.signIn?.p99 ?? NaN, 0),
    lost: o.lostSignIn + o.lostIntegrity + o.lostTile,
    "other processes' CPU": `${fmt(Math.max(0, o.machineCores - o.clientCores - o.serverCpu.reduce((n, c) => n + c.cores, 0)), 2)} cores`,
    target: [o.integrity, o.signIn].every((s) => (s?.p99 ?? Infinity) < TARGET_MS) && o.lostIntegrity + o.lostSignIn + o.lostTile === 0 ? "met" : "MISSED",
  })),
);
if (outcomes.some((o) => o.machineCores - o.clientCores - o.serverCpu.reduce((n, c) => n + c.cores, 0) > 0.5))
  console.log("Note: other processes used more than half a core during a run (on PostgreSQL that includes the database server itself); on SQLite that means the machine was shared and the figures are not the app's alone.");
