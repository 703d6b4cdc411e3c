import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ensureDefaultBlueprint, specOf } from "~/data/papers.server";
import { DIFFICULTIES, itemCountOf, type BlueprintSpec } from "~/domain/blueprint";
import { QUESTION_TYPES, REQUIRED_LAWS, TYPE_LABEL } from "~/domain/vocabulary";
import { blueprintFromForm, makeDefault, saveBlueprint } from "~/services/blueprints.server";
import { db } from "~/utils/db.server";
import { requireCap } from "~/utils/guard.server";
import { readFormData } from "~/utils/form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCap(request, "paper.manage");
  const prisma = await db();
  await ensureDefaultBlueprint(prisma);
  const rows = await prisma.blueprint.findMany({ orderBy: [{ isDefault: "desc" }, { name: "asc" }], include: { _count: { select: { papers: true } } } });
  return json({ blueprints: rows.map((b) => ({ id: b.id, isDefault: b.isDefault, papers: b._count.papers, spec: specOf(b) })) });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireCap(request, "paper.manage");
  const form = await readFormData(request);
  const id = String(form.get("id") ?? "") || undefined;
  if (form.get("intent") === "default" && id) {
    await makeDefault(actor, id);
    return json({ ok: true, problems: [] as string[], message: "已设为默认组卷规则" });
  }
  const r = await saveBlueprint(actor, blueprintFromForm(form), id);
  return r.ok ? json({ ok: true, problems: [] as string[], message: "组卷规则已保存" }) : json({ ok: false, problems: r.problems, message: "组卷规则有误，未保存：" }, { status: 400 });
}

function Summary({ s }: { s: BlueprintSpec }) {
  return (
    <span>
      {s.sections.map((x) => `${TYPE_LABEL[x.type].zh} ${x.count}×${x.pointsPerItem}`).join("，")} · 共 {itemCountOf(s)} 题 {s.totalPoints} 分 · {s.passMark} 分及格 · {s.durationMin} 分钟 ·{" "}
      {s.multipleScoring.mode === "PARTIAL" ? `多选少选得分（每个正确选项 ${Math.round(s.multipleScoring.perCorrectShare * 100)}%）` : "多选全对得分"} · 同批次重复率 ≤ {Math.round(s.maxOverlapWithPeriod * 100)}%
      {s.resitNoOverlap ? " · 补考卷与首卷无重复" : ""}
    </span>
  );
}

export default function Blueprints() {
  const { blueprints } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const editing = blueprints.find((b) => b.id === params.get("edit")) ?? blueprints.find((b) => b.isDefault)!;
  const s = editing.spec;
  const sec = (t: string) => s.sections.find((x) => x.type === t);
  const isNew = params.get("edit") === "new";
  return (
    <>
      <h1>组卷规则</h1>
      <table>
        <thead><tr><th>名称</th><th>内容</th><th className="num">试卷</th><th>操作</th></tr></thead>
        <tbody>
          {blueprints.map((b) => (
            <tr key={b.id}>
              <td>{b.spec.name} {b.isDefault && <span className="badge ok">默认</span>}</td>
              <td><Summary s={b.spec} /></td>
              <td className="num">{b.papers}</td>
              <td>
                <Link to={`?edit=${b.id}`}>编辑</Link>{" "}
                {!b.isDefault && <Form method="post" className="inline"><input type="hidden" name="id" value={b.id} /><button name="intent" value="default" className="secondary">设为默认</button></Form>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p><Link to="?edit=new">＋ 以此为模板新建组卷规则</Link></p>
      <div className="card">
        <h2>{isNew ? "新建组卷规则" : `编辑：${s.name}`}</h2>
        <p className="muted">已抽取的试卷保存了抽取时的规则副本，修改规则不影响已有试卷。</p>
        {result && <div className={`notice ${result.ok ? "success" : "error"}`} role="alert">{result.message}{result.problems.length > 0 && <ul className="errors">{result.problems.map((p) => <li key={p}>{p}</li>)}</ul>}</div>}
        <Form method="post" key={editing.id + (isNew ? "new" : "")}>
          {!isNew && <input type="hidden" name="id" value={editing.id} />}
          <div className="form-grid">
            <label>名称<input name="name" defaultValue={isNew ? `${s.name}（副本）` : s.name} required /></label>
            <label>总分<input name="totalPoints" type="number" defaultValue={s.totalPoints} /></label>
            <label>及格分<input name="passMark" type="number" defaultValue={s.passMark} /></label>
            <label>考试时长（分钟）<input name="durationMin" type="number" defaultValue={s.durationMin} /></label>
          </div>
          <h3>题型</h3>
          <div className="form-grid">
            {QUESTION_TYPES.map((t) => (
              <fieldset key={t} className="plain">
                <legend>{TYPE_LABEL[t].zh}</legend>
                <label>题数<input name={`${t}.count`} type="number" min={0} defaultValue={sec(t)?.count ?? 0} /></label>
                <label>每题分值<input name={`${t}.points`} type="number" step="0.5" min={0} defaultValue={sec(t)?.pointsPerItem ?? 1} /></label>
              </fieldset>
            ))}
          </div>
          <h3>多选题计分</h3>
          <div className="form-grid">
            <label>计分方式
              <select name="multipleMode" defaultValue={s.multipleScoring.mode}>
                <option value="ALL_OR_NOTHING">全部选对才得分</option>
                <option value="PARTIAL">少选得分（错选不得分）</option>
              </select>
            </label>
            <label>少选时每个正确选项得分（占该题分值 %）<input name="perCorrectShare" type="number" min={0} max={100} defaultValue={s.multipleScoring.mode === "PARTIAL" ? Math.round(s.multipleScoring.perCorrectShare * 100) : 25} /></label>
          </div>
          <h3>必学法律最少题数</h3>
          <div className="form-grid">
            {REQUIRED_LAWS.map((law) => (
              <label key={law}>《{law}》<input name={`min.${law}`} type="number" min={0} defaultValue={s.topicMinimums.find((m) => m.topic === law && !m.type)?.min ?? 0} /></label>
            ))}
          </div>
          <h3>难度分布（%）</h3>
          <div className="form-grid">
            {DIFFICULTIES.map((d) => (
              <label key={d}>难度 {d}<input name={`mix.${d}`} type="number" min={0} max={100} defaultValue={Math.round((s.difficultyMix[d] ?? 0) * 100)} /></label>
            ))}
          </div>
          <h3>重复控制</h3>
          <div className="form-grid">
            <label>与同批次其他试卷的最大重复率（%）<input name="maxOverlap" type="number" min={0} max={100} defaultValue={Math.round(s.maxOverlapWithPeriod * 100)} /></label>
            <label className="check"><input type="checkbox" name="resitNoOverlap" defaultChecked={s.resitNoOverlap} /> 补考卷与首次考试试卷无重复题</label>
          </div>
          <p><button>保存组卷规则</button></p>
        </Form>
      </div>
    </>
  );
}
