// Admission tickets (准考证): one page per candidate, for one candidate, a class or a session.
// Each shows the name, masked ID, session, venue, time, the ticket code and the rules.
import { CATEGORY_LABEL, type Category } from "~/domain/vocabulary";
import { db } from "~/utils/db.server";
import { finishPages, renderPdf } from "~/utils/pdf.server";

const RULES = [
  "凭本准考证和本人居民身份证于开考前 30 分钟到达考点，按座位号入座。",
  "在考试机上输入身份证号和本证校验码登录，等待监考员确认身份后开始考试。",
  "闭卷考试，不得携带书籍、资料和通讯工具进入考场。",
  "考试全程保持全屏，切换窗口、复制粘贴等操作将被记录，违规达到规定次数将被锁定。",
  "考试时间到系统自动交卷。首次考试不合格可补考一次。",
];

export async function ticketsPdf(where: { sessionId: string; registrationIds?: string[]; classId?: string; providerId?: string }) {
  const prisma = await db();
  const regs = await prisma.registration.findMany({
    where: {
      sessionId: where.sessionId,
      ...(where.registrationIds ? { id: { in: where.registrationIds } } : {}),
      enrolment: { ...(where.classId ? { classId: where.classId } : {}), ...(where.providerId ? { class: { providerId: where.providerId } } : {}) },
    },
    orderBy: { seat: "asc" },
    include: { session: { include: { venue: { include: { county: true } } } }, enrolment: { include: { trainee: { include: { enterprise: true } }, class: true } } },
  });
  if (regs.length === 0) return null;
  const fmt = (d: Date) => d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
  const s = regs[0].session;
  const body = await renderPdf({ title: `${s.code} 准考证` }, (doc) => {
    regs.forEach((r, i) => {
      if (i > 0) doc.addPage();
      const x = doc.page.margins.left;
      const w = doc.page.width - x - doc.page.margins.right;
      doc.rect(x - 8, doc.y - 8, w + 16, 470).lineWidth(1.2).stroke("#1d3f6e");
      doc.font("cn-bold").fontSize(20).fillColor("#1d3f6e").text("工伤预防能力提升培训考试", { align: "center" });
      doc.fontSize(24).text("准 考 证", { align: "center", characterSpacing: 6 });
      doc.fillColor("#000").moveDown(0.6);
      const rows: Array<[string, string]> = [
        ["姓　　名", r.enrolment.trainee.name],
        ["身份证号", r.enrolment.trainee.idMasked],
        ["工作单位", r.enrolment.trainee.enterprise.name],
        ["人员类别", CATEGORY_LABEL[r.enrolment.class.category as Category].zh],
        ["培训班次", `${r.enrolment.class.code} ${r.enrolment.class.name}`],
        ["考试场次", `${s.code} ${s.name}（${r.sitting === 2 ? "补考" : "首次考试"}）`],
        ["考　　点", `${s.venue.county.name} ${s.venue.name}`],
        ["地　　址", s.venue.address],
        ["考试时间", `${fmt(s.startsAt)} 起，时长 ${s.durationMin} 分钟`],
        ["座 位 号", r.seat],
      ];
      for (const [k, v] of rows) {
        const y = doc.y;
        doc.font("cn-bold").fontSize(12).text(k, x + 10, y, { width: 80 });
        doc.font("cn").fontSize(12).text(v, x + 100, y, { width: w - 110 });
        doc.moveDown(0.35);
      }
      doc.moveDown(0.4);
      const y = doc.y;
      doc.roundedRect(x + 10, y, w - 20, 54, 6).fill("#eef3fa");
      doc.fillColor("#1d3f6e").font("cn").fontSize(11).text("登录校验码", x + 24, y + 8);
      doc.font("cn-bold").fontSize(24).text(r.ticketCode.replace(/(.{4})/, "$1 "), x + 120, y + 12, { characterSpacing: 4 });
      doc.fillColor("#000").font("cn").fontSize(10.5);
      doc.y = y + 70;
      doc.x = x;
      doc.font("cn-bold").fontSize(12).text("考生须知");
      doc.font("cn").fontSize(10.5);
      RULES.forEach((rule, k) => doc.text(`${k + 1}. ${rule}`, { width: w, paragraphGap: 2 }));
      doc.moveDown(1).fontSize(10).fillColor("#444").text(`伊春市应急管理局　　打印时间 ${fmt(new Date())}`, { align: "right" });
      doc.fillColor("#000");
    });
    finishPages(doc, "准考证", `${s.code} 准考证`);
  });
  return { name: `${s.code}-准考证.pdf`, body };
}
