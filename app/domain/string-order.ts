// Sorting many strings in time linear in their total length, for the draw's canonical bank order.
// Keys already in order (a bank read in id order) cost one pass. Otherwise an MSD radix sort over
// a compact copy of the characters: in V8 it takes about half the time of Array.prototype.sort with
// a comparator on 70,000 shuffled ids, and a third on 7,000. It orders exactly as `<` does.

const SMALL = 24; // groups this small are insertion-sorted
const RADIX = 129; // 0 = the key has ended, 1..128 = ASCII code + 1

/** The positions of `keys` in ascending `<` order (equal keys in any order). */
export function sortedOrder(keys: readonly string[]): Int32Array {
  const n = keys.length;
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = keys[i - 1] <= keys[i];
  if (sorted) return a; // the usual case: a bank read in id order
  // Copy the characters into one compact buffer first: strings are scattered over the heap, and
  // each radix pass would otherwise miss the cache once per key.
  const off = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) off[i + 1] = off[i] + keys[i].length;
  const chars = new Uint16Array(off[n]);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    for (let j = 0, o = off[i]; j < k.length; j++) chars[o + j] = k.charCodeAt(j);
  }
  const buf = new Int32Array(n);
  const code = new Uint8Array(n);
  const count = new Int32Array(RADIX + 1);
  const stack: number[] = [0, n, 0]; // lo, hi, depth
  while (stack.length) {
    const depth = stack.pop()!;
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    if (hi - lo <= SMALL) {
      insertionSort(a, lo, hi, keys);
      continue;
    }
    count.fill(0);
    let wide = false;
    for (let i = lo; i < hi; i++) {
      const x = a[i];
      const c = off[x] + depth < off[x + 1] ? chars[off[x] + depth] + 1 : 0;
      if (c >= RADIX) {
        wide = true;
        break;
      }
      code[i] = c;
      count[c + 1]++;
    }
    if (wide) {
      // Non-ASCII at this depth: rare for bank ids, so a comparison sort is fine.
      const part = Array.from(a.subarray(lo, hi)).sort((x, y) => (keys[x] < keys[y] ? -1 : keys[x] > keys[y] ? 1 : 0));
      a.set(part, lo);
      continue;
    }
    for (let c = 1; c <= RADIX; c++) count[c] += count[c - 1]; // count[c] = start of bucket c
    for (let i = lo; i < hi; i++) buf[lo + count[code[i]]++] = a[i]; // now count[c] = end of bucket c
    a.set(buf.subarray(lo, hi), lo);
    for (let c = 1, start = count[0]; c < RADIX; start = count[c], c++) // bucket 0: equal keys, done
      if (count[c] - start > 1) stack.push(lo + start, lo + count[c], depth + 1);
  }
  return a;
}

function insertionSort(a: Int32Array, lo: number, hi: number, keys: readonly string[]) {
  for (let i = lo + 1; i < hi; i++) {
    const x = a[i];
    const k = keys[x];
    let j = i - 1;
    while (j >= lo && keys[a[j]] > k) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}
