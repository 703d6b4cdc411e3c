// One pick of the paper draw (draw.ts): the best next item from a section's (or a topic's) five
// per-difficulty lists, each already in preference order (tier, then the seeded order).

/**
 * The lowest tier (least exposed, then in fewest period papers) among the five list heads wins;
 * within it, a difficulty whose quota is still open (the most open first); else the nearest open
 * difficulty, whose quota is charged instead. Heads that are taken or blocked by the overlap
 * limit are skipped for good (both only ever grow), so a whole draw is linear in the lists.
 * Returns the item, or -1 when every list is used up or blocked.
 */
export function pickOne(
  lists: readonly number[][],
  ptr: number[],
  quota: number[],
  tier: Int32Array,
  picked: Uint8Array,
  blocked: (i: number) => boolean,
): number {
  let best = -1;
  let bestTier = Infinity;
  let bestScore = Infinity;
  for (let d = 0; d < 5; d++) {
    const list = lists[d];
    let p = ptr[d];
    while (p < list.length && (picked[list[p]] || blocked(list[p]))) p++;
    ptr[d] = p;
    if (p === list.length) continue;
    const t = tier[list[p]];
    const score = quota[d] > 0 ? -quota[d] : nearestOpen(quota, d).dist;
    if (t < bestTier || (t === bestTier && score < bestScore)) [best, bestTier, bestScore] = [d, t, score];
  }
  if (best < 0) return -1;
  const charge = quota[best] > 0 ? best : nearestOpen(quota, best).at;
  if (charge >= 0) quota[charge]--;
  return lists[best][ptr[best]];
}

function nearestOpen(quota: readonly number[], d: number): { at: number; dist: number } {
  for (let dist = 1; dist < 5; dist++)
    for (const at of [d - dist, d + dist]) if (at >= 0 && at < 5 && quota[at] > 0) return { at, dist };
  return { at: -1, dist: 5 };
}
