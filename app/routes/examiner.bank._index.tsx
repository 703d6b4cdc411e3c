// The bank: filter on every tag, search stems, page through. Read-only for ADMIN.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { BANK_INDUSTRY_LABEL } from "~/components/QuestionForm";
import { bankTopics, browseFilterOf, browseQuestions } from "~/data/bank-browse.server";
import { allowed } from "~/domain/access";
import { BANK_INDUSTRIES, CATEGORIES, CATEGORY_LABEL, QUESTION_TYPES, TOPICS, TYPE_LABEL } from "~/domain/vocabulary";
import { requireCap } from "~/utils/guard.server";
import { L, useLang } from "~/utils/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCap(request, "bank.read");
  const filter = browseFilterOf(new URL(request.url).searchParams);
  const [list, topics] = await Promise.all([browseQuestions(filter), bankTopics()]);
  const allTopics = [...TOPICS, ...topics.filter((t) => !(TOPICS as readonly string[]).includes(t))];
  return json({ ...list, filter, topics: allTopics, canWrite: allowed(user.role, "bank.write") });
}

const SHORT_CATEGORY = { SAFETY_LEADER: { zh: "负责人", en: "Leader" }, SAFETY_MANAGER: { zh: "管理人员", en: "Manager" }, TEAM_LEADER: { zh: "班组长", en: "Team" } };

