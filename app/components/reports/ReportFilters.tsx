// The filter bar of every report page: year (or all years) and the breakdown, as a GET form,
// so every view has its own shareable URL.
import { Form } from "@remix-run/react";
import { DIMENSION_LABEL, type Dimension } from "~/domain/reports/group";
import { L, useLang } from "~/utils/i18n";

export function ReportFilters({
  years,
  year,
  allowAll,
  by,
  dimensions,
  notice,
  extra,
}: {
  years: number[];
  year: number | null;
  allowAll?: boolean;
  by?: Dimension;
  dimensions?: readonly Dimension[];
  notice?: string | null;
  extra?: React.ReactNode;
}) {
  const lang = useLang();
  const en = lang === "en";
  return (
    <>
      <Form method="get" className="toolbar report-filters">
        <label className="inline-label">
          {en ? "Year" : "年度"}
          <select name="year" defaultValue={year === null ? "all" : String(year)}>
            {allowAll && <option value="all">{en ? "All years" : "全部年度"}</option>}
            {years.map((y) => (
              <option key={y} value={y}>{y}</option>
            ))}
          </select>
        </label>
        {by && dimensions && (
          <label className="inline-label">
            {en ? "Break down by" : "分组"}
            <select name="by" defaultValue={by}>
              {dimensions.map((d) => (
                <option key={d} value={d}>{L(lang, DIMENSION_LABEL[d])}</option>
              ))}
            </select>
          </label>
        )}
        {extra}
        <button type="submit" className="secondary">{en ? "Show" : "查看"}</button>
      </Form>
      {notice && <p className="notice" role="status">{notice}</p>}
    </>
  );
}
