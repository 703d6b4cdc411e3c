// The acceptance report (评估验收报告) on screen: the same figures as the PDF, and its download.
import { Link, useLoaderData } from "@remix-run/react";
import type { acceptanceView } from "~/data/report-views.server";
import { INCIDENT_LABEL } from "~/domain/reports/acceptance";
import { pctText } from "~/domain/reports/facts";
import { hours } from "~/domain/eligibility";
import { CATEGORY_LABEL } from "~/domain/vocabulary";
import { L, useLang } from "~/utils/i18n";
import { CoverageTable } from "../CoverageTable";
import { ReportFilters } from "./ReportFilters";

export type AcceptanceData = Awaited<ReturnType<typeof acceptanceView>> & { base: string };

export function AcceptanceReportPage() {
  const d = useLoaderData() as AcceptanceData;
  const lang = useLang();
  const en = lang === "en";
  const r = d.report;
  return (
    <>
      <p><Link to={d.base}>← {en ? "Reports" : "报表"}</Link></p>
      <h1>{en ? "Acceptance report" : "评估验收报告"}{d.year ? ` · ${d.year}` : ""}</h1>
      <ReportFilters years={d.years} year={d.year} notice={d.notice} />
      {!r ? <p className="notice">{en ? "No training data yet." : "尚无培训数据。"}</p> : (
        <>
          <div className="toolbar">
            <span className="muted">{en ? "The PDF is the document for the HR bureau's evaluators." : "PDF 为提交人社部门评估验收的正式文本。"}</span>
            <span className="spacer" />
            <a className="button" href={`${d.base}/files/acceptance.pdf?year=${r.year}`} download>{en ? "Download PDF" : "下载评估验收报告（PDF）"}</a>
          </div>
          <section className="card">
            <h2 style={{ marginTop: 0 }}>{en ? "1. Overview and findings" : "一、项目概况与主要结论"}</h2>
            <p>{en ? `${r.classes} classes, ${r.providers} providers, ${r.enterprises} enterprises, ${r.total.trained} trainees.` : `本年度共举办培训班 ${r.classes} 期，施教单位 ${r.providers} 家，覆盖企业 ${r.enterprises} 家，参训 ${r.total.trained} 人。`}</p>
            <ol>{r.findings.map((f) => <li key={f}>{f}</li>)}</ol>
          </section>
          <h2>{en ? "2. Targets and coverage" : "二、培训计划完成情况"}</h2>
          <CoverageTable rows={r.coverage} total={r.total} by="plan" />
          <h2>{en ? "3. Hours compliance" : "三、培训学时达标情况"}</h2>
          <table>
            <thead>
              <tr>
                <th>{en ? "Category" : "人员类别"}</th><th className="num">{en ? "Trainees" : "参训人数"}</th><th className="num">{en ? "Mean hours" : "人均学时"}</th>
                <th className="num">{en ? "Total hours in range" : "总学时符合"}</th><th className="num">{en ? `In person ≥ ${pctText(r.thresholds.offline)}` : `线下（含实训）≥${pctText(r.thresholds.offline)}`}</th>
                <th className="num">{en ? `Practical ≥ ${pctText(r.thresholds.practical)}` : `实训≥${pctText(r.thresholds.practical)}`}</th><th className="num">{en ? "Eligible" : "学时达标"}</th>
              </tr>
            </thead>
            <tbody>
              {r.hours.map((h) => (
                <tr key={h.category}>
                  <td>{L(lang, CATEGORY_LABEL[h.category])}</td><td className="num">{h.trainees}</td><td className="num">{h.meanMinutes === null ? "—" : hours(Math.round(h.meanMinutes))}</td>
                  <td className="num">{h.inRange}</td><td className="num">{h.offlineOk}（{pctText(h.offlineShare)}）</td>
                  <td className="num">{h.practicalRequired ? `${h.practicalOk}（${pctText(h.practicalShare)}）` : en ? "n/a" : "不要求"}</td>
                  <td className="num">{h.eligible}（{pctText(h.eligibleShare)}）</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{en ? "4. Pass rates" : "四、考试合格情况"}</h2>
          <table>
            <thead><tr><th /><th className="num">{en ? "First sitting" : "首次考试合格"}</th><th className="num">{en ? "After resit" : "含补考合格"}</th><th className="num">{en ? "Absent" : "缺考"}</th></tr></thead>
            <tbody>
              {([[en ? "By category" : "按人员类别", r.passByCategory], [en ? "By provider" : "按施教单位", r.passByProvider]] as const).map(([group, rows]) => [
                <tr key={group}><th colSpan={4} scope="colgroup">{group}</th></tr>,
                ...rows.map((p) => (
                  <tr key={p.key}><td>{L(lang, p.label)}</td><td className="num">{p.firstPassed}/{p.firstSat}（{pctText(p.firstRate)}）</td><td className="num">{p.passed}/{p.sat}（{pctText(p.overallRate)}）</td><td className="num">{p.absent}</td></tr>
                )),
              ])}
              <tr className="total"><td>{en ? "Total" : "合计"}</td><td className="num">{r.pass.firstPassed}/{r.pass.firstSat}（{pctText(r.pass.firstRate)}）</td><td className="num">{r.pass.passed}/{r.pass.sat}（{pctText(r.pass.overallRate)}）</td><td className="num">{r.pass.absent}</td></tr>
            </tbody>
          </table>
          <h2>{en ? "5. Incidents" : "五、考场异常情况"}</h2>
          <table>
            <thead><tr>{r.incidents.map((i) => <th key={i.category} className="num">{L(lang, INCIDENT_LABEL[i.category])}</th>)}<th className="num">{en ? "Total" : "合计"}</th></tr></thead>
            <tbody><tr>{r.incidents.map((i) => <td key={i.category} className="num">{i.count}</td>)}<td className="num">{r.incidentTotal}</td></tr></tbody>
          </table>
          <h2>{en ? "6. Certificates" : "六、合格证明颁发情况"}</h2>
          <p>{en ? `Issued ${r.certificates.issued}, valid ${r.certificates.valid}, revoked ${r.certificates.revoked}.` : `颁发 ${r.certificates.issued} 份，有效 ${r.certificates.valid} 份，撤销 ${r.certificates.revoked} 份。`}</p>
        </>
      )}
    </>
  );
}
