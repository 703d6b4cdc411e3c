import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/FormBits";
import { listClasses } from "~/data/classes.server";
import { ensureDefaultBlueprint } from "~/data/papers.server";
import { CATEGORY_LABEL, INDUSTRY_LABEL, type Category, type Industry } from "~/domain/vocabulary";
import { drawFirstPapers } from "~/services/papers.server";
import { db } from "~/utils/db.server";
import { requireCap } from "~/utils/guard.server";
import { readFormData } from "~/utils/form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireCap(request, "paper.manage");
  const prisma = await db();
  await ensureDefaultBlueprint(prisma);
  const [papers, classes, blueprints] = await Promise.all([
    prisma.paper.findMany({ orderBy: [{ period: "desc" }, { code: "asc" }], include: { class: true, _count: { select: { items: true } } } }),
    listClasses(actor),
    prisma.blueprint.findMany({ orderBy: [{ isDefault: "desc" }, { name: "asc" }], select: { id: true, name: true, isDefault: true } }),
  ]);
  const drawn = new Set(papers.filter((p) => p.kind === "FIRST").map((p) => `${p.period}|${p.classId}`));
  const year = new Date().getFullYear();
  return json({
    period: `${year}-1`,
    blueprints,
    papers: papers.map((p) => ({ id: p.id, code: p.code, period: p.period, kind: p.kind, status: p.status, hash: p.hash, className: p.class.name, items: p._count.items })),
    classes: classes.map((c) => ({
      id: c.id, code: c.code, name: c.name, year: c.year, size: c._count.enrolments,
      label: `${INDUSTRY_LABEL[c.industry as Industry].zh} · ${CATEGORY_LABEL[c.category as Category].zh}`,
      drawnPeriods: papers.filter((p) => p.classId === c.id && p.kind === "FIRST").map((p) => p.period),
    })),
    drawnKeys: [...drawn],
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireCap(request, "paper.manage");
  const form = await readFormData(request);
  const period = String(form.get("period") ?? "").trim();
  const classIds = form.getAll("classId").map(String);
  if (!/^[0-9A-Za-z-]{4,20}$/.test(period)) return json({ ok: false as const, error: "考试批次格式：字母、数字和 -，如 2025-1", failures: [], papers: [] }, { status: 400 });
  if (classIds.length === 0) return json({ ok: false as const, error: "请至少选择一个班次", failures: [], papers: [] }, { status: 400 });
  const r = await drawFirstPapers(actor, { period, classIds, blueprintId: String(form.get("blueprintId") ?? "") || undefined });
  return r.ok ? json({ ok: true as const, error: null, failures: [], papers: r.papers }) : json({ ok: false as const, error: "题库不足以满足组卷规则，未生成任何试卷：", failures: r.failures, papers: [] }, { status: 400 });
}

export default function Papers() {
  const { papers, classes, blueprints, period } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1>试卷（按班次单独出卷）</h1>
      {result?.ok && (
        <div className="notice success" role="status">
          已为 {result.papers.length} 个班次各抽取一份试卷：
          <ul>{result.papers.map((p) => <li key={p.id}><Link to={`/examiner/papers/${p.id}`}>{p.code}</Link> · {p.className} · <code>{p.hash.slice(0, 12)}</code></li>)}</ul>
        </div>
      )}
      {result && !result.ok && (
        <div className="notice error" role="alert">
          {result.error}
          {result.failures.map((f) => (
            <div key={f.className}><b>{f.className}</b><ul className="errors">{f.messages.map((m) => <li key={m}>{m}</li>)}</ul></div>
          ))}
        </div>
      )}
      <div className="card">
        <h2>抽取试卷</h2>
        <Form method="post">
          <div className="form-grid">
            <Field label="考试批次" name="period"><input name="period" defaultValue={period} required /></Field>
            <Field label="组卷规则" name="blueprintId">
              <select name="blueprintId">{blueprints.map((b) => <option key={b.id} value={b.id}>{b.name}{b.isDefault ? "（默认）" : ""}</option>)}</select>
            </Field>
          </div>
          <table style={{ marginTop: "1rem" }}>
            <thead><tr><th>选择</th><th>班次</th><th>类别</th><th className="num">人数</th><th>已抽取批次</th></tr></thead>
            <tbody>
              {classes.map((c) => (
                <tr key={c.id}>
                  <td><input type="checkbox" name="classId" value={c.id} aria-label={c.name} /></td>
                  <td>{c.code} {c.name}</td><td>{c.label}</td><td className="num">{c.size}</td><td>{c.drawnPeriods.join("、") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p><button disabled={busy}>{busy ? "正在抽取…" : "为所选班次各抽取一份试卷"}</button></p>
        </Form>
      </div>
      <h2>已抽取的试卷</h2>
      <table>
        <thead><tr><th>试卷编号</th><th>批次</th><th>类型</th><th>班次</th><th className="num">题数</th><th>状态</th><th>校验码</th></tr></thead>
        <tbody>
          {papers.map((p) => (
            <tr key={p.id}>
              <td><Link to={`/examiner/papers/${p.id}`}>{p.code}</Link></td><td>{p.period}</td><td>{p.kind === "FIRST" ? "首次" : "补考"}</td>
              <td>{p.className}</td><td className="num">{p.items}</td>
              <td>{p.status === "SEALED" ? <span className="badge ok">已封存</span> : <span className="badge warn">草稿</span>}</td>
              <td><code>{p.hash.slice(0, 12)}</code></td>
            </tr>
          ))}
          {papers.length === 0 && <tr><td colSpan={7} className="muted">尚未抽取试卷</td></tr>}
        </tbody>
      </table>
    </>
  );
}
