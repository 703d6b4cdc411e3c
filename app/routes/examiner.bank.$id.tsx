// One question: its current content, where it has been used, every version, and (EXAMINER)
// edit → new version, retire, restore.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Outcome } from "~/components/FormBits";
import { QuestionForm, QuestionView } from "~/components/QuestionForm";
import { bankTopics, currentQuestion, questionDetail } from "~/data/bank-browse.server";
import { allowed } from "~/domain/access";
import { FIELD_LABEL } from "~/domain/bank/sheet";
import type { BankQuestion, QuestionField } from "~/domain/bank/types";
import { TOPICS } from "~/domain/vocabulary";
import { formValuesOf, questionFromForm, saveQuestion, setQuestionStatus, type QuestionFormValues } from "~/services/bank-edit.server";
import { done, invalid, readFormData } from "~/utils/form.server";
import { notFound, requireCap } from "~/utils/guard.server";
import { useLang } from "~/utils/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.question.id ?? "试题"} · 题库 · 安考` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCap(request, "bank.read");
  const question = await questionDetail(params.id!);
  if (!question) throw notFound("未找到该试题 Question not found");
  const topics = await bankTopics();
  return json({
    question,
    formValues: formValuesOf(question.versions[0].question),
    topics: [...TOPICS, ...topics.filter((t) => !(TOPICS as readonly string[]).includes(t))],
    canWrite: allowed(user.role, "bank.write"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCap(request, "bank.write");
  const id = params.id!;
  const form = await readFormData(request);
  const intent = form.get("intent");
  if (intent === "save") {
    if (!(await currentQuestion(id))) throw notFound("未找到该试题 Question not found");
    const { values, question, errors } = await questionFromForm(form, id);
    if (!question) return invalid(errors, { values });
    const r = await saveQuestion(actor, question, { create: false, baseVersion: Number(form.get("baseVersion")) });
    if (!r) throw notFound("未找到该试题 Question not found");
    if (!r.ok) return invalid(r.errors, { values });
    return redirect(`/examiner/bank/${encodeURIComponent(id)}?${r.unchanged ? "unchanged=1" : `saved=${r.version}`}`);
  }
  if (intent === "retire" || intent === "restore") {
    const r = await setQuestionStatus(actor, id, intent === "retire" ? "RETIRED" : "ACTIVE", String(form.get("reason") ?? "").trim());
    if (!r) throw notFound("未找到该试题 Question not found");
    if (!r.ok) return invalid({ _: r.message });
    return done(intent === "retire" ? "已停用：今后组卷不再抽取此题，已组入的试卷不受影响" : "已恢复使用");
  }
  return invalid({ _: "未知操作" });
}

const KIND = { FIRST: { zh: "首考", en: "First" }, RESIT: { zh: "补考", en: "Resit" } } as const;

export default function QuestionPage() {
  const { question: q, formValues, topics, canWrite } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const lang = useLang();
  const T = (zh: string, en: string) => (lang === "en" ? en : zh);
  const current = q.versions[0];
  const values = result && "values" in result ? (result.values as QuestionFormValues) : null;
  const editing = canWrite && (params.has("edit") || !!values);
  const saved = params.get("saved");
  const retired = q.status === "RETIRED";

  return (
    <>
      <p><Link to="/examiner/bank">← {T("题库", "Question bank")}</Link></p>
      <h1>
        {q.id}{" "}
        {retired ? <span className="badge muted">{T("已停用", "Retired")}</span> : <span className="badge ok">{T("使用中", "Active")}</span>}{" "}
        <span className="badge muted">{T(`第 ${q.currentVersion} 版`, `version ${q.currentVersion}`)}</span>
      </h1>
      {saved && <p className="notice success" role="status">{T(`已保存为第 ${saved} 版。之前的版本保持不变。`, `Saved as version ${saved}. Earlier versions are unchanged.`)}</p>}
      {params.has("created") && <p className="notice success" role="status">{T("已新增试题（第 1 版）。", "Question added (version 1).")}</p>}
      {params.has("unchanged") && <p className="notice" role="status">{T("内容没有变化，未生成新版本。", "Nothing changed; no new version.")}</p>}
      {result && !("values" in result) && <Outcome result={result} />}

      {canWrite && !editing && (
        <div className="toolbar">
          <Link className="button" to="?edit=1">{T("编辑（保存为新版本）", "Edit (saves a new version)")}</Link>
          <span className="spacer" />
          <Form method="post" className="toolbar" style={{ margin: 0 }}>
            <input name="reason" placeholder={retired ? T("恢复原因（可选）", "Reason (optional)") : T("停用原因（可选）", "Reason (optional)")} aria-label={T("原因", "Reason")} maxLength={500} />
            {retired ? (
              <button className="secondary" name="intent" value="restore">{T("恢复使用", "Restore")}</button>
            ) : (
              <button className="danger" name="intent" value="retire">{T("停用", "Retire")}</button>
            )}
          </Form>
        </div>
      )}

      {editing ? (
        <>
          <h2>{T(`编辑（当前第 ${q.currentVersion} 版）`, `Edit (now version ${q.currentVersion})`)}</h2>
          <QuestionForm values={values ?? formValues} errors={result && !result.ok ? result.errors : undefined} topics={topics} mode="edit" baseVersion={q.currentVersion} />
          <p><Link to=".">{T("取消编辑", "Cancel")}</Link></p>
        </>
      ) : (
        <div className="card">
          <h2 style={{ marginTop: 0 }}>{T("当前内容", "Current content")}</h2>
          <QuestionView q={current.question} />
        </div>
      )}

      <h2>{T("使用情况", "Where it has been used")}</h2>
      <p>
        {T("曝光次数（被组入试卷的次数，含各版本）：", "Exposure (times placed on a paper, any version): ")}
        <b>{q.exposure}</b>
      </p>
      {q.papers.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th>{T("试卷", "Paper")}</th><th>{T("批次", "Period")}</th><th>{T("类型", "Kind")}</th><th>{T("班次", "Class")}</th>
              <th>{T("版本", "Version")}</th><th>{T("题号", "Position")}</th><th>{T("状态", "Status")}</th>
            </tr>
          </thead>
          <tbody>
            {q.papers.map((p) => (
              <tr key={p.code}>
                <td>{p.code}</td>
                <td>{p.period}</td>
                <td>{p.kind in KIND ? KIND[p.kind as keyof typeof KIND][lang] : p.kind}</td>
                <td>{p.className} <span className="muted">{p.classCode}</span></td>
                <td>{p.versions.map((v) => `v${v}`).join("、")}</td>
                <td>{p.positions.join("、")}</td>
                <td>
                  {p.status === "SEALED" ? <span className="badge ok">{T("已封存", "Sealed")}</span> : <span className="badge muted">{T("草稿", "Draft")}</span>}
                  {p.voided && <> <span className="badge warn">{T("已作废此题", "Voided")}</span></>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{T("尚未被组入任何试卷。", "Not on any paper yet.")}</p>
      )}

      <h2>{T("版本历史", "Version history")}</h2>
      <table aria-label={T("版本历史", "Version history")}>
        <thead>
          <tr>
            <th>{T("版本", "Version")}</th><th>{T("创建时间", "Created")}</th><th>{T("创建人", "By")}</th>
            <th>{T("改动", "Changed")}</th><th className="num">{T("使用次数", "Used")}</th><th>{T("内容", "Content")}</th>
          </tr>
        </thead>
        <tbody>
          {q.versions.map((v, i) => {
            const prev = q.versions[i + 1];
            const changed = prev ? changedFields(v.question, prev.question) : null;
            return (
              <tr key={v.version}>
                <td style={{ whiteSpace: "nowrap" }}>
                  v{v.version} {v.version === q.currentVersion && <span className="badge ok">{T("当前", "current")}</span>}
                </td>
                <td style={{ whiteSpace: "nowrap" }}>{v.createdAt.slice(0, 16).replace("T", " ")}</td>
                <td>{v.createdBy}</td>
                <td>{changed === null ? T("首版", "first") : changed.length ? changed.map((f) => FIELD_LABEL[f]).join("、") : "—"}</td>
                <td className="num">{v.exposure}</td>
                <td style={{ width: "45%" }}>
                  <details>
                    <summary>{v.question.stem.length > 40 ? `${v.question.stem.slice(0, 40)}…` : v.question.stem}</summary>
                    <div style={{ marginTop: ".5rem" }}>
                      <QuestionView q={v.question} changed={changed ? new Set(changed) : undefined} />
                      <p className="muted" style={{ fontSize: ".8rem" }}>SHA-256 {v.contentHash.slice(0, 16)}…</p>
                    </div>
                  </details>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {q.trail.length > 0 && (
        <>
          <h2>{T("操作记录", "Activity")}</h2>
          <table>
            <thead><tr><th>{T("时间", "When")}</th><th>{T("操作", "Action")}</th><th>{T("操作人", "Who")}</th><th>{T("原因", "Reason")}</th></tr></thead>
            <tbody>
              {q.trail.map((t, i) => (
                <tr key={i}>
                  <td>{t.at.slice(0, 16).replace("T", " ")}</td>
                  <td>{ACTION[t.action as keyof typeof ACTION]?.[lang] ?? t.action}</td>
                  <td>{t.actor}</td>
                  <td>{t.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

const ACTION = {
  "question.create": { zh: "新增", en: "Created" },
  "question.edit": { zh: "编辑（新版本）", en: "Edited (new version)" },
  "question.retire": { zh: "停用", en: "Retired" },
  "question.restore": { zh: "恢复", en: "Restored" },
};

function changedFields(a: BankQuestion, b: BankQuestion): QuestionField[] {
  const keys: QuestionField[] = ["type", "topic", "stem", "options", "answer", "explanation", "source", "industry", "audience", "difficulty"];
  return keys.filter((k) => JSON.stringify(a[k as keyof BankQuestion]) !== JSON.stringify(b[k as keyof BankQuestion]));
}
