// The retraining-hours ledger page, shared by /examiner/ledger and /auditor/ledger (read-only).
import { Form, Link } from "@remix-run/react";
import type { RetrainingStatus } from "~/domain/certificate";
import { CATEGORY_LABEL, INDUSTRY_LABEL, type Category, type Industry } from "~/domain/vocabulary";
import { L, useLang } from "~/utils/i18n";

type Row = { traineeId: string; name: string; idMasked: string; enterprise: string; industry: Industry; category: Category; status: RetrainingStatus };
export interface LedgerData {
  error: string | null;
  query: { year: number; enterpriseId: string; shortOnly: boolean; traineeId: string };
  years: number[];
  enterprises: Array<{ id: string; name: string }>;
  requirements: Array<{ industry: Industry; category: Category; hours: number }>;
  summary: Array<{ enterpriseId: string; enterprise: string; trainees: number; met: number; short: number }> | null;
  rows: Row[];
  trainee: {
    trainee: { id: string; name: string; idMasked: string; enterprise: string };
    years: Array<RetrainingStatus & { category: Category; industry: Industry }>;
    credits: Array<{ year: number; minutes: number; note: string; certificate: string | null; counted: boolean }>;
  } | null;
}

const h = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function Status({ s }: { s: RetrainingStatus }) {
  return s.met ? <span className="badge ok">达标</span> : <span className="badge bad">{`差 ${h(s.shortBy)} 学时`}</span>;
}

export function LedgerView({ data, base }: { data: LedgerData; base: string }) {
  const lang = useLang();
  const { query: q } = data;
  const qs = (extra: Record<string, string>) => new URLSearchParams({ year: String(q.year), ...(q.enterpriseId ? { enterprise: q.enterpriseId } : {}), ...(q.shortOnly ? { short: "1" } : {}), ...extra }).toString();
  if (data.trainee) {
    const t = data.trainee;
    return (
      <>
        <p><Link to={`${base}?${qs({})}`}>← 返回台账</Link></p>
        <h1>再培训学时：{t.trainee.name}</h1>
        <p className="muted">{t.trainee.idMasked} · {t.trainee.enterprise}</p>
        <table>
          <thead><tr><th>年度</th><th>人员类别</th><th className="num">要求学时</th><th className="num">已计入学时</th><th>情况</th></tr></thead>
          <tbody>
            {t.years.map((y) => (
              <tr key={y.year}>
                <td>{y.year}</td><td>{`${L(lang, INDUSTRY_LABEL[y.industry])} · ${L(lang, CATEGORY_LABEL[y.category])}`}</td>
                <td className="num">{h(y.required)}</td><td className="num">{h(y.credited)}</td><td><Status s={y} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>计入记录</h2>
        <table>
          <thead><tr><th>年度</th><th className="num">学时</th><th>来源</th><th>证书</th></tr></thead>
          <tbody>
            {t.credits.map((c, i) => (
              <tr key={i}>
                <td>{c.year}</td><td className="num">{h(c.minutes / 60)}</td><td>{c.note}</td>
                <td>{c.certificate ? <code>{c.certificate}</code> : "—"} {!c.counted && <span className="badge muted">证书已撤销，不计入</span>}</td>
              </tr>
            ))}
            {t.credits.length === 0 && <tr><td colSpan={4} className="muted">暂无计入记录</td></tr>}
          </tbody>
        </table>
      </>
    );
  }
  return (
    <>
      <h1>再培训学时台账</h1>
      <p className="muted">
        取得合格证明的培训学时全部计入考试当年的安全生产再培训学时（证书撤销后不再计入）。年度要求取自培训规则（行业 × 人员类别）：
        {data.requirements.map((r) => `${L(lang, INDUSTRY_LABEL[r.industry])}${L(lang, CATEGORY_LABEL[r.category])} ${r.hours}`).join("，")} 学时。
      </p>
      {data.error && <p className="notice error" role="alert">{data.error}</p>}
      <Form method="get" className="toolbar" key={`${q.year}|${q.enterpriseId}|${q.shortOnly}`}>
        <label>年度<select name="year" defaultValue={q.year}>{data.years.map((y) => <option key={y} value={y}>{y}</option>)}</select></label>
        <label>企业
          <select name="enterprise" defaultValue={q.enterpriseId}>
            <option value="">全部企业（汇总）</option>
            {data.enterprises.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
          </select>
        </label>
        <label className="check"><input type="checkbox" name="short" value="1" defaultChecked={q.shortOnly} />只看未达标</label>
        <button className="secondary">查询</button>
        <span className="spacer" />
        <a href={`${base}/export?${qs({ format: "xlsx" })}`}>导出 XLSX</a>
        <a href={`${base}/export?${qs({ format: "csv" })}`}>导出 CSV</a>
      </Form>
      {data.summary && (
        <table>
          <thead><tr><th>企业</th><th className="num">纳入台账人数</th><th className="num">达标</th><th className="num">未达标</th></tr></thead>
          <tbody>
            {data.summary.map((s) => (
              <tr key={s.enterpriseId}>
                <td><Link to={`${base}?${qs({ enterprise: s.enterpriseId })}`}>{s.enterprise}</Link></td>
                <td className="num">{s.trainees}</td><td className="num">{s.met}</td>
                <td className="num">{s.short > 0 ? <b style={{ color: "var(--bad)" }}>{s.short}</b> : 0}</td>
              </tr>
            ))}
            {data.summary.length === 0 && <tr><td colSpan={4} className="muted">{q.year} 年度暂无纳入台账的学员</td></tr>}
          </tbody>
        </table>
      )}
      {!data.summary && (
        <p>{`${q.year} 年度 · ${data.enterprises.find((e) => e.id === q.enterpriseId)?.name ?? ""}：${q.shortOnly ? `未达标 ${data.rows.length} 人` : `纳入台账 ${data.rows.length} 人，达标 ${data.rows.filter((r) => r.status.met).length} 人，未达标 ${data.rows.filter((r) => !r.status.met).length} 人`}`}</p>
      )}
      {!data.summary && (
        <table>
          <thead><tr><th>姓名</th><th>身份证号</th><th>人员类别</th><th className="num">要求学时</th><th className="num">已计入学时</th><th>情况</th></tr></thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.traineeId}>
                <td><Link to={`${base}?${qs({ trainee: r.traineeId })}`}>{r.name}</Link></td><td>{r.idMasked}</td>
                <td>{`${L(lang, INDUSTRY_LABEL[r.industry])} · ${L(lang, CATEGORY_LABEL[r.category])}`}</td>
                <td className="num">{h(r.status.required)}</td><td className="num">{h(r.status.credited)}</td><td><Status s={r.status} /></td>
              </tr>
            ))}
            {data.rows.length === 0 && <tr><td colSpan={6} className="muted">{q.shortOnly ? "没有未达标的学员" : "该企业本年度暂无纳入台账的学员"}</td></tr>}
          </tbody>
        </table>
      )}
    </>
  );
}
