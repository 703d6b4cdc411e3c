import { CATEGORY_LABEL, INDUSTRY_LABEL, type Category, type Industry } from "~/domain/vocabulary";
import { L, useLang } from "~/utils/i18n";

type Row = { year: number; industry: Industry; category: Category; planned: number; enrolled: number; eligible: number };

/** Planned vs trained per year, industry and category, with a bar people read at a glance. */
export function CoverageTable({ rows }: { rows: Row[] }) {
  const lang = useLang();
  const en = lang === "en";
  return (
    <table>
      <thead>
        <tr>
          <th>{en ? "Year" : "年度"}</th><th>{en ? "Industry" : "行业"}</th><th>{en ? "Category" : "人员类别"}</th>
          <th className="num">{en ? "Planned" : "计划"}</th><th className="num">{en ? "Enrolled" : "参训"}</th>
          <th className="num">{en ? "Eligible to sit" : "具备考试资格"}</th><th style={{ width: "30%" }}>{en ? "Coverage" : "覆盖率"}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const pct = r.planned ? Math.min(100, Math.round((r.enrolled / r.planned) * 100)) : null;
          return (
            <tr key={`${r.year}${r.industry}${r.category}`}>
              <td>{r.year}</td>
              <td>{L(lang, INDUSTRY_LABEL[r.industry])}</td>
              <td>{L(lang, CATEGORY_LABEL[r.category])}</td>
              <td className="num">{r.planned || "—"}</td>
              <td className="num">{r.enrolled}</td>
              <td className="num">{r.eligible}</td>
              <td>
                {pct === null ? <span className="muted">{en ? "no plan" : "无计划"}</span> : (
                  <div className="bar" aria-label={`${pct}%`}><span style={{ width: `${pct}%` }} /><em>{pct}%</em></div>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
