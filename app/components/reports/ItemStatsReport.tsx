// Item statistics for the exam office: facility, discrimination and option choices per bank
// question, with flags and a link to the bank item.
import { Link, useLoaderData } from "@remix-run/react";
import type { itemsView } from "~/data/report-views.server";
import { TOO_EASY, TOO_HARD, type ItemFlag } from "~/domain/reports/items";
import { TYPE_LABEL } from "~/domain/vocabulary";
import { L, useLang } from "~/utils/i18n";
import { ReportFilters } from "./ReportFilters";

export type ItemsData = Awaited<ReturnType<typeof itemsView>> & { base: string };

const FLAG_LABEL: Record<ItemFlag, { zh: string; en: string; cls: string }> = {
  easy: { zh: "过易", en: "Too easy", cls: "warn" },
  hard: { zh: "过难", en: "Too hard", cls: "warn" },
  negative: { zh: "负区分度", en: "Negative discrimination", cls: "bad" },
};

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function ItemStatsReport() {
  const d = useLoaderData() as ItemsData;
  const lang = useLang();
  const en = lang === "en";
  const filters = [
    ["flagged", en ? `Flagged (${d.counts.flagged})` : `需关注（${d.counts.flagged}）`],
    ["easy", en ? `Too easy (${d.counts.easy})` : `过易（${d.counts.easy}）`],
    ["hard", en ? `Too hard (${d.counts.hard})` : `过难（${d.counts.hard}）`],
    ["negative", en ? `Negative (${d.counts.negative})` : `负区分度（${d.counts.negative}）`],
    ["all", en ? `All (${d.counts.items})` : `全部（${d.counts.items}）`],
  ] as const;
  return (
    <>
      <p><Link to={d.base}>← {en ? "Reports" : "报表"}</Link></p>
      <h1>{en ? "Item statistics" : "试题分析"} · {d.year ?? (en ? "all years" : "全部年度")}</h1>
      <ReportFilters
        years={d.years}
        year={d.year}
        allowAll
        notice={d.notice}
        extra={
          <label className="inline-label">
            {en ? "Show" : "显示"}
            <select name="flag" defaultValue={d.flag}>
              {filters.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
            </select>
          </label>
        }
      />
      <p className="muted">
        {en
          ? `${d.counts.attempts} released, submitted attempts; ${d.counts.items} questions. Facility: mean share of the item's points scored (> ${TOO_EASY} too easy, < ${TOO_HARD} too hard). Discrimination: item–rest correlation (point-biserial between the item's score and the score on the rest of the paper); below 0 means stronger candidates did worse on it. Option columns: share of candidates who chose it (✓ = key). Voided items are left out (${d.voided} responses).`
          : `已发布成绩的交卷答卷 ${d.counts.attempts} 份，涉及试题 ${d.counts.items} 道。难度（得分率）：该题平均得分占分值的比例，高于 ${TOO_EASY} 为过易、低于 ${TOO_HARD} 为过难。区分度：该题得分与试卷其余部分得分的相关系数（点二列相关，扣除本题）；小于 0 表示成绩好的考生反而答得差。选项列为选择该项的考生比例（✓ 为正确答案）。已作废的试题不参与统计（${d.voided} 条作答）。`}
      </p>
      {d.items.length === 0 ? <p className="notice">{en ? "No items match." : "没有符合条件的试题。"}</p> : (
        <table className="item-stats" style={{ fontSize: ".92rem" }}>
          <thead>
            <tr>
              <th>{en ? "Question" : "试题"}</th><th>{en ? "Type" : "题型"}</th><th className="num">{en ? "Attempts" : "作答数"}</th>
              <th className="num">{en ? "Facility" : "得分率"}</th><th className="num">{en ? "Discrimination" : "区分度"}</th>
              <th>{en ? "Options chosen" : "选项分布"}</th><th className="num">{en ? "Blank" : "未答"}</th><th>{en ? "Flags" : "提示"}</th>
            </tr>
          </thead>
          <tbody>
            {d.items.map((i) => (
              <tr key={i.questionId}>
                <td style={{ maxWidth: "26rem" }}>
                  <Link to={`/examiner/bank/${encodeURIComponent(i.questionId)}`}><code>{i.questionId}</code></Link>
                  {i.versions.length > 1 && <span className="muted"> v{i.versions.join(",")}</span>}
                  <div className="muted" title={i.stem}>{i.topic} · {i.stem.length > 60 ? i.stem.slice(0, 59) + "…" : i.stem}</div>
                </td>
                <td>{L(lang, TYPE_LABEL[i.type])}</td>
                <td className="num">{i.attempts}</td>
                <td className="num">{i.facility.toFixed(2)}</td>
                <td className="num">{i.discrimination === null ? "—" : i.discrimination.toFixed(2)}</td>
                <td>
                  <div className="choices">
                    {i.choices.map((c) => (
                      <span key={c.value} className={c.correct ? "choice key" : "choice"} title={i.options[c.value.charCodeAt(0) - 65] ?? ""}>
                        {c.value === "T" ? (en ? "True" : "对") : c.value === "F" ? (en ? "False" : "错") : c.value}
                        {c.correct ? "✓" : ""} {pct(c.share)}
                      </span>
                    ))}
                  </div>
                </td>
                <td className="num">{i.blank || ""}</td>
                <td>{i.flags.map((f) => <span key={f} className={`badge ${FLAG_LABEL[f].cls}`}>{L(lang, FLAG_LABEL[f])}</span>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
