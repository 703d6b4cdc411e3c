// Preloaded into an app server by `bench:load --stalls` (node --import): what holds the event
// loop. Every request waits behind whatever runs on the one thread, so a save's tail latency is
// mostly these stalls: the event loop's delay (a 1 ms timer's lateness, as a histogram) and every
// garbage-collection pause by kind. Written to $STALLS_OUT as JSON when the server stops.
import { writeFileSync } from "node:fs";
import { constants, monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";

const out = process.env.STALLS_OUT;
if (out) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const kinds: Record<number, string> = {
    [constants.NODE_PERFORMANCE_GC_MINOR]: "minor (scavenge)",
    [constants.NODE_PERFORMANCE_GC_MAJOR]: "major (mark-compact)",
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental marking",
    [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weak callbacks",
  };
  const gc = new Map<string, { count: number; ms: number; max: number; over10: number }>();
  /** Pauses of 20 ms and more, with when they happened (ms since start). */
  const long: Array<{ at: number; kind: string; ms: number }> = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = kinds[((e as PerformanceEntry & { detail?: { kind?: number } }).detail)?.kind ?? -1] ?? "other";
      const g = gc.get(kind) ?? { count: 0, ms: 0, max: 0, over10: 0 };
      g.count++;
      g.ms += e.duration;
      g.max = Math.max(g.max, e.duration);
      if (e.duration >= 10) g.over10++;
      gc.set(kind, g);
      if (e.duration >= 20 && long.length < 200) long.push({ at: Math.round(e.startTime), kind, ms: Math.round(e.duration) });
    }
  }).observe({ entryTypes: ["gc"] });
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  process.on("exit", () =>
    writeFileSync(
      out,
      JSON.stringify({
        loopDelay: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), p999: ms(loop.percentile(99.9)), max: ms(loop.max), samples: loop.count },
        gc: Object.fromEntries(gc),
        longGc: long,
        heapMb: Math.round(process.memoryUsage().heapUsed / 1e6),
      }),
    ),
  );
  process.on("SIGTERM", () => process.exit(0));
}
