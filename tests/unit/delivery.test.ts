import fc from "fast-check";
import { isAnswerError, kioskPaper, normaliseAnswer, type DeliveryItem } from "~/domain/delivery";
import { shuffleFor } from "~/domain/draw";

/** A paper of 5 judge, 6 single (4 options), 4 multiple (5 options), given out of order. */
function paper(): DeliveryItem[] {
  const items: DeliveryItem[] = [];
  for (let p = 1; p <= 15; p++) {
    const section = p <= 5 ? "judge" : p <= 11 ? "single" : "multiple";
    const n = section === "judge" ? 0 : section === "single" ? 4 : 5;
    items.push({ position: p, section, stem: `第${p}题题干`, options: Array.from({ length: n }, (_, i) => `题${p}选项${i}`) });
  }
  return [items[14], ...items.slice(3, 14).reverse(), items[0], items[2], items[1]];
}
const order = (seed: string) => kioskPaper(paper(), seed).map((k) => k.position);

describe("the kiosk paper", () => {
  it("is deterministic for a seed and does not depend on the input order", () => {
    const a = kioskPaper(paper(), "attempt-seed-1");
    expect(kioskPaper(paper(), "attempt-seed-1")).toEqual(a);
    expect(kioskPaper([...paper()].sort((x, y) => x.position - y.position), "attempt-seed-1")).toEqual(a);
  });

  it("keeps the sections in order and every item exactly once, numbered 1..n", () => {
    const k = kioskPaper(paper(), "s");
    expect(k.map((i) => i.section)).toEqual([...Array(5).fill("judge"), ...Array(6).fill("single"), ...Array(4).fill("multiple")]);
    expect(k.map((i) => i.index)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect([...k.map((i) => i.position)].sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it("shuffles items within sections and options within items, by seed", () => {
    const seeds = ["a", "b", "c", "d", "e"];
    expect(new Set(seeds.map((s) => order(s).join(","))).size).toBeGreaterThan(1);
    const opts = (s: string) => kioskPaper(paper(), s).find((k) => k.position === 12)!.options.map((o) => o.key).join("");
    expect(new Set(seeds.map(opts)).size).toBeGreaterThan(1);
    // The derivation an auditor can repeat: section order and option order from the stored seed.
    const judge = [1, 2, 3, 4, 5];
    expect(order("a").slice(0, 5)).toEqual(shuffleFor("a|section|judge", 5).map((i) => judge[i]));
    expect(opts("a")).toEqual(shuffleFor("a|item|12", 5).map((i) => "ABCDE"[i]).join(""));
  });

  it("judge items have no options; choice options map back to the right texts", () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        for (const k of kioskPaper(paper(), seed)) {
          if (k.section === "judge") {
            expect(k.options).toEqual([]);
            continue;
          }
          const src = paper().find((i) => i.position === k.position)!;
          expect(k.stem).toBe(src.stem);
          expect(k.options.map((o) => o.label)).toEqual(["A", "B", "C", "D", "E"].slice(0, src.options.length));
          for (const o of k.options) expect(o.text).toBe(src.options["ABCDEF".indexOf(o.key)]);
          expect(k.options.map((o) => o.key).sort()).toEqual(["A", "B", "C", "D", "E"].slice(0, src.options.length));
        }
      }),
      { numRuns: 50 },
    );
  });

  it("carries nothing beyond the delivery fields, even if the caller passes a full question", () => {
    const leaky = paper().map((i) => ({ ...i, answer: ["A"], explanation: "依据第十条", correct: true }));
    const json = JSON.stringify(kioskPaper(leaky, "s"));
    expect(json).not.toMatch(/answer|explanation|correct|依据第十条/);
    for (const k of kioskPaper(leaky, "s")) {
      expect(Object.keys(k).sort()).toEqual(["index", "options", "position", "section", "stem"]);
      for (const o of k.options) expect(Object.keys(o).sort()).toEqual(["key", "label", "text"]);
    }
  });
});

describe("normalising what a kiosk sends", () => {
  it("judge: a boolean, or null to clear", () => {
    expect(normaliseAnswer("judge", true)).toBe(true);
    expect(normaliseAnswer("judge", false)).toBe(false);
    expect(normaliseAnswer("judge", null)).toBeNull();
    expect(normaliseAnswer("judge", "true")).toEqual({ error: "判断题答案须为 true（正确）或 false（错误），收到 “true”" });
    expect(normaliseAnswer("judge", 1)).toEqual({ error: "判断题答案须为 true（正确）或 false（错误），收到 1" });
  });
  it("single: one letter within the option count", () => {
    expect(normaliseAnswer("single", "C", 4)).toBe("C");
    expect(normaliseAnswer("single", " c ", 4)).toBe("C");
    expect(normaliseAnswer("single", "", 4)).toBeNull();
    expect(normaliseAnswer("single", "E", 4)).toEqual({ error: "单选题答案须为一个选项字母 A–D，收到 “E”" });
    expect(normaliseAnswer("single", ["A"], 4)).toEqual({ error: '单选题答案须为一个选项字母 A–D，收到 ["A"]' });
    expect(normaliseAnswer("single", "AB", 4)).toEqual({ error: "单选题答案须为一个选项字母 A–D，收到 “AB”" });
    expect(normaliseAnswer("single", "F")).toBe("F"); // no count given: any of A–F
  });
  it("multiple: a sorted set of valid letters; an empty array clears", () => {
    expect(normaliseAnswer("multiple", ["D", "a", "C", "A"], 5)).toEqual(["A", "C", "D"]);
    expect(normaliseAnswer("multiple", [], 5)).toBeNull();
    expect(normaliseAnswer("multiple", ["A", "F"], 5)).toEqual({ error: "多选题答案含无效选项 “F”，选项须为 A–E" });
    expect(normaliseAnswer("multiple", ["A", 2], 5)).toEqual({ error: "多选题答案含无效选项 2，选项须为 A–E" });
    expect(normaliseAnswer("multiple", "AC", 5)).toEqual({ error: "多选题答案须为选项字母的数组（A–E），收到 “AC”" });
  });
  it("refuses a missing answer and an unknown type, and errors are recognisable", () => {
    const missing = normaliseAnswer("single", undefined, 4);
    expect(missing).toEqual({ error: "缺少答案（清除作答请发送 null）" });
    expect(isAnswerError(missing)).toBe(true);
    expect(isAnswerError(normaliseAnswer("multiple", ["A"], 4))).toBe(false);
    expect(isAnswerError(normaliseAnswer("judge", false))).toBe(false);
    expect(isAnswerError(normaliseAnswer("judge", null))).toBe(false);
    expect(normaliseAnswer("essay" as never, "x")).toEqual({ error: "未知题型：essay" });
  });
});
