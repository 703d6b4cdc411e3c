// A virtual candidate for the load bench: a kiosk with its own cookies (tests/support Kiosk), the
// answers it plans to give (about 85 items, some changed later), and the ledger of every save
// the server acknowledged, which the bench checks against the database at the end.
import type { KioskItem } from "../../app/domain/delivery.js";
import { Kiosk } from "../../tests/support/exam-setup.js";
import type { FixtureCandidate } from "./exam-fixture.js";
import type { SseStream } from "./sse-client.js";

export interface PlannedSave {
  position: number;
  answer: boolean | string | string[];
  flagged: boolean;
}

export class VirtualCandidate {
  kiosk: Kiosk;
  items: KioskItem[] = [];
  plan: PlannedSave[] = [];
  seq = 0;
  /** position → the newest acknowledged save. */
  acked = new Map<number, { seq: number; answer: PlannedSave["answer"] }>();
  stream?: SseStream;
  constructor(
    public c: FixtureCandidate,
    public room: number,
    base: string,
  ) {
    this.kiosk = new Kiosk(base);
  }

  /** Save as the kiosk's outbox does: one change, the next seq; remember what was acknowledged. */
  async save(s: PlannedSave): Promise<{ status: number; data: Record<string, unknown> }> {
    const seq = ++this.seq;
    const r = await this.kiosk.save(s.position, s.answer, seq, s.flagged);
    if (r.status === 200 && r.data.ok === true && r.data.ack === seq) {
      const prev = this.acked.get(s.position);
      if (!prev || prev.seq < seq) this.acked.set(s.position, { seq, answer: s.answer });
    }
    return r;
  }
}

export function randomAnswer(item: KioskItem, rng: () => number, not?: PlannedSave["answer"]): PlannedSave["answer"] {
  for (;;) {
    let a: PlannedSave["answer"];
    if (item.section === "judge") a = rng() < 0.5;
    else if (item.section === "single") a = item.options[Math.floor(rng() * item.options.length)].key;
    else {
      const keys = item.options.map((o) => o.key).filter(() => rng() < 0.5);
      a = (keys.length ? keys : [item.options[0].key]).sort();
    }
    if (JSON.stringify(a) !== JSON.stringify(not)) return a;
  }
}

/**
 * The saves a candidate makes: `answer` items in display order (the rest left blank), and for a
 * `changes` share of them a change of mind later in the exam; a few first answers are flagged.
 */
export function planAnswers(items: KioskItem[], rng: () => number, answer = 85, changes = 0.15): PlannedSave[] {
  const skip = new Set<number>();
  while (skip.size < Math.max(0, items.length - answer)) skip.add(items[Math.floor(rng() * items.length)].position);
  const plan: PlannedSave[] = [];
  const later: Array<{ after: number; save: PlannedSave }> = [];
  for (const item of items) {
    if (skip.has(item.position)) continue;
    const first = randomAnswer(item, rng);
    plan.push({ position: item.position, answer: first, flagged: rng() < 0.05 });
    if (rng() < changes) later.push({ after: plan.length + Math.floor(rng() * (items.length - plan.length)), save: { position: item.position, answer: randomAnswer(item, rng, first), flagged: false } });
  }
  for (const l of later.sort((a, b) => b.after - a.after)) plan.splice(Math.min(l.after, plan.length), 0, l.save);
  return plan;
}
