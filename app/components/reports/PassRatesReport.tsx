// Pass rates: first sitting and after resit, by class, provider or category, with the trend.
import { Link, useLoaderData } from "@remix-run/react";
import type { passRatesView } from "~/data/report-views.server";
import { pctText } from "~/domain/reports/facts";
import { DIMENSION_LABEL } from "~/domain/reports/group";
import type { PassCounts } from "~/domain/reports/pass-rates";
import { L, useLang } from "~/utils/i18n";
import { TrendChart } from "./ReportCharts";
import { ReportFilters } from "./ReportFilters";

export type PassRatesData = Awaited<ReturnType<typeof passRatesView>> & { base: string };

function RateBar({ value }: { value: number | null }) {
  if (value === null) return <span className="muted">—</span>;
  const cls = value >= 0.8 ? "ok" : value >= 0.6 ? "warn" : "bad";
  return (
    <div className={`bar rate-${cls}`} aria-label={pctText(value)}>
      <span style={{ width: `${Math.round(value * 100)}%` }} />
      <em>{pctText(value)}</em>
    </div>
  );
}

function Cells({ r }: { r: PassCounts }) {
  return (
    <>
      <td className="num">{r.firstPassed}/{r.firstSat}</td>
      <td><RateBar value={r.firstRate} /></td>
      <td className="num">{r.resitPassed}/{r.resitSat}</td>
      <td className="num">{r.passed}/{r.sat}</td>
      <td><RateBar value={r.overallRate} /></td>
      <td className="num">{r.absent || ""}</td>
    </>
  );
}

export function PassRatesReport() {
  const d = useLoaderData() as PassRatesData;
  const lang = useLang();
  const en = lang === "en";
  return (
    <>
      <p><Link to={d.base}>← {en ? "Reports" : "报表"}</Link></p>
      <h1>{en ? "Pass rates" : "考试合格率"} · {d.year ?? (en ? "all years" : "全部年度")}</h1>
      <ReportFilters years={d.years} year={d.year} allowAll by={d.by} dimensions={d.dimensions} notice={d.notice} />
      <p className="muted">
        {en
          ? "Released results only. First sitting: passed at the first sitting / sat it. After resit: passed at either sitting / sat at least once. Absentees are not candidates and are counted apart."
          : "仅统计已发布的成绩。首次考试合格率＝首次考试合格人数/首次考试参考人数；含补考合格率＝首次或补考合格人数/参加过考试的人数。缺考不计入参考人数，单独列出（人次）。"}
      </p>
      <table>
        <thead>
          <tr>
            <th>{L(lang, DIMENSION_LABEL[d.by])}</th>
            <th className="num">{en ? "First: passed/sat" : "首考 合格/参考"}</th>
            <th style={{ width: "16%" }}>{en ? "First-sitting rate" : "首次考试合格率"}</th>
            <th className="num">{en ? "Resit: passed/sat" : "补考 合格/参考"}</th>
            <th className="num">{en ? "Passed/sat" : "合格/参考"}</th>
            <th style={{ width: "16%" }}>{en ? "After resit" : "含补考合格率"}</th>
            <th className="num">{en ? "Absent" : "缺考"}</th>
          </tr>
        </thead>
        <tbody>
          {d.rows.length === 0 && <tr><td colSpan={7} className="muted">{en ? "No released results in this selection." : "所选范围内没有已发布的成绩。"}</td></tr>}
          {d.rows.map((r) => (
            <tr key={r.key}>
              <td>{L(lang, r.label)}</td>
              <Cells r={r} />
            </tr>
          ))}
        </tbody>
        {d.rows.length > 1 && (
          <tfoot>
            <tr className="total">
              <td>{en ? "Total" : "合计"}</td>
              <Cells r={d.total} />
            </tr>
          </tfoot>
        )}
      </table>
      <h2>{en ? "Trend over sessions" : "各场次合格率趋势"}</h2>
      <TrendChart points={d.trend} overall={d.total.overallRate} />
      {d.trend.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{en ? "Date" : "日期"}</th><th>{en ? "Session" : "场次"}</th>
              <th className="num">{en ? "First: passed/sat" : "首考 合格/参考"}</th><th className="num">{en ? "Resit: passed/sat" : "补考 合格/参考"}</th>
              <th className="num">{en ? "Pass rate" : "合格率"}</th><th className="num">{en ? "Absent" : "缺考"}</th>
            </tr>
          </thead>
          <tbody>
            {d.trend.map((p) => (
              <tr key={p.sessionId}>
                <td>{p.date}</td><td>{p.sessionCode}</td>
                <td className="num">{p.firstPassed}/{p.firstSat}</td><td className="num">{p.resitPassed}/{p.resitSat}</td>
                <td className="num">{pctText(p.rate)}</td><td className="num">{p.absent || ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
