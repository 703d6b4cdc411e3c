// Plan and coverage, broken down by the chosen dimension.
import { Link, useLoaderData } from "@remix-run/react";
import type { coverageView } from "~/data/report-views.server";
import { DIMENSION_LABEL } from "~/domain/reports/group";
import { L, useLang } from "~/utils/i18n";
import { CoverageTable } from "../CoverageTable";
import { CoverageChart } from "./ReportCharts";
import { ReportFilters } from "./ReportFilters";

export type CoverageData = Awaited<ReturnType<typeof coverageView>> & { base: string };

export function CoverageReport() {
  const d = useLoaderData() as CoverageData;
  const lang = useLang();
  const en = lang === "en";
  return (
    <>
      <p><Link to={d.base}>← {en ? "Reports" : "报表"}</Link></p>
      <h1>
        {en ? "Plan and coverage" : "计划与覆盖"} · {d.all ? (en ? "all years" : "全部年度") : d.year} · {L(lang, DIMENSION_LABEL[d.by])}
      </h1>
      <ReportFilters years={d.years} year={d.all ? null : d.year} allowAll by={d.by} dimensions={d.dimensions} notice={d.notice} />
      <p className="muted">
        {en
          ? "Trained: enrolled (not withdrawn). Eligible: hours meet the rules. Sat / passed: released results, first sitting or resit. Certified: valid certificates. County: the trainee's enterprise's county. The plan is kept per year × industry × category, so it shows only for those breakdowns."
          : "参训：在册学员（不含退训）；学时达标：学时符合规定、具备考试资格；参考、合格：已发布的首次考试或补考成绩；发证：有效的培训考核合格证明。县（市、区）按学员所在企业统计。年度计划按年度 × 行业 × 人员类别下达，因此仅在这几种分组下显示计划数。"}
      </p>
      <CoverageChart rows={d.rows} withPlan={d.hasPlan} />
      <CoverageTable rows={d.rows} total={d.total} by={d.by} plan={d.hasPlan} />
    </>
  );
}
