import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, unstable_parseMultipartFormData, unstable_createMemoryUploadHandler } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, Outcome } from "~/components/FormBits";
import { hours } from "~/domain/eligibility";
import { CATEGORY_LABEL, INDUSTRY_LABEL, MODE_LABEL, TRAINING_MODES, type Category, type Industry } from "~/domain/vocabulary";
import { classRoster, describeProblem, hoursSchema, importRoster, recordHours } from "~/services/training.server";
import { assertNoNul, done, invalid, parseForm } from "~/utils/form.server";
import { notFound, requireCap } from "~/utils/guard.server";
import { L, useLang } from "~/utils/i18n";

const MAX_UPLOAD = 5 * 1024 * 1024;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCap(request, "class.manage");
  const r = await classRoster(actor, params.id!);
  if (!r) throw notFound();
  const { cls, rule, trainees } = r;
  return json({
    cls: {
      id: cls.id,
      code: cls.code,
      name: cls.name,
      industry: cls.industry as Industry,
      category: cls.category as Category,
      start: cls.startDate.toISOString().slice(0, 10),
      end: cls.endDate.toISOString().slice(0, 10),
      location: cls.location,
    },
    rule,
    trainees,
  });
}

/** The page's multipart form, or null for anything else (another encoding, a file over the limit). */
async function readForm(request: Request): Promise<FormData | null> {
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD }));
  } catch {
    return null;
  }
  assertNoNul(form);
  return form;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCap(request, "class.manage");
  const form = await readForm(request);
  if (!form) return invalid({ _: `无法读取上传内容：请通过本页表单提交，名册文件不超过 ${MAX_UPLOAD / 1024 / 1024} MB` });
  const intent = form.get("intent");
  if (intent === "import") {
    const file = form.get("roster");
    if (!(file instanceof File) || file.size === 0) return invalid({ _: "请选择名册文件（.xlsx 或 .csv）" });
    const r = await importRoster(actor, params.id!, { bytes: Buffer.from(await file.arrayBuffer()), name: file.name });
    if (!r) throw notFound();
    if (!r.ok) return invalid({ _: r.message ?? `名册有 ${r.problems.length} 处错误，未导入任何记录。请修改后重新上传。` }, { problems: r.problems.map(describeProblem) });
    return done(`已导入 ${r.added} 名学员`);
  }
  if (intent === "hours") {
    const parsed = parseForm(hoursSchema, form);
    if (!parsed.ok) return invalid(parsed.errors);
    const r = await recordHours(actor, params.id!, form.getAll("enrolmentId").map(String), parsed.data);
    if (!r) throw notFound();
    return r.ok ? done(`已为 ${r.count} 名学员记录 ${parsed.data.hours} 学时`) : invalid(r.errors);
  }
  return invalid({ _: "未知操作" });
}

export default function ClassPage() {
  const { cls, rule, trainees } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const lang = useLang();
  const e = result?.errors;
  const notEligible = trainees.filter((t) => !t.eligible).length;
  return (
    <>
      <p><Link to="/provider">← 培训班次</Link></p>
      <h1>{cls.name}</h1>
      <p className="muted">
        {cls.code} · {L(lang, INDUSTRY_LABEL[cls.industry])} · {L(lang, CATEGORY_LABEL[cls.category])} · {cls.start} – {cls.end} {cls.location && `· ${cls.location}`}
      </p>
      <p className="notice">
        学时要求：{rule.minHours}–{rule.maxHours} 学时，线下（含实训）不低于 {Math.round(rule.minOfflineShare * 100)}%
        {rule.minPracticalShare > 0 && `，实训不低于 ${Math.round(rule.minPracticalShare * 100)}%`}；线下班级不超过 {rule.maxOfflineClassSize} 人。
        现有 {trainees.length} 人{notEligible > 0 && <>，<b>{notEligible} 人尚不具备考试资格</b></>}。
      </p>
      <Outcome result={result} />
      <Form method="post" encType="multipart/form-data">
        <input type="hidden" name="intent" value="hours" />
        <table>
          <thead>
            <tr>
              <th><span className="sr-only">选择</span></th><th>#</th><th>姓名</th><th>身份证号</th><th>企业</th>
              <th className="num">线上</th><th className="num">线下</th><th className="num">实训</th><th className="num">合计</th><th>考试资格</th>
            </tr>
          </thead>
          <tbody>
            {trainees.map((t, i) => (
              <tr key={t.enrolmentId}>
                <td><input type="checkbox" name="enrolmentId" value={t.enrolmentId} defaultChecked aria-label={t.name} /></td>
                <td>{i + 1}</td>
                <td>{t.name}</td>
                <td>{t.idMasked}</td>
                <td>{t.enterprise}</td>
                <td className="num">{hours(t.totals.online)}</td>
                <td className="num">{hours(t.totals.offline)}</td>
                <td className="num">{hours(t.totals.practical)}</td>
                <td className="num">{hours(t.totals.online + t.totals.offline + t.totals.practical)}</td>
                <td>{t.eligible ? <span className="badge ok">具备</span> : <span className="badge warn" title={t.reasons.join("；")}>未具备：{t.reasons.join("；")}</span>}</td>
              </tr>
            ))}
            {trainees.length === 0 && <tr><td colSpan={10} className="muted">名册为空：请先导入名册</td></tr>}
          </tbody>
        </table>
        {trainees.length > 0 && (
          <div className="card" style={{ marginTop: "1rem" }}>
            <h2>记录学时（勾选出勤学员）</h2>
            <div className="form-grid">
              <Field label="培训方式" name="mode" errors={e}>
                <select name="mode">{TRAINING_MODES.map((m) => <option key={m} value={m}>{MODE_LABEL[m].zh}</option>)}</select>
              </Field>
              <Field label="学时" name="hours" errors={e}><input name="hours" type="number" step="0.5" min="0.5" max="12" required /></Field>
              <Field label="日期" name="date" errors={e}><input name="date" type="date" min={cls.start} max={cls.end} required /></Field>
              <Field label="课程内容" name="subject" errors={e}><input name="subject" required placeholder="《安全生产法》解读" /></Field>
              <div><button>记录学时</button></div>
            </div>
          </div>
        )}
      </Form>
      <div className="card">
        <h2>导入名册</h2>
        <p className="muted">
          使用 <Link to="/provider/roster-template">名册模板</Link>（.xlsx 或 .csv）。有任何一行错误时，整份名册都不会导入，并列出每处错误的行号。
        </p>
        <Form method="post" encType="multipart/form-data" className="toolbar">
          <input type="hidden" name="intent" value="import" />
          <input type="file" name="roster" accept=".xlsx,.csv" required aria-label="名册文件" />
          <button>上传并导入</button>
        </Form>
      </div>
    </>
  );
}
