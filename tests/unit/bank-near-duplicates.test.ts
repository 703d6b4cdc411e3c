// Near-duplicate stems: normalisation, the threshold, and the indexed search agreeing with brute force.
import fc from "fast-check";
import { bigrams, findNearDuplicates, jaccard, normaliseStem } from "~/domain/bank/near-duplicates";

test("normalisation drops punctuation, whitespace, width and case", () => {
  expect(normaliseStem("  生产经营单位（  ）应当，ＡＢＣ abc。\n")).toBe("生产经营单位应当abcabc");
  expect(normaliseStem("《安全生产法》第5条：")).toBe("安全生产法第5条");
});

test("jaccard over character bigrams", () => {
  expect(jaccard(bigrams("abcd"), bigrams("abcd"))).toBe(1);
  expect(jaccard(bigrams("abcd"), bigrams("abce"))).toBeCloseTo(2 / 4);
  expect(jaccard(bigrams("安全生产"), bigrams("职业病防治"))).toBe(0);
});

test("finds identical and near-identical stems, not merely similar ones", () => {
  const stems = [
    "生产经营单位的主要负责人对本单位的安全生产工作全面负责，是本单位安全生产的第一责任人。",
    "特种作业人员必须按照国家有关规定经专门的安全作业培训，取得相应资格，方可上岗作业。",
    "生产经营单位的主要负责人对本单位的安全生产工作全面负责，是本单位安全生产第一责任人。", // 0.91
    "特种作业人员应当按照国家有关规定经专门的安全作业培训，取得相应资格后，方可上岗作业。", // 0.78
    "特种作业人员必须按照国家有关规定经专门的安全作业培训 取得相应资格 方可上岗作业", // same text
  ];
  const pairs = findNearDuplicates(stems);
  expect(pairs.map((p) => [p.first, p.second])).toEqual([
    [0, 2],
    [1, 4],
  ]);
  expect(pairs[0].similarity).toBeCloseTo(0.906, 3);
  expect(pairs[1].similarity).toBe(1);
});

test("empty stems are not duplicates of each other (they are reported as empty)", () => {
  expect(findNearDuplicates(["", "（  ）", "。"])).toEqual([]);
});

test("pairs every copy of a stem too short for bigrams, not only the first (found by the property below)", () => {
  expect(findNearDuplicates(["不", "不", "不"], 0.5).map((p) => [p.first, p.second])).toEqual([[0, 1], [0, 2], [1, 2]]);
});

test("the indexed search finds exactly the pairs brute force finds", () => {
  const word = fc.constantFrom("安全", "生产", "经营", "单位", "应当", "责任", "培训", "作业", "人员", "，", "不");
  const stem = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(""));
  fc.assert(
    fc.property(fc.array(stem, { maxLength: 30 }), fc.constantFrom(0.5, 0.7, 0.9), (stems, t) => {
      const norm = stems.map(normaliseStem);
      const grams = norm.map(bigrams);
      const expected: Array<[number, number]> = [];
      for (let j = 0; j < stems.length; j++)
        for (let i = 0; i < j; i++)
          if (norm[i] !== "" && (norm[i] === norm[j] || jaccard(grams[i], grams[j]) >= t)) expected.push([i, j]);
      expect(findNearDuplicates(stems, t).map((p) => [p.first, p.second])).toEqual(expected);
    }),
    { numRuns: 300 },
  );
});

test("10,000 stems: one pass over an inverted index", () => {
  // Distinct stems built from a vocabulary, like a real bank; plus two planted near-duplicates.
  const words = "安全 生产 经营 单位 主要 负责人 从业 人员 培训 教育 职业病 防治 工伤 保险 矿山 机械 设备 隐患 排查 治理 应急 预案 演练 事故 报告 调查 处理 责任 追究 监督 管理 部门 劳动 防护 用品 特种 作业 操作 资格 证书".split(" ");
  let x = 12345;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648), x / 2147483648);
  const stems = Array.from({ length: 10_000 }, (_, i) =>
    Array.from({ length: 10 + (i % 8) }, () => words[Math.floor(rnd() * words.length)]).join("") + `第${i}号`,
  );
  stems.push(stems[42] + "。", stems[4242].slice(0, -1) + "甲");
  const t0 = performance.now();
  const pairs = findNearDuplicates(stems);
  const ms = performance.now() - t0;
  console.log(`[near-duplicates] 10,002 stems in ${Math.round(ms)} ms`);
  expect(pairs.map((p) => [p.first, p.second])).toEqual([
    [42, 10_000],
    [4242, 10_001],
  ]);
});
