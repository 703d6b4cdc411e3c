// Coverage counts, and "usable" per industry × category (general counts for both industries).
import { bankStats, usableFor } from "~/domain/bank/stats";
import type { QuestionContent } from "~/domain/question";

const q = (over: Partial<QuestionContent>): QuestionContent => ({
  type: "single",
  topic: "安全生产法",
  stem: "题干",
  options: ["甲", "乙", "丙"],
  answer: "A",
  explanation: "解析",
  source: "《安全生产法》第一条",
  industry: ["general"],
  audience: ["SAFETY_LEADER", "SAFETY_MANAGER", "TEAM_LEADER"],
  difficulty: 2,
  ...over,
});

const bank = [
  q({}),
  q({ type: "judge", industry: ["mining"], audience: ["TEAM_LEADER"], difficulty: 1 }),
  q({ type: "multiple", topic: "矿山安全", industry: ["mining", "machinery"], audience: ["SAFETY_LEADER"], difficulty: 5 }),
  q({ topic: "机械制造安全", industry: ["machinery"], audience: ["SAFETY_MANAGER", "TEAM_LEADER"], difficulty: 3 }),
];

test("counts by type, topic, tag and difficulty, with every known key present", () => {
  const s = bankStats(bank);
  expect(s.total).toBe(4);
  expect(s.byType).toEqual({ judge: 1, single: 2, multiple: 1 });
  expect(s.byTopic).toMatchObject({ 安全生产法: 2, 矿山安全: 1, 机械制造安全: 1, 刑法: 0 });
  expect(Object.keys(s.byTopic)).toHaveLength(12);
  expect(s.byTopicType["安全生产法"]).toEqual({ judge: 1, single: 1, multiple: 0 });
  expect(s.byIndustry).toEqual({ general: 1, mining: 2, machinery: 2 });
  expect(s.byCategory).toEqual({ SAFETY_LEADER: 2, SAFETY_MANAGER: 2, TEAM_LEADER: 3 });
  expect(s.byDifficulty).toEqual({ 1: 1, 2: 1, 3: 1, 4: 0, 5: 1 });
});

test("usable per industry × category: general or matching industry, audience including the category", () => {
  const usable = Object.fromEntries(bankStats(bank).pairs.map((p) => [`${p.industry}/${p.category}`, p.usable]));
  expect(usable).toEqual({
    "MINING/SAFETY_LEADER": 2, // general + mining-and-machinery
    "MINING/SAFETY_MANAGER": 1,
    "MINING/TEAM_LEADER": 2, // general + mining judge
    "MACHINERY/SAFETY_LEADER": 2,
    "MACHINERY/SAFETY_MANAGER": 2, // general + machinery
    "MACHINERY/TEAM_LEADER": 2,
  });
  const mt = bankStats(bank).pairs.find((p) => p.industry === "MINING" && p.category === "TEAM_LEADER")!;
  expect(mt.byType).toEqual({ judge: 1, single: 1, multiple: 0 });
  expect(usableFor(bank[1], "MACHINERY", "TEAM_LEADER")).toBe(false);
});
