import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/FormBits";
import { sessionSchema, scheduleSession } from "~/services/sessions.server";
import { db } from "~/utils/db.server";
import { requireCap } from "~/utils/guard.server";
import { readFormData } from "~/utils/form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCap(request, "session.manage");
  const prisma = await db();
  const [sessions, venues, proctors, papers] = await Promise.all([
    prisma.examSession.findMany({ orderBy: { startsAt: "desc" }, include: { venue: true, county: true, _count: { select: { registrations: true } } } }),
    prisma.venue.findMany({ include: { county: true }, orderBy: { name: "asc" } }),
    prisma.user.findMany({ where: { role: "PROCTOR", disabledAt: null }, include: { county: true }, orderBy: { username: "asc" } }),
    prisma.paper.findMany({ where: { status: "SEALED" }, include: { class: true }, orderBy: { code: "asc" } }),
  ]);
  return json({
    sessions: sessions.map((s) => ({ id: s.id, code: s.code, name: s.name, venue: `${s.county.name} ${s.venue.name}`, startsAt: s.startsAt.toISOString(), status: s.status, released: !!s.resultsReleasedAt, candidates: s._count.registrations })),
    venues: venues.map((v) => ({ id: v.id, label: `${v.county.name} · ${v.name}（${v.seats} 座）` })),
    proctors: proctors.map((p) => ({ id: p.id, label: `${p.displayName}（${p.county?.name ?? "—"}）` })),
    papers: papers.map((p) => ({ id: p.id, classId: p.classId, label: `${p.code} · ${p.class.name} · ${p.kind === "FIRST" ? "首次" : "补考"}` })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireCap(request, "session.manage");
  const f = await readFormData(request);
  const prisma = await db();
  const paperIds = f.getAll("paperId").map(String);
  const papers = await prisma.paper.findMany({ where: { id: { in: paperIds } }, select: { id: true, classId: true } });
  const tz = (v: FormDataEntryValue | null) => (v ? `${String(v)}:00+08:00` : ""); // the form's local time is Beijing time
  const parsed = sessionSchema.safeParse({
    name: String(f.get("name") ?? ""),
    venueId: String(f.get("venueId") ?? ""),
    startsAt: tz(f.get("startsAt")),
    endsAt: tz(f.get("endsAt")),
    durationMin: f.get("durationMin") ?? undefined,
    requireCamera: f.get("requireCamera") === "on",
    requireSeb: f.get("requireSeb") === "on",
    violationThreshold: f.get("violationThreshold") ?? undefined,
    releaseMode: f.get("releaseMode") === "IMMEDIATE" ? "IMMEDIATE" : "MANUAL",
    absenceUsesSitting: f.get("absenceUsesSitting") === "on",
    proctorIds: f.getAll("proctorId").map(String),
    papers: papers.map((p) => ({ classId: p.classId, paperId: p.id })),
  });
  if (!parsed.success) return json({ problems: parsed.error.issues.map((i) => i.message) }, { status: 400 });
  const r = await scheduleSession(actor, parsed.data);
  return r.ok ? redirect(`/examiner/sessions/${r.sessionId}`) : json({ problems: r.problems }, { status: 400 });
}

export default function Sessions() {
  const { sessions, venues, proctors, papers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>考试场次</h1>
      <table>
        <thead><tr><th>场次</th><th>考点</th><th>开始时间</th><th>状态</th><th className="num">考生</th></tr></thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td><Link to={`/examiner/sessions/${s.id}`}>{s.code} {s.name}</Link></td>
              <td>{s.venue}</td>
              <td>{new Date(s.startsAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}</td>
              <td>{s.status === "CLOSED" ? "已结束" : s.status === "OPEN" ? "进行中" : "已安排"}{s.released && " · 已发布成绩"}</td>
              <td className="num">{s.candidates}</td>
            </tr>
          ))}
          {sessions.length === 0 && <tr><td colSpan={5} className="muted">尚未安排考试</td></tr>}
        </tbody>
      </table>
      <div className="card" style={{ marginTop: "1.5rem" }}>
        <h2>安排考试</h2>
        {result?.problems && <div className="notice error" role="alert">未能安排：<ul className="errors">{result.problems.map((p) => <li key={p}>{p}</li>)}</ul></div>}
        <Form method="post">
          <div className="form-grid">
            <Field label="场次名称" name="name"><input name="name" required placeholder="2025年春季矿山班组长考试" /></Field>
            <Field label="考点" name="venueId"><select name="venueId">{venues.map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}</select></Field>
            <Field label="开始时间（北京时间）" name="startsAt"><input name="startsAt" type="datetime-local" required /></Field>
            <Field label="结束时间" name="endsAt"><input name="endsAt" type="datetime-local" required /></Field>
            <Field label="考试时长（分钟）" name="durationMin"><input name="durationMin" type="number" defaultValue={120} /></Field>
            <Field label="违规锁定阈值（次）" name="violationThreshold"><input name="violationThreshold" type="number" defaultValue={3} /></Field>
            <Field label="成绩发布" name="releaseMode"><select name="releaseMode"><option value="MANUAL">考务发布后可见</option><option value="IMMEDIATE">交卷后立即可见</option></select></Field>
            <label className="check"><input type="checkbox" name="requireCamera" /> 需要摄像头</label>
            <label className="check"><input type="checkbox" name="requireSeb" /> 需要安全考试浏览器（SEB）</label>
            <label className="check"><input type="checkbox" name="absenceUsesSitting" /> 缺考计为一次考试机会</label>
          </div>
          <h3>监考员（须属于考点所在县）</h3>
          <div className="form-grid">{proctors.map((p) => <label key={p.id} className="check"><input type="checkbox" name="proctorId" value={p.id} /> {p.label}</label>)}</div>
          <h3>班次及已封存试卷</h3>
          <div>{papers.map((p) => <label key={p.id} className="check"><input type="checkbox" name="paperId" value={p.id} /> {p.label}</label>)}</div>
          {papers.length === 0 && <p className="muted">没有已封存的试卷：请先在“试卷”中抽取并封存。</p>}
          <p><button>安排考试并生成考生名单</button></p>
        </Form>
      </div>
    </>
  );
}
