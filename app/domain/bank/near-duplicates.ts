// Near-duplicate stems across the whole bank. A stem is normalised (width, case, punctuation and
// whitespace removed) and cut into character bigrams; two stems are near duplicates when their
// normalised texts are identical or their bigram sets have Jaccard similarity ≥ the threshold.
// Candidates come from prefix filtering over an inverted index (rarest bigrams first), so a
// 10,000-question bank costs about one lookup per stem, not 50 million comparisons.

export const NEAR_DUPLICATE_THRESHOLD = 0.9;

export function normaliseStem(stem: string): string {
  return stem.normalize("NFKC").toLowerCase().replace(/[\p{P}\p{S}\p{Z}\s]+/gu, "");
}

export function bigrams(s: string): Set<string> {
  const chars = Array.from(s);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

/** |A ∩ B| / |A ∪ B|; 0 for two empty sets (stems too short for bigrams match only when identical). */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) common++;
  return common / (a.size + b.size - common);
}

export interface NearDuplicate {
  /** Indexes into the input; `first` < `second`. */
  first: number;
  second: number;
  similarity: number;
}

/** Every pair of near-duplicate stems, ordered by `second` then `first`. */
export function findNearDuplicates(stems: readonly string[], threshold = NEAR_DUPLICATE_THRESHOLD): NearDuplicate[] {
  const norm = stems.map(normaliseStem);
  const tokens = tokenise(norm.map(bigrams));
  const index: number[][] = []; // token → stems whose prefix holds it
  const stamp = new Int32Array(stems.length).fill(-1); // stamp[i] === j: i already compared with j
  const withText = new Map<string, number[]>(); // normalised text → every earlier stem with it
  const pairs: NearDuplicate[] = [];

  for (let j = 0; j < stems.length; j++) {
    const found: Array<[number, number]> = [];
    if (norm[j] !== "") {
      // Every earlier copy, not only the first: a stem too short for bigrams is found no other way.
      const same = withText.get(norm[j]);
      for (const i of same ?? []) {
        found.push([i, 1]);
        stamp[i] = j;
      }
      if (same) same.push(j);
      else withText.set(norm[j], [j]);
    }
    // Two sets with J ≥ t share a token among the first |A| − ⌈t·|A|⌉ + 1 of a common order.
    const a = tokens[j];
    const prefix = a.length ? a.length - Math.ceil(threshold * a.length) + 1 : 0;
    for (let p = 0; p < prefix; p++) {
      const list = (index[a[p]] ??= []);
      for (const i of list) {
        if (stamp[i] === j) continue;
        stamp[i] = j;
        const b = tokens[i];
        if (Math.min(a.length, b.length) < threshold * Math.max(a.length, b.length)) continue; // J ≤ min/max
        const sim = similarityAtLeast(a, b, threshold);
        if (sim >= threshold) found.push([i, sim]);
      }
      list.push(j);
    }
    found.sort((x, y) => x[0] - y[0]);
    for (const [i, similarity] of found) pairs.push({ first: i, second: j, similarity });
  }
  return pairs;
}

/** Bigrams → integer tokens numbered rarest first, each stem's tokens sorted ascending. */
function tokenise(sets: ReadonlyArray<Set<string>>): Int32Array[] {
  const freq = new Map<string, number>();
  for (const g of sets) for (const x of g) freq.set(x, (freq.get(x) ?? 0) + 1);
  const order = [...freq.keys()].sort((x, y) => freq.get(x)! - freq.get(y)! || (x < y ? -1 : x > y ? 1 : 0));
  const rank = new Map(order.map((g, i) => [g, i]));
  return sets.map((g) => Int32Array.from(g, (x) => rank.get(x)!).sort());
}

/** Jaccard of two sorted token lists, or 0 as soon as it cannot reach `t`. */
function similarityAtLeast(a: Int32Array, b: Int32Array, t: number): number {
  const need = Math.ceil((t / (1 + t)) * (a.length + b.length) - 1e-6); // J ≥ t ⇔ |A∩B| ≥ t/(1+t)·(|A|+|B|)
  let i = 0;
  let k = 0;
  let common = 0;
  while (i < a.length && k < b.length) {
    if (common + Math.min(a.length - i, b.length - k) < need) return 0;
    if (a[i] === b[k]) {
      common++;
      i++;
      k++;
    } else if (a[i] < b[k]) i++;
    else k++;
  }
  return common / (a.length + b.length - common);
}
