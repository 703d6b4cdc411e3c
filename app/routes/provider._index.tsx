import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, Outcome } from "~/components/FormBits";
import { classRows } from "~/data/classes.server";
import { CATEGORIES, CATEGORY_LABEL, INDUSTRY_LABEL } from "~/domain/vocabulary";
import { classSchema, createClass } from "~/services/training.server";
import { invalid, parseForm, readFormData } from "~/utils/form.server";
import { requireCap } from "~/utils/guard.server";
import { L, useLang } from "~/utils/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireCap(request, "class.manage");
  return json({ classes: await classRows(actor) });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireCap(request, "class.manage");
  const parsed = parseForm(classSchema, await readFormData(request));
  if (!parsed.ok) return invalid(parsed.errors);
  const c = await createClass(actor, parsed.data);
  return redirect(`/provider/classes/${c.id}`);
}

export default function ProviderClasses() {
  const { classes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const lang = useLang();
  const e = result?.errors;
  return (
    <>
      <h1>{lang === "en" ? "Training classes" : "培训班次"}</h1>
      <table>
        <thead>
          <tr><th>编号</th><th>班次</th><th>行业</th><th>人员类别</th><th>培训期</th><th className="num">人数</th></tr>
        </thead>
        <tbody>
          {classes.map((c) => (
            <tr key={c.id}>
              <td>{c.code}</td>
              <td><Link to={`/provider/classes/${c.id}`}>{c.name}</Link></td>
              <td>{L(lang, INDUSTRY_LABEL[c.industry])}</td>
              <td>{L(lang, CATEGORY_LABEL[c.category])}</td>
              <td>{c.start} – {c.end}</td>
              <td className="num">{c.size}</td>
            </tr>
          ))}
          {classes.length === 0 && <tr><td colSpan={6} className="muted">暂无班次</td></tr>}
        </tbody>
      </table>
      <div className="card" style={{ marginTop: "1.5rem" }}>
        <h2>新建班次</h2>
        <p className="muted">每个班次只含一类人员。线下小班：安全生产分管负责人不超过 40 人，专职安全管理人员和班组长不超过 80 人。</p>
        <Outcome result={result} />
        <Form method="post" className="form-grid">
          <Field label="班次名称" name="name" errors={e}><input name="name" required placeholder="2025年矿山班组长工伤预防培训班" /></Field>
          <Field label="年度" name="year" errors={e}><input name="year" type="number" defaultValue={new Date().getFullYear()} required /></Field>
          <Field label="行业" name="industry" errors={e}>
            <select name="industry"><option value="MINING">矿山</option><option value="MACHINERY">机械制造</option></select>
          </Field>
          <Field label="人员类别" name="category" errors={e}>
            <select name="category">{CATEGORIES.map((c) => <option key={c} value={c}>{CATEGORY_LABEL[c].zh}</option>)}</select>
          </Field>
          <Field label="开始日期" name="startDate" errors={e}><input name="startDate" type="date" required /></Field>
          <Field label="结束日期" name="endDate" errors={e}><input name="endDate" type="date" required /></Field>
          <Field label="培训地点" name="location" errors={e}><input name="location" /></Field>
          <div><button>创建班次</button></div>
        </Form>
      </div>
    </>
  );
}
