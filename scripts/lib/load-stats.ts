// Measuring a load run: latencies per endpoint (exact percentiles over every sample), a gate that
// caps the client's requests in flight, paced virtual clients, and machine CPU from /proc/stat.
import { readFileSync } from "node:fs";
import { ticksPerSecond } from "./server-process.js";

export interface Summary {
  name: string;
  count: number;
  errors: number;
  perSec: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  firstError?: string;
}

interface Series {
  ms: number[];
  /** When each sample started (performance.now()), in the order of `ms`. */
  at: number[];
  errors: number;
  first: number;
  last: number;
  firstError?: string;
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

/** Latency samples per endpoint; throughput is counted over the endpoint's own active window. */
export class Recorder {
  private series = new Map<string, Series>();
  /** Requests recorded so far, all endpoints. */
  total = 0;
  private get(name: string): Series {
    let s = this.series.get(name);
    if (!s) this.series.set(name, (s = { ms: [], at: [], errors: 0, first: Infinity, last: 0 }));
    return s;
  }
  add(name: string, startedAt: number, endedAt: number, ok: boolean, error?: string) {
    const s = this.get(name);
    this.total++;
    s.ms.push(endedAt - startedAt);
    s.at.push(startedAt);
    if (!ok) {
      s.errors++;
      s.firstError ??= error;
    }
    s.first = Math.min(s.first, startedAt);
    s.last = Math.max(s.last, endedAt);
  }
  /** Time `f`; it returns whether the answer was the expected one (or throws: an error). */
  async time<T>(name: string, f: () => Promise<T>, ok: (r: T) => boolean | string = () => true): Promise<T | undefined> {
    const t0 = performance.now();
    try {
      const r = await f();
      const verdict = ok(r);
      this.add(name, t0, performance.now(), verdict === true, verdict === true ? undefined : typeof verdict === "string" ? verdict : "unexpected answer");
      return r;
    } catch (e) {
      this.add(name, t0, performance.now(), false, (e as Error).message);
      return undefined;
    }
  }
  summary(name: string): Summary | undefined {
    const s = this.series.get(name);
    if (!s) return undefined;
    const sorted = [...s.ms].sort((a, b) => a - b);
    const window = (s.last - s.first) / 1000;
    return { name, count: sorted.length, errors: s.errors, perSec: window > 0 ? sorted.length / window : NaN, p50: pct(sorted, 50), p95: pct(sorted, 95), p99: pct(sorted, 99), max: sorted[sorted.length - 1] ?? NaN, firstError: s.firstError };
  }
  /** p99 per window of `seconds` (by start time): whether a tail is spread out or bunched. */
  windows(name: string, seconds: number): Array<{ from: number; count: number; p99: number; max: number }> {
    const s = this.series.get(name);
    if (!s) return [];
    const buckets = new Map<number, number[]>();
    s.at.forEach((t, i) => {
      const k = Math.floor((t - s.first) / (seconds * 1000));
      const b = buckets.get(k) ?? [];
      b.push(s.ms[i]);
      buckets.set(k, b);
    });
    return [...buckets.entries()]
      .sort((x, y) => x[0] - y[0])
      .map(([k, b]) => {
        const sorted = b.sort((x, y) => x - y);
        return { from: k * seconds, count: sorted.length, p99: pct(sorted, 99), max: sorted[sorted.length - 1] };
      });
  }
  names() {
    return [...this.series.keys()];
  }
}

/** At most `limit` requests in flight from this client; the rest wait their turn. */
export class Gate {
  private active = 0;
  private queue: Array<() => void> = [];
  constructor(private limit: number) {}
  async run<T>(f: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((go) => this.queue.push(go));
    this.active++;
    try {
      return await f();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

/**
 * `clients` virtual clients, each doing `ticks(i)` actions about `intervalMs` apart (±`jitter`
 * of an interval, first one at a random offset), one at a time like a kiosk's outbox. `lag` is
 * how late an action started against its plan (the client or the server falling behind).
 */
export async function paced(opts: { clients: number; ticks: (i: number) => number; intervalMs: number; jitter?: number; rng: () => number; act: (i: number, k: number) => Promise<void>; lag?: (ms: number) => void }) {
  const t0 = performance.now();
  const jitter = opts.jitter ?? 0.3;
  await Promise.all(
    Array.from({ length: opts.clients }, async (_, i) => {
      const offset = opts.rng() * opts.intervalMs;
      for (let k = 0; k < opts.ticks(i); k++) {
        const due = t0 + offset + k * opts.intervalMs + (opts.rng() * 2 - 1) * jitter * opts.intervalMs * (k > 0 ? 1 : 0);
        await sleep(due - performance.now());
        opts.lag?.(Math.max(0, performance.now() - due));
        await opts.act(i, k);
      }
    }),
  );
}

/** Busy CPU seconds of the whole machine so far (all cores, /proc/stat). */
export function machineBusySeconds(): number {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0];
    const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq + steal) / ticksPerSecond();
  } catch {
    return NaN;
  }
}

export const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : "—");
