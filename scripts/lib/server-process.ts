// The production server as a separate OS process (for the load bench and the fault tests):
// `node --import tsx scripts/serve.ts`, so the pid is the server itself (the `tsx` CLI would put
// a wrapper process in between, and a kill -9 of the wrapper would leave the server running).
// Also reads the process's CPU time and peak memory from /proc.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

export interface AppProcess {
  pid: number;
  port: number;
  base: string;
  child: ChildProcess;
  /** Everything the server printed so far (stdout + stderr). */
  output(): string;
  /** kill -9: no shutdown code runs. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/** A free loopback port (bound once and released). */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a ? a.port : 0;
      s.close(() => ok(port));
    });
  });
}

/**
 * Start scripts/serve.ts on loopback with `env` (DATABASE_URL, DATA_DIR, ANKAO_SECRET, NODE_ENV…)
 * and wait until it listens. `port` defaults to a free one; pass the old port to restart in place.
 */
export async function spawnApp(env: Record<string, string>, opts: { port?: number; timeoutMs?: number; cpuProfileDir?: string; preload?: string[] } = {}): Promise<AppProcess> {
  const port = opts.port ?? (await freePort());
  // --cpu-prof writes its profile on a normal exit, so SIGTERM is turned into process.exit().
  const profile = opts.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${opts.cpuProfileDir}`, "--import", "data:text/javascript,process.on('SIGTERM',()=>process.exit(0))"] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", ...(opts.preload ?? []).flatMap((f) => ["--import", f]), "scripts/serve.ts"], {
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start within ${opts.timeoutMs ?? 60_000} ms:\n${out}`)), opts.timeoutMs ?? 60_000);
    const onData = () => {
      if (out.includes("Ankao listening on")) {
        clearTimeout(timer);
        child.stdout!.off("data", onData);
        ok();
      }
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`server exited (${code ?? signal}) before listening:\n${out}`));
    });
  });
  return {
    pid: child.pid!,
    port,
    base: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    kill9: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

let clkTck: number | undefined;
/** Clock ticks per second of /proc/<pid>/stat times. */
export function ticksPerSecond(): number {
  if (clkTck) return clkTck;
  try {
    clkTck = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
  } catch {
    clkTck = 100;
  }
  return clkTck;
}

/** User + system CPU seconds the process has used so far (Linux /proc). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the ")" closing the command name: state is field 3, utime 14, stime 15.
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) / ticksPerSecond();
  } catch {
    return NaN;
  }
}

/** Peak resident memory (VmHWM) in MB, and current RSS in MB. */
export function memoryMb(pid: number): { peak: number; rss: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? NaN);
    return { peak: kb("VmHWM") / 1024, rss: kb("VmRSS") / 1024 };
  } catch {
    return { peak: NaN, rss: NaN };
  }
}
