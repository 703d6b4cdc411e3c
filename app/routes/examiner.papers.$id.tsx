import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getPaper } from "~/data/papers.server";
import { contentOfRow } from "~/data/questions.server";
import { letterOf } from "~/domain/question";
import { TYPE_LABEL, type QuestionType } from "~/domain/vocabulary";
import { discardDraft, drawResitPaper, sealPaper, verifyPaper } from "~/services/papers.server";
import { db } from "~/utils/db.server";
import { notFound, requireCap } from "~/utils/guard.server";
import { readFormData } from "~/utils/form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCap(request, "paper.manage");
  const prisma = await db();
  const p = await getPaper(prisma, params.id!);
  if (!p) throw notFound();
  const resit = await prisma.paper.findFirst({ where: { basePaperId: p.id }, select: { id: true, code: true } });
  const base = p.basePaperId ? await prisma.paper.findUnique({ where: { id: p.basePaperId }, select: { id: true, code: true } }) : null;
  return json({
    paper: { id: p.id, code: p.code, period: p.period, kind: p.kind, status: p.status, hash: p.hash, seed: p.seed, algorithm: p.algorithm, sealedAt: p.sealedAt?.toISOString() ?? null, className: `${p.class.code} ${p.class.name}`, blueprint: p.blueprint.name },
    spec: JSON.parse(p.blueprintSpec) as { totalPoints: number; passMark: number; durationMin: number },
    items: p.items.map((i) => {
      const q = contentOfRow(i.questionVersion);
      return { position: i.position, section: i.section as QuestionType, points: i.points, questionId: i.questionVersion.questionId, version: i.questionVersion.version, stem: q.stem, options: q.options, answer: q.answer, topic: q.topic, difficulty: q.difficulty, source: q.source };
    }),
    resit,
    base,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCap(request, "paper.manage");
  const intent = (await readFormData(request)).get("intent");
  if (intent === "seal") {
    const r = await sealPaper(actor, params.id!);
    return json({ ok: r.ok, message: r.ok ? "试卷已封存，内容不可再改动" : r.message, verify: null });
  }
  if (intent === "verify") {
    const v = await verifyPaper(params.id!);
    if (!v) throw notFound();
    return json({ ok: v.ok, message: v.message, verify: v });
  }
  if (intent === "resit") {
    const r = await drawResitPaper(actor, params.id!);
    if (r.ok) return redirect(`/examiner/papers/${r.papers[0].id}`);
    return json({ ok: false, message: r.failures.flatMap((f) => f.messages).join("；"), verify: null }, { status: 400 });
  }
  if (intent === "discard") {
    const r = await discardDraft(actor, params.id!);
    return r.ok ? redirect("/examiner/papers") : json({ ok: false, message: r.message, verify: null }, { status: 400 });
  }
  return json({ ok: false, message: "未知操作", verify: null }, { status: 400 });
}

const answerLabel = (section: QuestionType, a: unknown) => (section === "judge" ? (a ? "正确" : "错误") : Array.isArray(a) ? a.join("") : String(a));

export default function PaperPage() {
  const { paper, spec, items, resit, base } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const sealed = paper.status === "SEALED";
  return (
    <>
      <p><Link to="/examiner/papers">← 试卷</Link></p>
      <h1>{paper.code} {sealed ? <span className="badge ok">已封存</span> : <span className="badge warn">草稿</span>}</h1>
      <p className="muted">
        {paper.className} · {paper.kind === "FIRST" ? "首次考试" : "补考"} · 批次 {paper.period} · 组卷规则：{paper.blueprint} · 满分 {spec.totalPoints}，{spec.passMark} 分及格，{spec.durationMin} 分钟
      </p>
      <div className="card">
        <p>校验码（SHA-256）：<code>{paper.hash}</code></p>
        <p className="muted">种子 <code>{paper.seed}</code> · 算法 {paper.algorithm}{paper.sealedAt && ` · 封存于 ${new Date(paper.sealedAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}`}
          {base && <> · 首次试卷 <Link to={`/examiner/papers/${base.id}`}>{base.code}</Link></>}
          {resit && <> · 补考卷 <Link to={`/examiner/papers/${resit.id}`}>{resit.code}</Link></>}
        </p>
        {result && <p className={`notice ${result.ok ? "success" : "error"}`} role="status">{result.message}</p>}
        <div className="toolbar">
          <Form method="post"><button name="intent" value="verify" className="secondary">校验</button></Form>
          {!sealed && <Form method="post"><button name="intent" value="seal">封存试卷</button></Form>}
          {!sealed && <Form method="post"><button name="intent" value="discard" className="secondary">作废草稿</button></Form>}
          {paper.kind === "FIRST" && !resit && <Form method="post"><button name="intent" value="resit" className="secondary">抽取补考卷（与本卷无重复题）</button></Form>}
          <span className="spacer" />
          <a className="button secondary" href={`/examiner/papers/${paper.id}/file?kind=paper`}>打印试卷 PDF</a>
          <a className="button secondary" href={`/examiner/papers/${paper.id}/file?kind=key`}>答案 PDF</a>
          <a className="button secondary" href={`/examiner/papers/${paper.id}/file?kind=json`}>试卷 JSON（供复核）</a>
        </div>
      </div>
      <table>
        <thead><tr><th className="num">#</th><th>题型</th><th>题目</th><th>答案</th><th>知识点 · 难度</th><th>依据</th></tr></thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.position}>
              <td className="num">{i.position}</td>
              <td>{TYPE_LABEL[i.section].zh}<br /><span className="muted">{i.points} 分</span></td>
              <td>
                {i.stem}
                {i.options.length > 0 && <ol className="options">{i.options.map((o, k) => <li key={k}>{letterOf(k)}. {o}</li>)}</ol>}
                <div className="muted"><Link to={`/examiner/bank/${i.questionId}`}>{i.questionId}</Link> v{i.version}</div>
              </td>
              <td>{answerLabel(i.section, i.answer)}</td>
              <td>{i.topic} · {i.difficulty}</td>
              <td className="muted">{i.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
