// Printable papers for the paper-based fallback when kiosks fail: the paper (watermarked,
// numbered items, an answer sheet) and, separately, the answer key for the examiner only.
import { getPaper } from "~/data/papers.server";
import { contentOfRow } from "~/data/questions.server";
import { letterOf } from "~/domain/question";
import { CATEGORY_LABEL, INDUSTRY_LABEL, TYPE_LABEL, type Category, type Industry, type QuestionType } from "~/domain/vocabulary";
import { db } from "~/utils/db.server";
import { finishPages, renderPdf, type Pdf } from "~/utils/pdf.server";

const SECTION_NO = ["一", "二", "三"];

function header(doc: Pdf, title: string, lines: string[]) {
  doc.font("cn-bold").fontSize(18).text(title, { align: "center" });
  doc.moveDown(0.3);
  doc.font("cn").fontSize(10).fillColor("#333333");
  for (const l of lines) doc.text(l, { align: "center" });
  doc.fillColor("#000000").moveDown(0.8);
}

const answerText = (type: QuestionType, answer: unknown) =>
  type === "judge" ? (answer ? "对" : "错") : Array.isArray(answer) ? answer.join("") : String(answer);

export async function paperPdf(paperId: string, kind: "paper" | "key"): Promise<{ name: string; body: Buffer } | null> {
  const prisma = await db();
  const row = await getPaper(prisma, paperId);
  if (!row) return null;
  const spec = JSON.parse(row.blueprintSpec) as { totalPoints: number; passMark: number; durationMin: number };
  const cls = row.class;
  const cat = CATEGORY_LABEL[cls.category as Category].zh;
  const ind = INDUSTRY_LABEL[cls.industry as Industry].zh;
  const items = row.items.map((i) => ({ ...i, q: contentOfRow(i.questionVersion) }));
  const sections = (["judge", "single", "multiple"] as const).map((t) => items.filter((i) => i.section === t)).filter((s) => s.length);
  const title = kind === "paper" ? "工伤预防能力提升培训考试试卷" : "工伤预防能力提升培训考试 参考答案";
  const info = [
    `班次：${cls.code} ${cls.name}`,
    `试卷编号：${row.code}（${row.kind === "FIRST" ? "首次考试" : "补考"}）    ${ind} · ${cat}    校验码：${row.hash.slice(0, 16)}`,
    `满分 ${spec.totalPoints} 分，${spec.passMark} 分及格，考试时间 ${spec.durationMin} 分钟，闭卷`,
  ];
  const body = await renderPdf({ title: `${row.code} ${title}` }, (doc) => {
    header(doc, title, info);
    if (kind === "paper") {
      doc.fontSize(11).text("姓名：________________    身份证号：______________________________    座位号：______");
      doc.moveDown(0.8);
    }
    sections.forEach((sec, si) => {
      const t = sec[0].section as QuestionType;
      const pts = sec[0].points;
      doc.font("cn-bold").fontSize(12).text(`${SECTION_NO[si]}、${TYPE_LABEL[t].zh}（共 ${sec.length} 题，每题 ${pts} 分，共 ${sec.length * pts} 分）`);
      doc.font("cn").fontSize(10.5).moveDown(0.3);
      for (const it of sec) {
        if (kind === "key") {
          doc.text(`${it.position}. ${answerText(t, it.q.answer)}    ${it.q.source}`, { paragraphGap: 2 });
          continue;
        }
        doc.text(`${it.position}. ${it.q.stem}${t === "judge" ? "（  ）" : ""}`, { paragraphGap: 2 });
        if (it.q.options.length) doc.text(it.q.options.map((o, k) => `${letterOf(k)}. ${o}`).join("    "), { indent: 14, paragraphGap: 4 });
      }
      doc.moveDown(0.6);
    });
    if (kind === "paper") {
      doc.addPage();
      header(doc, "答题卡", [`试卷编号：${row.code}`, "判断题填“对”或“错”，选择题填选项字母。"]);
      // A fixed grid: five answers a row, each a number and a box.
      const left = doc.page.margins.left;
      const colW = (doc.page.width - left - doc.page.margins.right) / 5;
      let y = doc.y;
      doc.fontSize(10.5).lineWidth(0.6);
      items.forEach((it, i) => {
        const col = i % 5;
        if (col === 0 && i > 0) y += 24;
        const x = left + col * colW;
        doc.text(`${it.position}.`, x, y + 4, { width: 28, align: "right", lineBreak: false });
        doc.rect(x + 32, y, colW - 44, 20).stroke();
      });
      doc.text("考生签名：______________    监考签名：______________    日期：____年__月__日", left, y + 48, { lineBreak: false });
    }
    finishPages(doc, kind === "paper" ? `伊春市应急管理局 ${row.code}` : "答案 · 严禁外传", `${row.code} ${kind === "paper" ? "试卷" : "参考答案（仅限出卷人员）"}`);
  });
  return { name: `${row.code}-${kind === "paper" ? "试卷" : "答案"}.pdf`, body };
}
