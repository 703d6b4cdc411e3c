// The shipped bank (question-bank/): zero problems, and enough questions of every kind to draw
// papers for every industry × category.
import { join } from "node:path";
import { loadBankDir } from "../../scripts/lib/bank-files";
import { bankStats } from "~/domain/bank/stats";
import { formatProblem } from "~/domain/bank/types";

const { questions, problems } = loadBankDir(join(__dirname, "../../question-bank"));
const stats = bankStats(questions);

test("validates with zero problems", () => {
  expect(problems.map(formatProblem)).toEqual([]);
});

test("at least 600 questions: 200 judge, 250 single, 120 multiple", () => {
  expect(stats.total).toBeGreaterThanOrEqual(600);
  const floor = { judge: 200, single: 250, multiple: 120 } as const;
  const short = Object.entries(floor).filter(([t, n]) => stats.byType[t] < n).map(([t, n]) => `${t}: ${stats.byType[t]} < ${n}`);
  expect(short).toEqual([]);
});

const TOPIC_FLOOR = ["安全生产法", "职业病防治法", "工伤保险条例", "社会保险法", "刑法", "工伤预防", "职业病预防", "矿山安全", "机械制造安全"];
test.each(TOPIC_FLOOR)("at least 40 questions on %s", (topic) => {
  expect(stats.byTopic[topic]).toBeGreaterThanOrEqual(40);
});

test("at least 250 usable questions for every industry × category", () => {
  const short = stats.pairs.filter((p) => p.usable < 250).map((p) => `${p.industry}/${p.category}: ${p.usable}`);
  expect(short).toEqual([]);
});

test("every difficulty 1–5 is present", () => {
  expect(Object.entries(stats.byDifficulty).filter(([, n]) => n === 0).map(([d]) => d)).toEqual([]);
});
