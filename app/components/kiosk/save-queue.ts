// The kiosk's outbox: every answer change waits here (and in localStorage, so a reload or a
// browser crash keeps it) until the server acknowledges it. Only the newest change per item is
// kept; they are sent oldest first, so they arrive in order.

export interface PendingSave {
  position: number;
  answer: unknown;
  flagged: boolean;
  seq: number;
}

export class SaveQueue {
  private pending = new Map<number, PendingSave>();
  constructor(private storageKey: string) {
    try {
      const raw = localStorage.getItem(storageKey);
      if (raw) for (const p of JSON.parse(raw) as PendingSave[]) this.pending.set(p.position, p);
    } catch {
      /* storage unavailable: the queue still works in memory */
    }
  }
  private persist() {
    try {
      localStorage.setItem(this.storageKey, JSON.stringify([...this.pending.values()]));
    } catch {
      /* ignore */
    }
  }
  put(p: PendingSave) {
    this.pending.set(p.position, p);
    this.persist();
  }
  /** Drop the entry once the server acknowledged this or a newer seq for its item. */
  ack(position: number, seq: number) {
    const p = this.pending.get(position);
    if (p && p.seq <= seq) {
      this.pending.delete(position);
      this.persist();
    }
  }
  next(): PendingSave | undefined {
    let best: PendingSave | undefined;
    for (const p of this.pending.values()) if (!best || p.seq < best.seq) best = p;
    return best;
  }
  get size() {
    return this.pending.size;
  }
  maxSeq() {
    let m = 0;
    for (const p of this.pending.values()) m = Math.max(m, p.seq);
    return m;
  }
  all() {
    return [...this.pending.values()];
  }
}
