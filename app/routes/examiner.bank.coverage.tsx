// Where the bank is thin: for each industry × trainee category, usable questions per topic × type ×
// difficulty against what the blueprint needs for a first paper plus a resit with no shared item.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { coverageBlueprints, coverageQuestions } from "~/data/bank-browse.server";
import { COVERAGE_DIFFICULTIES, bankCoverage, sum, type Shortfall } from "~/domain/bank/coverage";
import { CATEGORY_LABEL, INDUSTRY_LABEL, QUESTION_TYPES, TYPE_LABEL } from "~/domain/vocabulary";
import { requireCap } from "~/utils/guard.server";
import { L, useLang, type Lang } from "~/utils/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCap(request, "bank.read");
  const params = new URL(request.url).searchParams;
  const [blueprints, questions] = await Promise.all([coverageBlueprints(), coverageQuestions()]);
  const chosen = blueprints.find((b) => b.id === params.get("blueprint")) ?? blueprints.find((b) => b.isDefault) ?? blueprints[0];
  const cov = bankCoverage(questions, chosen.spec);
  const industry = params.get("industry");
  const category = params.get("category");
  // The pair asked for, else the first one that is short, so the page opens where work is needed.
  const selected =
    cov.pairs.find((p) => p.industry === industry && p.category === category) ?? cov.pairs.find((p) => p.status === "bad") ?? cov.pairs[0];
  return json({
    blueprints: blueprints.map((b) => ({ id: b.id, name: b.name })),
    blueprint: { id: chosen.id, name: chosen.name, items: chosen.spec.sections.reduce((a, s) => a + s.count, 0) },
    bankSize: questions.length,
    needs: cov.needs,
    topics: cov.topics,
    summary: cov.pairs.map(({ cells: _c, ...p }) => p),
    selected,
  });
}

