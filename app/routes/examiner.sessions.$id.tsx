import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { planRoster } from "~/services/sessions.server";
import { releaseResults, voidItem } from "~/services/results.server";
import { db } from "~/utils/db.server";
import { notFound, requireCap } from "~/utils/guard.server";
import { readFormData } from "~/utils/form.server";

const STATE: Record<string, string> = { AWAITING: "待放行", IN_PROGRESS: "答题中", PAUSED: "已暂停", LOCKED: "已锁定", SUBMITTED: "已交卷", TERMINATED: "已终止" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCap(request, "session.manage");
  const prisma = await db();
  const s = await prisma.examSession.findUnique({
    where: { id: params.id! },
    include: {
      venue: true, county: true, proctors: { include: { user: true } },
      classes: { include: { class: true, paper: { include: { _count: { select: { items: true } } } } } },
      registrations: { orderBy: { seat: "asc" }, include: { enrolment: { include: { trainee: true, class: true } }, attempt: true } },
    },
  });
  if (!s) throw notFound();
  const registered = new Set(s.registrations.map((r) => r.enrolmentId));
  const plan = await prisma.$transaction((tx) => planRoster(tx, s.classes.map((c) => ({ classId: c.classId, paperId: c.paperId }))));
  return json({
    session: {
      id: s.id, code: s.code, name: s.name, status: s.status, venue: `${s.county.name} ${s.venue.name}`, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(),
      durationMin: s.durationMin, requireCamera: s.requireCamera, requireSeb: s.requireSeb, releaseMode: s.releaseMode, released: s.resultsReleasedAt?.toISOString() ?? null,
      proctors: s.proctors.map((p) => p.user.displayName),
    },
    classes: s.classes.map((c) => ({ classId: c.classId, name: `${c.class.code} ${c.class.name}`, paperId: c.paperId, paper: c.paper.code, hash: c.paper.hash, items: c.paper._count.items })),
    roster: s.registrations.map((r) => ({
      id: r.id, seat: r.seat, name: r.enrolment.trainee.name, idMasked: r.enrolment.trainee.idMasked, className: r.enrolment.class.code, sitting: r.sitting, ticket: r.ticketCode,
      state: r.absent ? "缺考" : r.attempt ? STATE[r.attempt.state] ?? r.attempt.state : "未到场",
      score: r.attempt?.score ?? null, passed: r.attempt?.passed ?? null,
    })),
    excluded: plan.excluded.filter((e) => !registered.has(e.enrolmentId)),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCap(request, "session.manage");
  const f = await readFormData(request);
  if (f.get("intent") === "release") {
    const r = await releaseResults(actor, params.id!);
    return json(r.ok ? { ok: true, message: "成绩已发布", changes: [] } : { ok: false, message: r.error, changes: [] }, { status: r.ok ? 200 : 409 });
  }
  if (f.get("intent") === "void") {
    const mode = f.get("mode") === "DROP" ? "DROP" : "CREDIT";
    const r = await voidItem(actor, String(f.get("paperId")), Number(f.get("position")), mode, String(f.get("reason") ?? ""));
    if (!r.ok) return json({ ok: false, message: r.error, changes: [] }, { status: 400 });
    return json({ ok: true, message: `已作废并重新评分；${r.changes.length} 名考生的合格结论发生变化`, changes: r.changes });
  }
  return json({ ok: false, message: "未知操作", changes: [] }, { status: 400 });
}

export default function SessionPage() {
  const { session, classes, roster, excluded } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fmt = (d: string) => new Date(d).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" });
  return (
    <>
      <p><Link to="/examiner/sessions">← 考试场次</Link></p>
      <h1>{session.code} {session.name}</h1>
      <p className="muted">
        {session.venue} · {fmt(session.startsAt)} – {fmt(session.endsAt)} · {session.durationMin} 分钟 · 监考：{session.proctors.join("、")}
        {session.requireCamera && " · 需要摄像头"}{session.requireSeb && " · 需要 SEB"} · {session.released ? `成绩已于 ${fmt(session.released)} 发布` : session.releaseMode === "IMMEDIATE" ? "交卷即显示成绩" : "成绩待发布"}
      </p>
      {result && (
        <div className={`notice ${result.ok ? "success" : "error"}`} role="status">
          {result.message}
          {result.changes.length > 0 && <ul>{result.changes.map((c) => <li key={c.attemptId}>{c.name}：{c.before.score} → {c.after.score}，{c.after.passed ? "改为合格" : "改为不合格（证书已标记待复核）"}</li>)}</ul>}
        </div>
      )}
      <div className="toolbar">
        <a className="button secondary" href={`/examiner/sessions/${session.id}/tickets`}>下载全部准考证 PDF</a>
        {session.requireSeb && <a className="button secondary" href={`/examiner/sessions/${session.id}/seb`}>下载 SEB 配置文件</a>}
        {!session.released && <Form method="post"><button name="intent" value="release">发布成绩</button></Form>}
      </div>
      <h2>试卷</h2>
      <table>
        <thead><tr><th>班次</th><th>试卷</th><th>校验码</th><th>准考证</th><th>作废单题</th></tr></thead>
        <tbody>
          {classes.map((c) => (
            <tr key={c.classId}>
              <td>{c.name}</td><td><Link to={`/examiner/papers/${c.paperId}`}>{c.paper}</Link></td><td><code>{c.hash.slice(0, 12)}</code></td>
              <td><a href={`/examiner/sessions/${session.id}/tickets?classId=${c.classId}`}>本班准考证</a></td>
              <td>
                <Form method="post" className="inline">
                  <input type="hidden" name="paperId" value={c.paperId} />
                  <input name="position" type="number" min={1} max={c.items} placeholder="题号" style={{ width: "5rem" }} required />{" "}
                  <select name="mode"><option value="CREDIT">全体给分</option><option value="DROP">删除并折算</option></select>{" "}
                  <input name="reason" placeholder="原因" required style={{ width: "10rem" }} />{" "}
                  <button name="intent" value="void" className="secondary">作废并重评</button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>考生名单（{roster.length} 人）</h2>
      <table>
        <thead><tr><th>座位</th><th>姓名</th><th>身份证号</th><th>班次</th><th>场次类型</th><th>校验码</th><th>状态</th><th className="num">成绩</th><th>准考证</th></tr></thead>
        <tbody>
          {roster.map((r) => (
            <tr key={r.id}>
              <td>{r.seat}</td><td>{r.name}</td><td>{r.idMasked}</td><td>{r.className}</td><td>{r.sitting === 2 ? "补考" : "首次"}</td><td><code>{r.ticket}</code></td><td>{r.state}</td>
              <td className="num">{r.score ?? "—"}{r.passed !== null && (r.passed ? <span className="badge ok">合格</span> : <span className="badge bad">不合格</span>)}</td>
              <td><a href={`/examiner/sessions/${session.id}/tickets?registrationId=${r.id}`}>PDF</a></td>
            </tr>
          ))}
        </tbody>
      </table>
      {excluded.length > 0 && (
        <>
          <h2>未列入名单（{excluded.length} 人）</h2>
          <table>
            <thead><tr><th>姓名</th><th>身份证号</th><th>原因</th></tr></thead>
            <tbody>{excluded.map((e) => <tr key={e.enrolmentId}><td>{e.name}</td><td>{e.idMasked}</td><td>{e.reason}</td></tr>)}</tbody>
          </table>
        </>
      )}
    </>
  );
}
