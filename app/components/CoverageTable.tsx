import type { CoverageRow } from "~/domain/reports/coverage";
import { pctText } from "~/domain/reports/facts";
import { DIMENSION_LABEL, type Dimension } from "~/domain/reports/group";
import { L, useLang } from "~/utils/i18n";

/**
 * Plan vs trained, eligible, sat, passed and certified per group, with a coverage bar people
 * read at a glance. The plan column appears when the breakdown has a plan (year, industry ×
 * category, category) unless `plan` says otherwise (a provider has no plan of its own); a year
 * column appears when the rows span several years.
 */
export function CoverageTable({ rows, total, by = "plan", plan }: { rows: CoverageRow[]; total?: CoverageRow; by?: Dimension; plan?: boolean }) {
  const lang = useLang();
  const en = lang === "en";
  const withPlan = plan ?? (by === "year" || by === "plan" || by === "category");
  const years = new Set(rows.map((r) => r.year).filter((y) => y !== null));
  const showYear = by === "plan" && years.size > 1;
  const cells = (r: CoverageRow) => {
    const pct = r.coverage === null ? null : Math.min(100, Math.round(r.coverage * 100));
    return (
      <>
        {withPlan && <td className="num">{r.planned || "—"}</td>}
        <td className="num">{r.trained}</td>
        <td className="num">{r.eligible}</td>
        <td className="num">{r.sat}</td>
        <td className="num">{r.passed}</td>
        <td className="num">{r.certified}</td>
        {withPlan && (
          <td>
            {pct === null ? <span className="muted">{en ? "no plan" : "无计划"}</span> : (
              <div className="bar" aria-label={pctText(r.coverage)}><span style={{ width: `${pct}%` }} /><em>{pctText(r.coverage)}</em></div>
            )}
          </td>
        )}
      </>
    );
  };
  return (
    <table className="coverage">
      <thead>
        <tr>
          {showYear && <th>{en ? "Year" : "年度"}</th>}
          <th>{L(lang, DIMENSION_LABEL[by])}</th>
          {withPlan && <th className="num">{en ? "Planned" : "计划"}</th>}
          <th className="num">{en ? "Trained" : "参训"}</th>
          <th className="num">{en ? "Eligible to sit" : "学时达标"}</th>
          <th className="num">{en ? "Sat" : "参考"}</th>
          <th className="num">{en ? "Passed" : "合格"}</th>
          <th className="num">{en ? "Certified" : "发证"}</th>
          {withPlan && <th style={{ width: "22%" }}>{en ? "Coverage (trained / planned)" : "计划完成率（参训/计划）"}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr><td colSpan={9} className="muted">{en ? "No data for this selection." : "所选范围内没有数据。"}</td></tr>
        )}
        {rows.map((r) => (
          <tr key={r.key}>
            {showYear && <td>{r.year}</td>}
            <td>{L(lang, r.label)}</td>
            {cells(r)}
          </tr>
        ))}
      </tbody>
      {total && rows.length > 1 && (
        <tfoot>
          <tr className="total">
            {showYear && <td />}
            <td>{L(lang, total.label)}</td>
            {cells(total)}
          </tr>
        </tfoot>
      )}
    </table>
  );
}
