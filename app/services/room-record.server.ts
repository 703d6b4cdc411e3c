// The room record (考场记录), produced when a proctor closes a session: roster and attendance,
// the timeline of proctor actions, incidents, an integrity summary per candidate, and a
// signature line. Built from the audit log and stored rows, so it can be re-printed any time
// within the 5-year retention window.
import { INCIDENT_CATEGORIES } from "./proctoring.server";
import { db } from "~/utils/db.server";
import { finishPages, renderPdf, type Pdf } from "~/utils/pdf.server";

const STATE: Record<string, string> = { AWAITING: "未开考", IN_PROGRESS: "答题中", PAUSED: "暂停", LOCKED: "锁定", SUBMITTED: "已交卷", TERMINATED: "终止" };
const ACTION: Record<string, string> = {
  "attempt.admit": "放行", "attempt.pause": "暂停", "attempt.resume": "继续", "attempt.extend": "延长时间", "attempt.lock": "锁定", "attempt.unlock": "解锁",
  "attempt.terminate": "终止考试", "attempt.submit": "收卷", "attempt.transfer": "转机", "attempt.cameraOverride": "摄像头豁免", "registration.absent": "登记缺考",
  "session.open": "开考", "session.closed": "结束考场", "incident.report": "记录事件",
};
const fmt = (d: Date) => d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

function table(doc: Pdf, headers: string[], widths: number[], rows: string[][]) {
  const x0 = doc.page.margins.left;
  const line = (cells: string[], bold: boolean) => {
    const y = doc.y;
    const h = Math.max(...cells.map((c, i) => doc.font(bold ? "cn-bold" : "cn").fontSize(9).heightOfString(c, { width: widths[i] - 6 }))) + 6;
    if (y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      return line(cells, bold);
    }
    let x = x0;
    cells.forEach((c, i) => {
      doc.rect(x, y, widths[i], h).lineWidth(0.5).stroke("#999999");
      doc.fillColor("#000").font(bold ? "cn-bold" : "cn").fontSize(9).text(c, x + 3, y + 3, { width: widths[i] - 6 });
      x += widths[i];
    });
    doc.y = y + h;
    doc.x = x0;
  };
  line(headers, true);
  for (const r of rows) line(r, false);
  doc.moveDown(0.8);
}