export default function BankBrowse() {
  const { rows, total, page, pages, filter, topics, canWrite } = useLoaderData<typeof loader>();
  const lang = useLang();
  const T = (zh: string, en: string) => (lang === "en" ? en : zh);
  const { search } = useLocation();
  const pageHref = (p: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(p));
    return `?${params}`;
  };
  const exportParams = new URLSearchParams(search);
  exportParams.delete("page");
  const filtered = search.replace(/^\?/, "") !== "";

  return (
    <>
      <h1>{T("题库", "Question bank")}</h1>
      <div className="toolbar">
        {canWrite && <Link className="button" to="/examiner/bank/new">{T("新增试题", "Add question")}</Link>}
        {canWrite && <Link className="button secondary" to="/examiner/bank/upload">{T("上传题库文件", "Upload files")}</Link>}
        <Link className="button secondary" to="/examiner/bank/coverage">{T("覆盖分析", "Coverage matrix")}</Link>
        <a className="button secondary" href={`/examiner/bank/export?${exportParams}`} download>{T("导出 XLSX", "Export XLSX")}</a>
        {!canWrite && <span className="badge muted">{T("只读", "Read-only")}</span>}
      </div>

      <Form method="get" className="card form-grid" role="search" aria-label={T("筛选试题", "Filter questions")}>
        <label style={{ gridColumn: "span 2" }}>
          {T("搜索题干或编号", "Search stems or ids")}
          <input type="search" name="q" defaultValue={filter.q} placeholder={T("如：安全生产责任制", "e.g. 安全生产责任制")} />
        </label>
        <label>
          {T("题型", "Type")}
          <select name="type" defaultValue={filter.type}>
            <option value="">{T("全部", "All")}</option>
            {QUESTION_TYPES.map((t) => <option key={t} value={t}>{L(lang, TYPE_LABEL[t])}</option>)}
          </select>
        </label>
        <label>
          {T("知识点", "Topic")}
          <select name="topic" defaultValue={filter.topic}>
            <option value="">{T("全部", "All")}</option>
            {topics.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </label>
        <label>
          {T("行业标签", "Industry tag")}
          <select name="industry" defaultValue={filter.industry}>
            <option value="">{T("全部", "All")}</option>
            {BANK_INDUSTRIES.map((i) => <option key={i} value={i}>{L(lang, BANK_INDUSTRY_LABEL[i])}</option>)}
          </select>
        </label>
        <label>
          {T("适用人员", "Audience")}
          <select name="audience" defaultValue={filter.audience}>
            <option value="">{T("全部", "All")}</option>
            {CATEGORIES.map((c) => <option key={c} value={c}>{L(lang, CATEGORY_LABEL[c])}</option>)}
          </select>
        </label>
        <label>
          {T("难度", "Difficulty")}
          <select name="difficulty" defaultValue={filter.difficulty ?? ""}>
            <option value="">{T("全部", "All")}</option>
            {[1, 2, 3, 4, 5].map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <label>
          {T("状态", "Status")}
          <select name="status" defaultValue={filter.status}>
            <option value="ACTIVE">{T("使用中", "Active")}</option>
            <option value="RETIRED">{T("已停用", "Retired")}</option>
            <option value="ALL">{T("全部", "All")}</option>
          </select>
        </label>
        <div className="toolbar" style={{ margin: 0 }}>
          <button>{T("筛选", "Filter")}</button>
          {filtered && <Link to="/examiner/bank">{T("清除", "Clear")}</Link>}
        </div>
      </Form>

      <p className="muted" role="status">
        {T(`共 ${total} 题`, `${total} questions`)}
        {pages > 1 && T(`，第 ${page} / ${pages} 页`, `, page ${page} of ${pages}`)}
      </p>
      <table>
        <thead>
          <tr>
            <th>{T("编号", "Id")}</th>
            <th>{T("题型", "Type")}</th>
            <th>{T("知识点", "Topic")}</th>
            <th style={{ width: "40%" }}>{T("题干", "Stem")}</th>
            <th>{T("行业", "Industry")}</th>
            <th>{T("适用人员", "Audience")}</th>
            <th className="num">{T("难度", "Diff.")}</th>
            <th className="num">{T("版本", "Ver.")}</th>
            <th className="num" title={T("被组入试卷的次数", "Times placed on a paper")}>{T("使用次数", "Used")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td style={{ whiteSpace: "nowrap" }}>
                <Link to={`/examiner/bank/${encodeURIComponent(r.id)}`}>{r.id}</Link>
                {r.status === "RETIRED" && <> <span className="badge muted">{T("已停用", "retired")}</span></>}
              </td>
              <td style={{ whiteSpace: "nowrap" }}>{L(lang, TYPE_LABEL[r.type])}</td>
              <td style={{ whiteSpace: "nowrap" }}>{r.topic}</td>
              <td title={r.stem}>{r.stem.length > 90 ? `${r.stem.slice(0, 90)}…` : r.stem}</td>
              <td>{r.industry.map((i) => L(lang, BANK_INDUSTRY_LABEL[i])).join("、")}</td>
              <td title={r.audience.map((c) => L(lang, CATEGORY_LABEL[c])).join("、")}>
                {r.audience.length === CATEGORIES.length ? T("三类人员", "All three") : r.audience.map((c) => L(lang, SHORT_CATEGORY[c])).join("、")}
              </td>
              <td className="num">{r.difficulty}</td>
              <td className="num">{r.version}</td>
              <td className="num">{r.exposure}</td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={9} className="muted">
                {total === 0 && !filtered ? T("题库为空：请上传题库文件或新增试题", "The bank is empty: upload files or add a question") : T("没有符合条件的试题", "No question matches")}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {pages > 1 && (
        <nav className="toolbar" aria-label={T("分页", "Pages")} style={{ marginTop: "1rem" }}>
          {page > 1 ? <Link to={pageHref(page - 1)}>{T("← 上一页", "← Previous")}</Link> : <span className="muted">{T("← 上一页", "← Previous")}</span>}
          {pageList(page, pages).map((p, i) =>
            p === null ? <span key={`gap${i}`} className="muted">…</span> : p === page ? <b key={p} aria-current="page">{p}</b> : <Link key={p} to={pageHref(p)}>{p}</Link>,
          )}
          {page < pages ? <Link to={pageHref(page + 1)}>{T("下一页 →", "Next →")}</Link> : <span className="muted">{T("下一页 →", "Next →")}</span>}
        </nav>
      )}
    </>
  );
}

/** 1 … 4 5 [6] 7 8 … 20 */
function pageList(page: number, pages: number): Array<number | null> {
  const want = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pages));
  const sorted = [...want].sort((a, b) => a - b);
  const out: Array<number | null> = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) out.push(null);
    out.push(p);
  });
  return out;
}
