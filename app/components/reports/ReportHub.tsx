// The reports' landing page: the year at a glance, the plan chart, the trend, and the way to
// each report and download.
import { Link, useLoaderData } from "@remix-run/react";
import type { hubView } from "~/data/report-views.server";
import { pctText } from "~/domain/reports/facts";
import { useLang } from "~/utils/i18n";
import { CoverageTable } from "../CoverageTable";
import { CoverageChart, TrendChart } from "./ReportCharts";
import { ReportFilters } from "./ReportFilters";

export type HubData = Awaited<ReturnType<typeof hubView>> & { base: string; items?: boolean; noAcceptance?: boolean };

export function ReportHub() {
  const d = useLoaderData() as HubData;
  const en = useLang() === "en";
  const T = (zh: string, e: string) => (en ? e : zh);
  const q = d.year ? `?year=${d.year}` : "";
  return (
    <>
      <h1>{T("培训与考核报表", "Training and assessment reports")}{d.year ? ` · ${d.year}` : ""}</h1>
      <p className="muted">
        {T("只读。仅统计已发布的考试成绩。", "Read-only. Only released results count.")}
        {d.hasPlan && T("计划人数为市局年度培训计划。", " Planned figures are the bureau's yearly plan.")}
      </p>
      <ReportFilters years={d.years} year={d.year} notice={d.notice} />
      {d.year === null ? <p className="notice">{T("尚无培训数据。", "No training data yet.")}</p> : (
        <>
          <div className="stats">
            {d.hasPlan ? (
              <div className="stat"><b>{d.total.trained}<small> / {d.total.planned}</small></b>{T("参训 / 计划", "Trained / planned")}<br /><span className="muted">{T("完成率", "coverage")} {pctText(d.total.coverage)}</span></div>
            ) : (
              <div className="stat"><b>{d.total.trained}</b>{T("参训", "Trained")}<br /><span className="muted">{T("在册学员", "enrolled")}</span></div>
            )}
            <div className="stat"><b>{d.total.sat}</b>{T("参加考试", "Sat an exam")}<br /><span className="muted">{T("学时达标", "eligible")} {d.total.eligible}</span></div>
            <div className="stat"><b>{pctText(d.pass.firstRate)}</b>{T("首次考试合格率", "First-sitting pass rate")}<br /><span className="muted">{d.pass.firstPassed}/{d.pass.firstSat}</span></div>
            <div className="stat"><b>{pctText(d.pass.overallRate)}</b>{T("含补考合格率", "Pass rate after resit")}<br /><span className="muted">{d.pass.passed}/{d.pass.sat}</span></div>
            <div className="stat"><b>{d.certificates.valid}</b>{T("有效合格证明", "Valid certificates")}<br /><span className="muted">{T("撤销", "revoked")} {d.certificates.revoked}</span></div>
            <div className="stat"><b>{d.feeListed}</b>{T("工伤预防费名单", "Fee-eligible trainees")}<br /><span className="muted">{T("学时达标且考试合格", "eligible hours and passed")}</span></div>
          </div>

          <h2>{T("计划与覆盖", "Plan and coverage")}</h2>
          <CoverageChart rows={d.rows} withPlan={d.hasPlan} />
          <CoverageTable rows={d.rows} total={d.total} by="plan" plan={d.hasPlan} />

          <h2>{T("合格率趋势", "Pass-rate trend")}</h2>
          <TrendChart points={d.trend} overall={d.pass.overallRate} />

          <h2>{T("报表与下载", "Reports and downloads")}</h2>
          <div className="report-links">
            <Link className="card" to={`${d.base}/coverage${q}`}><b>{T("计划与覆盖", "Plan and coverage")}</b>{T("按年度、县（市、区）、企业、人员类别、施教单位分组", "By year, county, enterprise, category, provider")}</Link>
            <Link className="card" to={`${d.base}/pass-rates${q}`}><b>{T("考试合格率", "Pass rates")}</b>{T("首次考试与含补考，按班次、施教单位、人员类别，含趋势", "First sitting and after resit, by class, provider, category, with trend")}</Link>
            <div className="card">
              <Link to={`${d.base}/fee-list${q}`}><b>{T("工伤预防费支付名单", "Fee-eligible list")}</b></Link>
              {T("学时达标且考试合格的学员，按施教单位", "Trainees with eligible hours who passed, per provider")}
              <div className="toolbar">
                <a className="button secondary" href={`${d.base}/files/fee-list.xlsx${q}`} download>XLSX</a>
                <a className="button secondary" href={`${d.base}/files/fee-list.pdf${q}`} download>PDF</a>
              </div>
            </div>
            {!d.noAcceptance && (
              <div className="card">
                <Link to={`${d.base}/acceptance${q}`}><b>{T("评估验收报告", "Acceptance report")}</b></Link>
                {T("年度目标与完成情况，供人社部门评估验收", "Targets vs results for the HR bureau's evaluators")}
                <div className="toolbar">
                  <a className="button secondary" href={`${d.base}/files/acceptance.pdf${q}`} download>PDF</a>
                </div>
              </div>
            )}
            {d.items && (
              <Link className="card" to={`${d.base}/items`}><b>{T("试题分析", "Item statistics")}</b>{T("难度（得分率）、区分度、选项分布", "Facility, discrimination, option choices")}</Link>
            )}
          </div>
        </>
      )}
    </>
  );
}
