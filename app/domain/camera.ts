// When a camera is required, the kiosk takes a snapshot at sign-in and at a few random moments
// during the attempt. The moments come from the attempt's stored seed: auditable, not guessable
// by the candidate in advance (the seed never leaves the server), never an unseeded random.
import seedrandom from "seedrandom";

/** `count` distinct moments (seconds after the start), spread over the middle of the exam. */
export function snapshotSchedule(seed: string, durationSec: number, count = 3): number[] {
  const rng = seedrandom(`${seed}|camera`);
  const lo = Math.min(60, durationSec / 4);
  const hi = Math.max(lo + 1, durationSec - 60);
  const out = new Set<number>();
  while (out.size < count) out.add(Math.floor(lo + rng() * (hi - lo)));
  return [...out].sort((a, b) => a - b);
}

/** Milliseconds until the next scheduled snapshot, or null when none is left. */
export function nextSnapshotInMs(schedule: number[], elapsedMs: number): number | null {
  const next = schedule.find((s) => s * 1000 > elapsedMs);
  return next === undefined ? null : next * 1000 - elapsedMs;
}