export async function roomRecordPdf(sessionId: string) {
  const prisma = await db();
  const s = await prisma.examSession.findUnique({
    where: { id: sessionId },
    include: {
      venue: true, county: true, proctors: { include: { user: true } }, incidents: { orderBy: { createdAt: "asc" } },
      classes: { include: { class: true, paper: true } },
      registrations: { orderBy: { seat: "asc" }, include: { enrolment: { include: { trainee: true } }, attempt: { include: { integrity: true } } } },
    },
  });
  if (!s) return null;
  const attemptIds = s.registrations.map((r) => r.attempt?.id).filter(Boolean) as string[];
  const regIds = s.registrations.map((r) => r.id);
  const actions = await prisma.auditLog.findMany({
    where: { OR: [{ entity: "Attempt", entityId: { in: attemptIds } }, { entity: "Registration", entityId: { in: regIds } }, { entity: "ExamSession", entityId: s.id }, { entity: "Incident", entityId: { in: s.incidents.map((i) => i.id) } }] },
    orderBy: { id: "asc" },
  });
  const users = new Map((await prisma.user.findMany({ where: { id: { in: [...new Set(actions.map((a) => a.actorId).filter(Boolean) as string[]), ...s.incidents.map((i) => i.createdBy)] } } })).map((u) => [u.id, u.displayName]));
  const byAttempt = new Map(s.registrations.filter((r) => r.attempt).map((r) => [r.attempt!.id, `${r.seat} ${r.enrolment.trainee.name}`]));
  const byReg = new Map(s.registrations.map((r) => [r.id, `${r.seat} ${r.enrolment.trainee.name}`]));
  const present = s.registrations.filter((r) => !r.absent && r.attempt).length;

  const body = await renderPdf({ title: `${s.code} 考场记录` }, (doc) => {
    doc.font("cn-bold").fontSize(18).text("考 场 记 录", { align: "center", characterSpacing: 4 });
    doc.font("cn").fontSize(10).moveDown(0.4);
    doc.text(`场次：${s.code} ${s.name}`);
    doc.text(`考点：${s.county.name} ${s.venue.name}（${s.venue.address}）`);
    doc.text(`时间：${fmt(s.startsAt)} – ${fmt(s.endsAt)}，考试时长 ${s.durationMin} 分钟；开考 ${s.openedAt ? fmt(s.openedAt) : "—"}，结束 ${s.closedAt ? fmt(s.closedAt) : "—"}`);
    doc.text(`试卷：${s.classes.map((c) => `${c.paper.code}（校验码 ${c.paper.hash.slice(0, 16)}）`).join("；")}`);
    doc.text(`监考：${s.proctors.map((p) => p.user.displayName).join("、")}　　应考 ${s.registrations.length} 人，实考 ${present} 人，缺考 ${s.registrations.length - present} 人`);
    doc.moveDown(0.8);

    doc.font("cn-bold").fontSize(12).text("一、考生名单与出勤");
    doc.moveDown(0.3);
    table(doc, ["座位", "姓名", "身份证号", "状态", "交卷时间", "违规事件"], [40, 70, 120, 60, 110, 83], s.registrations.map((r) => [
      r.seat, r.enrolment.trainee.name, r.enrolment.trainee.idMasked,
      r.absent ? "缺考" : r.attempt ? STATE[r.attempt.state] ?? r.attempt.state : "未到场",
      r.attempt?.submittedAt ? fmt(r.attempt.submittedAt) : "—",
      String(r.attempt?.integrity.length ?? 0),
    ]));

    doc.font("cn-bold").fontSize(12).text("二、监考操作记录");
    doc.moveDown(0.3);
    table(doc, ["时间", "监考员", "操作", "考生", "原因"], [110, 60, 70, 80, 163], actions.filter((a) => a.actorRole !== "EXAMINER").map((a) => [
      fmt(a.at), a.actorId ? users.get(a.actorId) ?? a.actorRole : "系统", ACTION[a.action] ?? a.action,
      byAttempt.get(a.entityId) ?? byReg.get(a.entityId) ?? "全场", a.reason || "—",
    ]));

    doc.font("cn-bold").fontSize(12).text("三、考场事件");
    doc.moveDown(0.3);
    if (s.incidents.length === 0) doc.font("cn").fontSize(10).text("无。").moveDown(0.8);
    else
      table(doc, ["时间", "类别", "涉及考生", "说明", "记录人"], [110, 60, 80, 173, 60], s.incidents.map((i) => [
        fmt(i.createdAt), INCIDENT_CATEGORIES[i.category as keyof typeof INCIDENT_CATEGORIES] ?? i.category,
        i.attemptId ? byAttempt.get(i.attemptId) ?? "—" : "全场", i.note, users.get(i.createdBy) ?? "—",
      ]));

    doc.font("cn-bold").fontSize(12).text("四、违规事件汇总");
    doc.moveDown(0.3);
    const withEvents = s.registrations.filter((r) => (r.attempt?.integrity.length ?? 0) > 0);
    if (withEvents.length === 0) doc.font("cn").fontSize(10).text("无。").moveDown(0.8);
    else
      table(doc, ["座位", "姓名", "次数", "类型"], [40, 80, 40, 323], withEvents.map((r) => {
        const kinds = new Map<string, number>();
        for (const e of r.attempt!.integrity) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
        return [r.seat, r.enrolment.trainee.name, String(r.attempt!.integrity.length), [...kinds].map(([k, n]) => `${k}×${n}`).join("，")];
      }));

    doc.moveDown(1.5).font("cn").fontSize(11);
    doc.text("监考员签名：____________________　　　　　　考点负责人签名：____________________");
    doc.moveDown(1).text(`日期：______年____月____日　　　　　　　　　（本记录自 ${fmt(new Date())} 生成，保存期限不少于 5 年）`);
    finishPages(doc, `${s.county.name} 考场记录`, `${s.code} 考场记录`);
  });
  return { name: `${s.code}-考场记录.pdf`, body };
}
