// A bank question on screen: the add/edit form (each save makes a new version) and a read-only
// view. Everything a question holds is rendered as text; nothing is injected as HTML.
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { LETTERS } from "~/domain/question";
import { BANK_INDUSTRIES, CATEGORIES, CATEGORY_LABEL, QUESTION_TYPES, TYPE_LABEL, type BankIndustry, type QuestionType } from "~/domain/vocabulary";
import type { BankQuestion } from "~/domain/bank/types";
import type { QuestionFormValues } from "~/services/bank-edit.server";
import type { FieldErrors } from "~/utils/form.server";
import { L, useLang } from "~/utils/i18n";

export const BANK_INDUSTRY_LABEL: Record<BankIndustry, { zh: string; en: string }> = {
  general: { zh: "通用", en: "General" },
  mining: { zh: "矿山", en: "Mining" },
  machinery: { zh: "机械制造", en: "Machinery" },
};
const OPTION_SLOTS = 5;
const OPTION_HINT: Record<QuestionType, { zh: string; en: string }> = {
  judge: { zh: "", en: "" },
  single: { zh: "单选题 3–4 个选项，勾选唯一正确答案", en: "3–4 options, tick the one correct answer" },
  multiple: { zh: "多选题 4–5 个选项，勾选全部正确答案（至少 2 个）", en: "4–5 options, tick every correct answer (at least 2)" },
};

function Err({ errors, name }: { errors?: FieldErrors; name: string }) {
  const e = errors?.[name];
  return e ? <span className="errors" role="alert" style={{ display: "block", margin: ".2rem 0 0" }}>{e}</span> : null;
}

const wide: React.CSSProperties = { gridColumn: "1 / -1" };
const group: React.CSSProperties = { border: "1px solid var(--line)", borderRadius: "var(--radius)", padding: ".5rem .8rem", margin: 0 };
const checks: React.CSSProperties = { display: "flex", gap: "1.2rem", flexWrap: "wrap" };
const inlineLabel: React.CSSProperties = { flexDirection: "row", alignItems: "center", gap: ".35rem", color: "var(--ink)" };

