// The fee-eligible list (工伤预防费支付依据) per provider, with downloads.
import { Link, useLoaderData } from "@remix-run/react";
import type { feeListView } from "~/data/report-views.server";
import { hours } from "~/domain/eligibility";
import { CATEGORY_LABEL } from "~/domain/vocabulary";
import { L, useLang } from "~/utils/i18n";
import { ReportFilters } from "./ReportFilters";

export type FeeListData = Awaited<ReturnType<typeof feeListView>> & { base: string };

export function FeeListReport() {
  const d = useLoaderData() as FeeListData;
  const lang = useLang();
  const en = lang === "en";
  const q = d.year ? `?year=${d.year}` : "";
  const listed = d.providers.reduce((a, p) => a + p.totals.listed, 0);
  return (
    <>
      <p><Link to={d.base}>← {en ? "Reports" : "报表"}</Link></p>
      <h1>{en ? "Fee-eligible list (work-injury prevention fee)" : "工伤预防费支付名单"}{d.year ? ` · ${d.year}` : ""}</h1>
      <ReportFilters years={d.years} year={d.year} notice={d.notice} />
      <p className="muted">
        {en
          ? "Trainees whose hours meet the rules (attended) and who passed a released exam, first sitting or resit. Hours in hours; ID numbers masked."
          : "参加培训且学时符合规定、并在已发布的首次考试或补考中合格的学员。学时单位为小时；身份证号脱敏显示。"}
      </p>
      <div className="toolbar">
        <span>{en ? `${listed} trainees listed` : `共 ${listed} 人`}</span>
        <span className="spacer" />
        <a className="button" href={`${d.base}/files/fee-list.xlsx${q}`} download>{en ? "Download XLSX" : "下载名单（XLSX）"}</a>
        <a className="button secondary" href={`${d.base}/files/fee-list.pdf${q}`} download>{en ? "PDF summary" : "下载汇总（PDF）"}</a>
      </div>
      {d.providers.length === 0 && <p className="notice">{en ? "No classes in this year." : "该年度没有培训班次。"}</p>}
      {d.providers.map((p) => (
        <section key={p.providerId} className="card">
          <h2 style={{ marginTop: 0 }}>{p.providerName}</h2>
          <p>
            {en
              ? `${p.totals.listed} of ${p.totals.trained} trainees listed · online ${hours(p.totals.online)} h · offline ${hours(p.totals.offline)} h · practical ${hours(p.totals.practical)} h · total ${hours(p.totals.total)} h`
              : `名单 ${p.totals.listed} 人（参训 ${p.totals.trained} 人）· 线上 ${hours(p.totals.online)} 学时 · 线下 ${hours(p.totals.offline)} 学时 · 实训 ${hours(p.totals.practical)} 学时 · 合计 ${hours(p.totals.total)} 学时`}
            {" "}
            <a href={`${d.base}/files/fee-list.pdf?${new URLSearchParams({ ...(d.year ? { year: String(d.year) } : {}), provider: p.providerId })}`} download>{en ? "PDF for this provider" : "本单位汇总 PDF"}</a>
          </p>
          <table className="fee-list">
            <thead>
              <tr>
                <th>#</th><th>{en ? "Name" : "姓名"}</th><th>{en ? "ID (masked)" : "身份证号"}</th><th>{en ? "Enterprise" : "企业"}</th><th>{en ? "Class" : "班次"}</th>
                <th>{en ? "Category" : "人员类别"}</th><th className="num">{en ? "Online" : "线上"}</th><th className="num">{en ? "Offline" : "线下"}</th>
                <th className="num">{en ? "Practical" : "实训"}</th><th className="num">{en ? "Total" : "合计"}</th><th>{en ? "Exam" : "考试"}</th><th className="num">{en ? "Score" : "成绩"}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.length === 0 && <tr><td colSpan={12} className="muted">{en ? "Nobody qualifies yet." : "暂无符合条件的学员。"}</td></tr>}
              {p.rows.map((r, i) => (
                <tr key={r.enrolmentId}>
                  <td>{i + 1}</td><td>{r.name}</td><td><code>{r.idMasked}</code></td><td>{r.enterpriseName}</td><td>{r.classCode}</td>
                  <td>{L(lang, CATEGORY_LABEL[r.category])}</td>
                  <td className="num">{hours(r.online)}</td><td className="num">{hours(r.offline)}</td><td className="num">{hours(r.practical)}</td><td className="num">{hours(r.total)}</td>
                  <td>{r.examDate}{r.sitting === 2 ? (en ? " (resit)" : "（补考）") : ""}</td><td className="num">{r.score ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