export default function Coverage() {
  const { blueprints, blueprint, bankSize, needs, topics, summary, selected } = useLoaderData<typeof loader>();
  const lang = useLang();
  const T = (zh: string, en: string) => (lang === "en" ? en : zh);
  const href = (industry: string, category: string) => `?${new URLSearchParams({ blueprint: blueprint.id, industry, category })}`;
  const isSelected = (p: { industry: string; category: string }) => p.industry === selected.industry && p.category === selected.category;
  const topicShort = new Map(selected.shortfalls.filter((s) => s.kind === "topic" || s.kind === "topicType").map((s) => [`${s.topic}|${s.type ?? ""}`, s]));

  return (
    <>
      <p><Link to="/examiner/bank">← {T("题库", "Question bank")}</Link></p>
      <h1>{T("题库覆盖分析", "Bank coverage")}</h1>
      <Form method="get" className="toolbar">
        <label style={{ flexDirection: "row", alignItems: "center", gap: ".5rem" }}>
          {T("对照组卷规则", "Blueprint")}
          <select name="blueprint" defaultValue={blueprint.id}>
            {blueprints.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
          </select>
        </label>
        <input type="hidden" name="industry" value={selected.industry} />
        <input type="hidden" name="category" value={selected.category} />
        <button className="secondary">{T("切换", "Switch")}</button>
      </Form>
      <p className="notice">
        {T(
          `每个班次需要一套首考试卷和一套与之不重题的补考试卷，因此“需要”为组卷规则题量的 ${needs.papers} 倍（每套 ${blueprint.items} 题）。只统计使用中的试题：行业为“通用”或该行业、适用人员包含该类人员。题库现有使用中的试题 ${bankSize} 道。`,
          `Each class needs a first paper and a resit paper with no shared item, so "needed" is ${needs.papers}× the blueprint (${blueprint.items} items a paper). Only active questions count: industry general or this industry, audience including this category. The bank has ${bankSize} active questions.`,
        )}
      </p>

      <h2>{T("各行业、各类人员概况", "By industry and category")}</h2>
      <table>
        <thead>
          <tr>
            <th>{T("行业", "Industry")}</th><th>{T("人员类别", "Category")}</th><th className="num">{T("可用试题", "Usable")}</th>
            {QUESTION_TYPES.map((t) => <th key={t} className="num">{L(lang, TYPE_LABEL[t])}<br /><span className="muted" style={{ fontWeight: 400 }}>{T("现有 / 需要", "have / need")}</span></th>)}
            <th>{T("缺口", "Gaps")}</th><th>{T("状态", "Status")}</th>
          </tr>
        </thead>
        <tbody>
          {summary.map((p) => {
            const bad = p.shortfalls.filter((s) => s.severity === "bad");
            const warn = p.shortfalls.filter((s) => s.severity === "warn");
            return (
              <tr key={`${p.industry}${p.category}`} style={isSelected(p) ? { background: "#eaf1fb" } : undefined}>
                <td>{L(lang, INDUSTRY_LABEL[p.industry])}</td>
                <td><Link to={href(p.industry, p.category)} aria-current={isSelected(p) ? "true" : undefined}>{L(lang, CATEGORY_LABEL[p.category])}</Link></td>
                <td className="num">{p.total}</td>
                {QUESTION_TYPES.map((t) => (
                  <td key={t} className="num" style={p.byType[t] < needs.byType[t] ? { color: "var(--bad)", fontWeight: 700 } : undefined}>
                    {p.byType[t]} / {needs.byType[t]}
                  </td>
                ))}
                <td style={{ fontSize: ".9rem" }}>
                  {bad.length === 0 && warn.length === 0 ? "—" : (
                    <>
                      {bad.length > 0 && <span>{T(`${bad.length} 处不足`, `${bad.length} short`)}</span>}
                      {bad.length > 0 && warn.length > 0 && "，"}
                      {warn.length > 0 && <span className="muted">{T(`${warn.length} 处难度偏少`, `${warn.length} difficulty gaps`)}</span>}
                    </>
                  )}
                </td>
                <td><StatusBadge status={p.status} lang={lang} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2>
        {L(lang, INDUSTRY_LABEL[selected.industry])} · {L(lang, CATEGORY_LABEL[selected.category])}{" "}
        <StatusBadge status={selected.status} lang={lang} />
      </h2>
      {selected.shortfalls.length > 0 && (
        <div className={`notice ${selected.status === "bad" ? "error" : ""}`}>
          <b>{T("需要补充：", "To add:")}</b>
          <ul style={{ margin: ".3rem 0 0", paddingLeft: "1.2rem" }}>
            {selected.shortfalls.map((s, i) => <li key={i}>{describeShortfall(s, lang)}</li>)}
          </ul>
        </div>
      )}
      <div style={{ overflowX: "auto" }}>
        <table aria-label={T("覆盖矩阵", "Coverage matrix")} style={{ fontSize: ".9rem" }}>
          <thead>
            <tr>
              <th rowSpan={2}>{T("知识点", "Topic")}</th>
              {QUESTION_TYPES.map((t) => <th key={t} colSpan={5} style={{ textAlign: "center", borderLeft: "2px solid var(--line)" }}>{L(lang, TYPE_LABEL[t])}</th>)}
              <th rowSpan={2} className="num" style={{ borderLeft: "2px solid var(--line)" }}>{T("合计", "Total")}</th>
              <th rowSpan={2} className="num">{T("需要", "Need")}</th>
            </tr>
            <tr>
              {QUESTION_TYPES.flatMap((t) =>
                COVERAGE_DIFFICULTIES.map((d) => (
                  <th key={`${t}${d}`} className="num" title={T(`难度 ${d}`, `difficulty ${d}`)} style={d === 1 ? { borderLeft: "2px solid var(--line)" } : undefined}>
                    {T("难", "D")}{d}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {topics.map((topic) => {
              const row = selected.cells[topic];
              const total = selected.byTopic[topic] ?? 0;
              const need = needs.byTopic[topic] ?? 0;
              const short = topicShort.get(`${topic}|`);
              return (
                <tr key={topic}>
                  <th scope="row" style={{ whiteSpace: "nowrap", background: "transparent", fontWeight: need ? 700 : 400 }}>
                    {topic}
                    {need > 0 && <span className="muted" style={{ fontWeight: 400 }}> {T("必学", "req.")}</span>}
                  </th>
                  {QUESTION_TYPES.flatMap((t) => {
                    const typedNeed = needs.byTopicType[topic]?.[t];
                    const typedShort = topicShort.get(`${topic}|${t}`);
                    return row[t].map((n, i) => (
                      <td
                        key={`${t}${i}`}
                        className="num"
                        style={{ ...(i === 0 ? { borderLeft: "2px solid var(--line)" } : {}), ...cellStyle(n), ...(typedShort ? { outline: "2px solid var(--bad)", outlineOffset: "-2px" } : {}) }}
                        title={typedNeed ? T(`该题型需要 ${typedNeed} 题`, `${typedNeed} needed in this type`) : undefined}
                      >
                        {n}
                      </td>
                    ));
                  })}
                  <td className="num" style={{ borderLeft: "2px solid var(--line)", fontWeight: 700, color: short ? "var(--bad)" : undefined }}>{total}</td>
                  <td className="num">{need || <span className="muted">—</span>}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{T("现有", "Have")}</th>
              {QUESTION_TYPES.flatMap((t) =>
                selected.byTypeDifficulty[t].map((n, i) => {
                  const need = needs.byTypeDifficulty[t][i];
                  return (
                    <td key={`${t}${i}`} className="num" style={{ ...(i === 0 ? { borderLeft: "2px solid var(--line)" } : {}), fontWeight: 700, color: n < need ? "var(--warn)" : undefined }}>{n}</td>
                  );
                }),
              )}
              <td className="num" style={{ borderLeft: "2px solid var(--line)", fontWeight: 700 }}>{selected.total}</td>
              <td />
            </tr>
            <tr>
              <th scope="row">{T("需要", "Need")}</th>
              {QUESTION_TYPES.flatMap((t) =>
                needs.byTypeDifficulty[t].map((n, i) => <td key={`${t}${i}`} className="num muted" style={i === 0 ? { borderLeft: "2px solid var(--line)" } : undefined}>{n}</td>),
              )}
              <td className="num muted" style={{ borderLeft: "2px solid var(--line)" }}>{sum(QUESTION_TYPES.map((t) => needs.byType[t]))}</td>
              <td />
            </tr>
            <tr>
              <th scope="row">{T("题型合计", "By type")}</th>
              {QUESTION_TYPES.map((t) => (
                <td key={t} colSpan={5} style={{ textAlign: "center", borderLeft: "2px solid var(--line)", fontWeight: 700, color: selected.byType[t] < needs.byType[t] ? "var(--bad)" : "var(--ok)" }}>
                  {selected.byType[t]} / {needs.byType[t]}
                </td>
              ))}
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="muted" style={{ fontSize: ".9rem" }}>
        {T(
          "红色：题型或必学主题题量不足，无法抽出两套试卷；橙色：某难度题量偏少，抽题时会用相邻难度代替。空白格（0）表示该知识点、题型、难度下没有可用试题。",
          "Red: a type or required topic is short, two papers cannot be drawn. Amber: a difficulty is short; the draw falls back to a neighbouring difficulty. 0 means no usable question in that cell.",
        )}
      </p>
    </>
  );
}

function cellStyle(n: number): React.CSSProperties {
  if (n === 0) return { color: "#a0a9b5", background: "#f7f8fa" };
  if (n < 3) return { background: "#fdf1dc" };
  if (n < 10) return { background: "#e6f0fa" };
  return { background: "#cfe1f5" };
}

function StatusBadge({ status, lang }: { status: "ok" | "warn" | "bad"; lang: Lang }) {
  const label = { ok: { zh: "充足", en: "Enough" }, warn: { zh: "难度偏少", en: "Thin on difficulty" }, bad: { zh: "不足", en: "Short" } }[status];
  return <span className={`badge ${status}`}>{L(lang, label)}</span>;
}

function describeShortfall(s: Shortfall, lang: Lang): string {
  const en = lang === "en";
  const type = s.type ? L(lang, TYPE_LABEL[s.type]) : "";
  const gap = s.need - s.have;
  switch (s.kind) {
    case "type":
      return en ? `${type}: ${s.have} usable, ${s.need} needed (add ${gap})` : `${type}：可用 ${s.have} 题，需要 ${s.need} 题（差 ${gap} 题）`;
    case "topic":
      return en ? `${s.topic}: ${s.have} usable, ${s.need} needed (add ${gap})` : `必学主题 ${s.topic}：可用 ${s.have} 题，需要 ${s.need} 题（差 ${gap} 题）`;
    case "topicType":
      return en ? `${s.topic} · ${type}: ${s.have} usable, ${s.need} needed` : `${s.topic} · ${type}：可用 ${s.have} 题，需要 ${s.need} 题（差 ${gap} 题）`;
    case "typeDifficulty":
      return en ? `${type}, difficulty ${s.difficulty}: ${s.have} usable, ${s.need} needed` : `${type} 难度 ${s.difficulty}：可用 ${s.have} 题，需要 ${s.need} 题（偏少 ${gap} 题）`;
  }
}