export function QuestionForm({
  values,
  errors,
  topics,
  mode,
  baseVersion,
}: {
  values: QuestionFormValues;
  errors?: FieldErrors;
  topics: readonly string[];
  mode: "create" | "edit";
  baseVersion?: number;
}) {
  const lang = useLang();
  const T = (zh: string, en: string) => (lang === "en" ? en : zh);
  const [type, setType] = useState<QuestionType>((QUESTION_TYPES as readonly string[]).includes(values.type) ? (values.type as QuestionType) : "single");
  const busy = useNavigation().state === "submitting";
  const answer = new Set(values.answer);
  const topicList = topics.includes(values.topic) || !values.topic ? topics : [...topics, values.topic];

  return (
    <Form method="post" className="card" aria-label={T("试题表单", "Question form")}>
      <input type="hidden" name="intent" value="save" />
      {baseVersion !== undefined && <input type="hidden" name="baseVersion" value={baseVersion} />}
      {errors && Object.keys(errors).length > 0 && (
        <p className="notice error" role="alert">
          {errors._ ?? T("请修改下面标红的项目后再保存。未保存任何内容。", "Please fix the fields marked in red. Nothing was saved.")}
        </p>
      )}
      <div className="form-grid" style={{ alignItems: "start" }}>
        <label>
          {T("编号", "Id")}
          {mode === "create" ? (
            <input name="id" defaultValue={values.id} placeholder={T("留空则自动编号", "blank: next free id")} pattern="[a-z0-9]+(-[a-z0-9]+)*" title={T("小写字母、数字和“-”", "lowercase letters, digits and -")} />
          ) : (
            <input value={values.id} readOnly aria-readonly="true" style={{ background: "#eef2f7" }} />
          )}
          <Err errors={errors} name="id" />
        </label>
        <label>
          {T("题型", "Type")}
          <select name="type" value={type} onChange={(e) => setType(e.target.value as QuestionType)}>
            {QUESTION_TYPES.map((t) => <option key={t} value={t}>{L(lang, TYPE_LABEL[t])}</option>)}
          </select>
          <Err errors={errors} name="type" />
        </label>
        <label>
          {T("知识点", "Topic")}
          <select name="topic" defaultValue={values.topic} required>
            <option value="">{T("请选择", "Choose")}</option>
            {topicList.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
          <Err errors={errors} name="topic" />
        </label>
        <label>
          {T("难度（1 最易 – 5 最难）", "Difficulty (1 easy – 5 hard)")}
          <select name="difficulty" defaultValue={values.difficulty || "2"}>
            {[1, 2, 3, 4, 5].map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
          <Err errors={errors} name="difficulty" />
        </label>

        <label style={wide}>
          {T("题干（填空处写作“（  ）”）", "Stem")}
          <textarea name="stem" rows={3} defaultValue={values.stem} required maxLength={2000} />
          <Err errors={errors} name="stem" />
        </label>

        {type === "judge" ? (
          <fieldset style={{ ...group, ...wide }}>
            <legend>{T("答案", "Answer")}</legend>
            <div style={checks}>
              <label style={inlineLabel}><input type="radio" name="answer" value="true" defaultChecked={answer.has("true")} />{T("正确", "True")}</label>
              <label style={inlineLabel}><input type="radio" name="answer" value="false" defaultChecked={answer.has("false")} />{T("错误", "False")}</label>
            </div>
            <Err errors={errors} name="answer" />
            <Err errors={errors} name="options" />
          </fieldset>
        ) : (
          <fieldset style={{ ...group, ...wide }}>
            <legend>{T("选项与正确答案", "Options and correct answer")}</legend>
            <p className="muted" style={{ margin: "0 0 .4rem", fontSize: ".9rem" }}>{L(lang, OPTION_HINT[type])}</p>
            {Array.from({ length: OPTION_SLOTS }, (_, i) => {
              const letter = LETTERS[i];
              return (
                <div key={letter} style={{ display: "grid", gridTemplateColumns: "7.5rem 1.5rem 1fr", gap: ".5rem", alignItems: "center", marginBottom: ".35rem" }}>
                  <label key={type} style={inlineLabel}>
                    <input type={type === "single" ? "radio" : "checkbox"} name="answer" value={letter} defaultChecked={answer.has(letter)} />
                    {T("正确答案", "Correct")}
                  </label>
                  <b aria-hidden="true">{letter}</b>
                  <input name="option" defaultValue={values.options[i] ?? ""} aria-label={`${T("选项", "Option")} ${letter}`} maxLength={500} />
                </div>
              );
            })}
            <Err errors={errors} name="options" />
            <Err errors={errors} name="answer" />
          </fieldset>
        )}

        <label style={wide}>
          {T("解析", "Explanation")}
          <textarea name="explanation" rows={2} defaultValue={values.explanation} required maxLength={2000} />
          <Err errors={errors} name="explanation" />
        </label>
        <label style={wide}>
          {T("依据（法规或标准名称用《》括起）", "Source (cite the law or standard in 《》)")}
          <input name="source" defaultValue={values.source} required placeholder="《安全生产法》第二十一条" maxLength={300} />
          <Err errors={errors} name="source" />
        </label>

        <fieldset style={{ ...group, gridColumn: "span 2" }}>
          <legend>{T("行业", "Industry")}</legend>
          <div style={checks}>
            {BANK_INDUSTRIES.map((i) => (
              <label key={i} style={inlineLabel}><input type="checkbox" name="industry" value={i} defaultChecked={values.industry.includes(i)} />{L(lang, BANK_INDUSTRY_LABEL[i])}</label>
            ))}
          </div>
          <Err errors={errors} name="industry" />
        </fieldset>
        <fieldset style={{ ...group, gridColumn: "span 2" }}>
          <legend>{T("适用人员", "Audience")}</legend>
          <div style={checks}>
            {CATEGORIES.map((c) => (
              <label key={c} style={inlineLabel}><input type="checkbox" name="audience" value={c} defaultChecked={values.audience.includes(c)} />{L(lang, CATEGORY_LABEL[c])}</label>
            ))}
          </div>
          <Err errors={errors} name="audience" />
        </fieldset>
      </div>
      <p style={{ marginBottom: 0 }}>
        <button disabled={busy}>{mode === "create" ? T("保存新题", "Save new question") : T("保存为新版本", "Save as a new version")}</button>{" "}
        <span className="muted">
          {mode === "create" ? T("保存后为第 1 版。", "Saved as version 1.") : T("原有版本保持不变，已组入试卷的仍使用原版本。", "Earlier versions stay as they are; papers keep the versions they pinned.")}
        </span>
      </p>
    </Form>
  );
}

/** The answer as people read it: 正确/错误, or the letter(s). */
export function answerLabel(q: Pick<BankQuestion, "answer">, lang: "zh" | "en" = "zh"): string {
  if (typeof q.answer === "boolean") return q.answer ? (lang === "en" ? "True" : "正确") : lang === "en" ? "False" : "错误";
  return Array.isArray(q.answer) ? q.answer.join("") : q.answer;
}

/** A question read-only: stem, options with the correct ones marked, answer, explanation, tags. */
export function QuestionView({ q, changed }: { q: BankQuestion; changed?: ReadonlySet<string> }) {
  const lang = useLang();
  const T = (zh: string, en: string) => (lang === "en" ? en : zh);
  const correct = new Set(Array.isArray(q.answer) ? q.answer : typeof q.answer === "string" ? [q.answer] : []);
  const mark = (field: string): React.CSSProperties | undefined => (changed?.has(field) ? { background: "#fff4d6" } : undefined);
  return (
    <div>
      <p style={{ fontSize: "1.05rem", margin: "0 0 .6rem", whiteSpace: "pre-wrap", ...mark("stem") }}>{q.stem}</p>
      {q.options.length > 0 && (
        <ol style={{ listStyle: "none", padding: 0, margin: "0 0 .6rem", ...mark("options") }}>
          {q.options.map((o, i) => (
            <li key={i} style={{ padding: ".1rem 0" }}>
              <b>{LETTERS[i]}.</b> {o} {correct.has(LETTERS[i]) && <span className="badge ok">{T("正确", "correct")}</span>}
            </li>
          ))}
        </ol>
      )}
      <dl style={{ display: "grid", gridTemplateColumns: "7rem 1fr", gap: ".25rem .75rem", margin: 0 }}>
        <dt className="muted">{T("答案", "Answer")}</dt>
        <dd style={{ margin: 0, ...mark("answer") }}><b>{answerLabel(q, lang)}</b></dd>
        <dt className="muted">{T("解析", "Explanation")}</dt>
        <dd style={{ margin: 0, whiteSpace: "pre-wrap", ...mark("explanation") }}>{q.explanation}</dd>
        <dt className="muted">{T("依据", "Source")}</dt>
        <dd style={{ margin: 0, ...mark("source") }}>{q.source}</dd>
        <dt className="muted">{T("题型 · 知识点", "Type · topic")}</dt>
        <dd style={{ margin: 0, ...mark("type"), ...mark("topic") }}>{L(lang, TYPE_LABEL[q.type])} · {q.topic}</dd>
        <dt className="muted">{T("行业", "Industry")}</dt>
        <dd style={{ margin: 0, ...mark("industry") }}>{q.industry.map((i) => L(lang, BANK_INDUSTRY_LABEL[i])).join("、")}</dd>
        <dt className="muted">{T("适用人员", "Audience")}</dt>
        <dd style={{ margin: 0, ...mark("audience") }}>{q.audience.map((c) => L(lang, CATEGORY_LABEL[c])).join("、")}</dd>
        <dt className="muted">{T("难度", "Difficulty")}</dt>
        <dd style={{ margin: 0, ...mark("difficulty") }}>{q.difficulty}</dd>
      </dl>
    </div>
  );
}
