// Planning steps of the paper draw (draw.ts) that only look at counts, never at questions:
// per-difficulty quotas, and which section serves each topic minimum.
import type { QuestionType } from "./vocabulary";

/** Split `count` over weights by largest remainder; ties go to the larger weight, then the lower index. */
export function largestRemainder(count: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, w) => a + Math.max(0, w), 0);
  if (total <= 0) return weights.map((_, i) => (i === 0 ? count : 0));
  const raw = weights.map((w) => (count * Math.max(0, w)) / total);
  const out = raw.map(Math.floor);
  let left = count - out.reduce((a, n) => a + n, 0);
  const order = raw
    .map((r, i) => ({ i, frac: r - Math.floor(r), w: weights[i] }))
    .sort((a, b) => b.frac - a.frac || b.w - a.w || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k].i]++;
  return out;
}

export interface TopicPlanInput {
  sections: readonly { type: QuestionType; count: number }[];
  /** topic → minimum across all sections (untyped minimums). */
  across: ReadonlyMap<string, number>;
  /** `${type}|${topic}` → minimum within that section (typed minimums). */
  typed: ReadonlyMap<string, number>;
  /** `${type}|${topic}` → eligible items in the bank. */
  avail: ReadonlyMap<string, number>;
}

export interface TopicPlan {
  /** `${type}|${topic}` → items of that topic the section must take before filling freely. */
  take: Map<string, number>;
  /** Untyped minimums that cannot be placed: topic → how many could be. */
  unmet: Map<string, { need: number; placed: number }>;
}

/**
 * Typed minimums are taken where they are asked for. Each untyped minimum is then placed one
 * item at a time in the section with the most room left (relative to its size), so required laws
 * spread across 判断/单选/多选. When every section that still has that topic is full, an
 * augmenting path moves another topic's freely placed item to a section with room — a tiny
 * max-flow over ≤ 3 sections, so a placement exists whenever one is possible.
 * Callers have already checked typed minimums against the bank and the section sizes.
 */
export function planTopics(input: TopicPlanInput): TopicPlan {
  const types = input.sections.map((s) => s.type);
  const size = new Map(input.sections.map((s) => [s.type, s.count]));
  const take = new Map<string, number>(input.typed);
  const room = new Map(types.map((t) => [t, size.get(t)!]));
  for (const [key, n] of input.typed) {
    const t = key.slice(0, key.indexOf("|")) as QuestionType;
    if (room.has(t)) room.set(t, room.get(t)! - n);
  }
  const movable = new Map<string, number>(); // freely placed units, which augmenting paths may move
  const get = (m: Map<string, number> | ReadonlyMap<string, number>, k: string) => m.get(k) ?? 0;
  const spare = (t: QuestionType, topic: string) => get(input.avail, `${t}|${topic}`) - get(take, `${t}|${topic}`);
  const bump = (m: Map<string, number>, k: string, d: number) => m.set(k, get(m, k) + d);

  const unmet = new Map<string, { need: number; placed: number }>();
  for (const topic of [...input.across.keys()].sort()) {
    const need = input.across.get(topic)!;
    let placed = types.reduce((a, t) => a + get(take, `${t}|${topic}`), 0);
    for (; placed < need; placed++) {
      const direct = types
        .filter((t) => room.get(t)! > 0 && spare(t, topic) > 0)
        .sort((a, b) => room.get(b)! / size.get(b)! - room.get(a)! / size.get(a)!)[0];
      if (direct) {
        bump(take, `${direct}|${topic}`, 1);
        bump(movable, `${direct}|${topic}`, 1);
        room.set(direct, room.get(direct)! - 1);
      } else if (!augment(topic)) break;
    }
    if (placed < need) unmet.set(topic, { need, placed });
  }
  return { take, unmet };

  // BFS over sections: enter a full section with `topic`, push some movable topic on to the next.
  function augment(topic: string): boolean {
    const prev = new Map<QuestionType, { from: QuestionType | null; moved: string | null }>();
    const queue: QuestionType[] = [];
    for (const t of types)
      if (spare(t, topic) > 0) {
        prev.set(t, { from: null, moved: null });
        queue.push(t);
      }
    while (queue.length) {
      const s = queue.shift()!;
      if (room.get(s)! > 0) {
        // Walk back: each hop moves one unit of `moved` from `from` into `s`.
        let cur: QuestionType = s;
        room.set(s, room.get(s)! - 1);
        for (let p = prev.get(cur)!; p.from !== null; cur = p.from, p = prev.get(cur)!) {
          bump(take, `${p.from}|${p.moved}`, -1);
          bump(movable, `${p.from}|${p.moved}`, -1);
          bump(take, `${cur}|${p.moved}`, 1);
          bump(movable, `${cur}|${p.moved}`, 1);
        }
        bump(take, `${cur}|${topic}`, 1);
        bump(movable, `${cur}|${topic}`, 1);
        return true;
      }
      for (const [key, n] of movable) {
        if (n <= 0 || !key.startsWith(`${s}|`)) continue;
        const other = key.slice(s.length + 1);
        for (const t of types)
          if (!prev.has(t) && spare(t, other) > 0) {
            prev.set(t, { from: s, moved: other });
            queue.push(t);
          }
      }
    }
    return false;
  }
}
