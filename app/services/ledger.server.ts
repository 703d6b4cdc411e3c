// The retraining-hours ledger pages and exports (read-only; EXAMINER and AUDITOR): per enterprise
// for a year (who is short), per trainee over the years, and the same table as CSV or XLSX.
import { json } from "@remix-run/node";
import { enterprises, ledgerRows, summarise, thisYear, traineeLedger, type LedgerRow } from "~/data/ledger.server";
import { loadRules } from "~/data/rules.server";
import { db } from "~/utils/db.server";
import { hours } from "~/domain/eligibility";
import { CATEGORY_LABEL, INDUSTRY_LABEL } from "~/domain/vocabulary";
import { download } from "~/utils/download.server";
import { writeCsv, writeXlsx } from "~/utils/spreadsheet.server";

export interface LedgerQuery {
  year: number;
  enterpriseId: string;
  shortOnly: boolean;
  traineeId: string;
}

/** The query string, checked: a bad year is an error that says which values are allowed. */
export function parseLedgerQuery(params: URLSearchParams): { ok: true; q: LedgerQuery } | { ok: false; error: string } {
  const rawYear = params.get("year");
  const year = rawYear ? Number(rawYear) : thisYear();
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return { ok: false, error: `年度应为 2000–2100 的整数，收到 "${rawYear}"` };
  return { ok: true, q: { year, enterpriseId: params.get("enterprise") ?? "", shortOnly: params.get("short") === "1", traineeId: params.get("trainee") ?? "" } };
}

export async function ledgerView(params: URLSearchParams) {
  const parsed = parseLedgerQuery(params);
  const q = parsed.ok ? parsed.q : { year: thisYear(), enterpriseId: "", shortOnly: false, traineeId: "" };
  const trainee = q.traineeId ? await traineeLedger(q.traineeId) : null;
  const rows = await ledgerRows(q.year, { enterpriseId: q.enterpriseId || undefined });
  const shown = q.shortOnly ? rows.filter((r) => !r.status.met) : rows;
  return {
    error: parsed.ok ? (q.traineeId && !trainee ? "未找到该学员" : null) : parsed.error,
    query: q,
    years: Array.from({ length: 6 }, (_, i) => thisYear() - i),
    enterprises: await enterprises(),
    requirements: (await loadRules(await db())).map((r) => ({ industry: r.industry, category: r.category, hours: r.retrainingHours })),
    summary: q.enterpriseId ? null : summarise(rows),
    rows: q.enterpriseId ? shown : [],
    trainee,
  };
}

const HEADERS = ["年度", "企业", "姓名", "身份证号", "行业", "人员类别", "要求学时", "已计入学时", "是否达标", "尚差学时"];
const cells = (r: LedgerRow) => [
  r.status.year, r.enterprise, r.name, r.idMasked, INDUSTRY_LABEL[r.industry].zh, CATEGORY_LABEL[r.category].zh,
  r.status.required, Number(hours(r.status.creditedMinutes)), r.status.met ? "达标" : "未达标", Number(hours(Math.round(r.status.shortBy * 60))),
];

/** The ledger table of a year (one enterprise or all; optionally only those short) as CSV or XLSX. */
export async function ledgerExport(params: URLSearchParams): Promise<Response> {
  const parsed = parseLedgerQuery(params);
  if (!parsed.ok) return json({ message: parsed.error }, { status: 400 });
  const format = params.get("format") ?? "xlsx";
  if (format !== "csv" && format !== "xlsx") return json({ message: `导出格式应为 csv 或 xlsx，收到 "${format}"` }, { status: 400 });
  const { year, enterpriseId, shortOnly } = parsed.q;
  const rows = await ledgerRows(year, { enterpriseId: enterpriseId || undefined, shortOnly });
  const name = `再培训学时台账-${year}${shortOnly ? "-未达标" : ""}`;
  if (format === "csv") return download(writeCsv(HEADERS, rows.map(cells)), `${name}.csv`, "text/csv; charset=utf-8");
  const body = await writeXlsx(`${year}年度`, HEADERS, rows.map(cells), ["身份证号"]);
  return download(body, `${name}.xlsx`, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}
