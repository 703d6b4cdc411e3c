// The two charts the reports use: coverage bars per group, and the pass rate per session.
import type { CoverageRow } from "~/domain/reports/coverage";
import { pctText } from "~/domain/reports/facts";
import type { TrendPoint } from "~/domain/reports/pass-rates";
import { L, useLang } from "~/utils/i18n";
import { BarChart, type Series } from "../charts/BarChart";
import { RateChart } from "../charts/RateChart";

const SERIES = {
  planned: { zh: "计划", en: "Planned", color: "#aab4c2" },
  trained: { zh: "参训", en: "Trained", color: "#2c5aa0" },
  sat: { zh: "参考", en: "Sat", color: "#c98a1a" },
  passed: { zh: "合格", en: "Passed", color: "#2c8a4b" },
  certified: { zh: "发证", en: "Certified", color: "#7b4fa0" },
} as const;

/** Planned (where the breakdown has a plan), trained, sat, passed and certified per group. */
export function CoverageChart({ rows, withPlan, max = 30 }: { rows: CoverageRow[]; withPlan: boolean; max?: number }) {
  const lang = useLang();
  const keys = (withPlan ? ["planned", "trained", "sat", "passed", "certified"] : ["trained", "sat", "passed", "certified"]) as Array<keyof typeof SERIES>;
  const series: Series[] = keys.map((k) => ({ name: L(lang, SERIES[k]), color: SERIES[k].color }));
  const shown = rows.slice(0, max);
  return (
    <>
      <BarChart
        title={lang === "en" ? "Plan and coverage" : "计划与覆盖情况"}
        series={series}
        rows={shown.map((r) => ({ label: (r.year && withPlan && rows.some((x) => x.year !== r.year) ? `${r.year} ` : "") + L(lang, r.label), values: keys.map((k) => r[k]) }))}
      />
      {rows.length > max && <p className="muted">{lang === "en" ? `Chart shows the first ${max} of ${rows.length} rows; the table has them all.` : `图中仅显示前 ${max} 组（共 ${rows.length} 组），表格列出全部。`}</p>}
    </>
  );
}

/** Pass rate per released session in date order, with the overall rate dashed across. */
export function TrendChart({ points, overall, max = 16 }: { points: TrendPoint[]; overall: number | null; max?: number }) {
  const lang = useLang();
  const en = lang === "en";
  if (points.length === 0) return <p className="muted">{en ? "No released results yet." : "尚无已发布的考试成绩。"}</p>;
  const shown = points.slice(-max);
  return (
    <>
      <RateChart
        title={en ? "Pass rate by session" : "各场次合格率"}
        reference={overall}
        referenceLabel={en ? "overall" : "总体"}
        points={shown.map((p) => ({
          label: p.date.slice(2),
          sub: p.resitSat && !p.firstSat ? (en ? "resit" : "补考") : p.resitSat ? (en ? "mixed" : "含补考") : en ? "first" : "首考",
          value: p.rate,
          note: `${p.passed}/${p.sat}`,
        }))}
      />
      {points.length > max && <p className="muted">{en ? `Latest ${max} of ${points.length} sessions.` : `显示最近 ${max} 场（共 ${points.length} 场）。`}</p>}
      <p className="muted" style={{ fontSize: ".85rem" }}>
        {en ? `Each column: passed / sat in one session (absentees excluded). Overall ${pctText(overall)}.` : `每一列为一个考试场次的合格人数/参考人数（不含缺考）。总体合格率 ${pctText(overall)}。`}
      </p>
    </>
  );
}
