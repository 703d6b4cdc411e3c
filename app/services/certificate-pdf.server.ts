// The certificate as a PDF (A4 landscape), drawn from the signed payload so the paper says
// exactly what the signature covers. One certificate: a Buffer. A class or any batch: one merged
// PDF streamed page by page (pages are flushed as they are finished, so memory stays flat).
import { Readable } from "node:stream";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { classCertificateIds } from "~/data/certificates.server";
import type { Actor } from "~/domain/access";
import { CERT_TITLE, chinaDate, parsePayload, qrContent, totalMinutes, zhDate, type CertificatePayload } from "~/domain/certificate";
import { hours } from "~/domain/eligibility";
import { CATEGORY_LABEL, INDUSTRY_LABEL } from "~/domain/vocabulary";
import { db } from "~/utils/db.server";
import { download } from "~/utils/download.server";
import { drawLine, drawParagraph, registerCjk } from "~/utils/pdf-glyphs.server";
import type { Pdf } from "~/utils/pdf.server";

export interface CertRow {
  id: string;
  number: string;
  payload: string;
  signature: string;
  keyId: string;
  status: string;
  revokedAt: Date | null;
}

const RED = "#9b1c1c";
const GOLD = "#b08d3c";
const INK = "#1b2430";
const MUTED = "#5a6675";

function newDoc(title: string): Pdf {
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 0,
    autoFirstPage: false,
    bufferPages: false,
    info: { Title: title, Author: "伊春市应急管理局", Subject: CERT_TITLE, Creator: "Ankao 安考" },
  });
  registerCjk(doc);
  return doc;
}

function border(doc: Pdf, W: number, H: number) {
  doc.save();
  doc.rect(0, 0, W, H).fill("#fffdf7");
  doc.lineWidth(3).strokeColor(RED).rect(18, 18, W - 36, H - 36).stroke();
  doc.lineWidth(0.8).strokeColor(GOLD).rect(26, 26, W - 52, H - 52).stroke();
  doc.lineWidth(0.5).strokeColor(GOLD).rect(30, 30, W - 60, H - 60).stroke();
  // a band of small diamonds between the gold lines' corners and along the edges
  doc.fillColor(GOLD, 0.9);
  const diamond = (x: number, y: number, r: number) => doc.polygon([x, y - r], [x + r, y], [x, y + r], [x - r, y]).fill();
  for (const [x, y] of [[30, 30], [W - 30, 30], [30, H - 30], [W - 30, H - 30]]) diamond(x, y, 7);
  for (let x = 60; x < W - 50; x += 24) {
    diamond(x, 22, 1.6);
    diamond(x, H - 22, 1.6);
  }
  for (let y = 54; y < H - 40; y += 24) {
    diamond(22, y, 1.6);
    diamond(W - 22, y, 1.6);
  }
  // a faint rosette behind the text, like the guilloche of printed certificates
  doc.lineWidth(0.35).strokeColor(GOLD, 0.16);
  for (let k = 0; k < 36; k++) {
    doc.save();
    doc.rotate(k * 5, { origin: [W / 2, H / 2 + 20] });
    doc.ellipse(W / 2, H / 2 + 20, 190, 62).stroke();
    doc.restore();
  }
  doc.restore();
}

function field(doc: Pdf, label: string, value: string, x: number, y: number, w: number, opts: { bold?: boolean; size?: number } = {}) {
  doc.font("cn").fontSize(10).fillColor(MUTED).text(label, x, y + 2, { width: 64, lineBreak: false });
  drawLine(doc, value, x + 66, y, { size: opts.size ?? 12.5, weight: opts.bold ? 700 : 400, width: w - 66, color: INK, minSize: 8 });
  doc.lineWidth(0.4).strokeColor("#d9cfb8").moveTo(x + 66, y + 19).lineTo(x + w, y + 19).stroke();
}

/** Draw one certificate on a new page. */
export async function drawCertificate(doc: Pdf, c: CertRow, origin: string): Promise<void> {
  const p = parsePayload(c.payload);
  if (!p) throw new Error(`证书 ${c.number} 的内容无法读取`);
  const qr = await QRCode.toBuffer(qrContent(origin, c), { errorCorrectionLevel: "M", margin: 1, scale: 4, color: { dark: "#000000", light: "#ffffff" } });
  doc.addPage({ size: "A4", layout: "landscape", margin: 0 });
  const W = doc.page.width;
  const H = doc.page.height;
  border(doc, W, H);
  drawPage(doc, p, c, origin, qr, W, H);
  if (c.status === "REVOKED") {
    doc.save();
    doc.rotate(-18, { origin: [W / 2, H / 2] });
    doc.font("cn-bold").fontSize(64).fillColor(RED, 0.22).text(`已撤销 ${c.revokedAt ? chinaDate(c.revokedAt) : ""}`, 0, H / 2 - 40, { width: W, align: "center", lineBreak: false });
    doc.restore();
    doc.fillColor("#000000", 1);
  }
}

function drawPage(doc: Pdf, p: CertificatePayload, c: CertRow, origin: string, qr: Buffer, W: number, H: number) {
  const L = 70;
  const R = W - 70;
  // header
  doc.font("cn").fontSize(10).fillColor(MUTED).text(`证书编号  ${p.number}`, L, 46, { width: R - L, align: "right", lineBreak: false });
  doc.font("cn").fontSize(12.5).fillColor(RED).text("伊春市工伤预防能力提升培训", L, 62, { width: R - L, align: "center", characterSpacing: 4, lineBreak: false });
  doc.font("cn-bold").fontSize(36).fillColor(RED).text(CERT_TITLE, L, 82, { width: R - L, align: "center", characterSpacing: 10, lineBreak: false });
  doc.lineWidth(1).strokeColor(GOLD).moveTo(W / 2 - 170, 136).lineTo(W / 2 + 170, 136).stroke();
  doc.lineWidth(0.5).moveTo(W / 2 - 120, 140).lineTo(W / 2 + 120, 140).stroke();

  // the statement
  const total = hours(totalMinutes(p));
  const cat = CATEGORY_LABEL[p.category].zh;
  const ind = INDUSTRY_LABEL[p.industry].zh;
  const [sy, sm] = p.class.start.split("-");
  const endText = p.class.end.startsWith(`${sy}-${sm}`) ? `${Number(p.class.end.slice(8))}日` : p.class.end.startsWith(sy) ? zhDate(p.class.end).slice(5) : zhDate(p.class.end);
  const span = p.class.start === p.class.end ? zhDate(p.class.start) : `${zhDate(p.class.start)}至${endText}`;
  drawParagraph(
    doc,
    [
      { text: "兹证明 " },
      { text: p.trainee.name, bold: true },
      { text: `（身份证号 ${p.trainee.idMasked}）为${p.trainee.enterprise}${cat}，于${span}参加${p.class.provider}举办的“${p.class.name}”，完成培训 ${total} 学时，经伊春市应急管理局组织考试，考核合格，特此证明。` },
    ],
    L + 10,
    156,
    { width: R - L - 20, size: 14, lineGap: 8, indent: 28 },
  );

  // the details, two columns
  const top = 246;
  const colW = (R - L - 40) / 2;
  const x1 = L + 10;
  const x2 = L + 30 + colW;
  const rowH = 30;
  field(doc, "姓　　名", p.trainee.name, x1, top, colW, { bold: true, size: 14 });
  field(doc, "身份证号", p.trainee.idMasked, x1, top + rowH, colW);
  field(doc, "工作单位", p.trainee.enterprise, x1, top + rowH * 2, colW);
  field(doc, "人员类别", `${cat}（${ind}）`, x1, top + rowH * 3, colW);
  field(doc, "培训班次", `${p.class.code}  ${p.class.name}`, x2, top, colW);
  field(doc, "施教单位", p.class.provider, x2, top + rowH, colW);
  field(doc, "培训学时", `${total} 学时：线上 ${hours(p.hours.online)} · 线下 ${hours(p.hours.offline)} · 实训 ${hours(p.hours.practical)}`, x2, top + rowH * 2, colW);
  field(doc, "考试结果", `${zhDate(p.exam.date)}  ${fmtScore(p.exam.score)} 分（满分 ${fmtScore(p.exam.maxScore)}）合格${p.exam.sitting === 2 ? "（补考）" : ""}`, x2, top + rowH * 3, colW);

  // retraining credit, highlighted
  const by = top + rowH * 4 + 10;
  doc.save();
  doc.roundedRect(x1, by, R - L - 20, 28, 4).fillColor("#f6efe0").fill();
  doc.restore();
  drawLine(doc, `计入 ${p.retraining.year} 年度安全生产再培训学时：${hours(p.retraining.minutes)} 学时`, x1, by + 6, { size: 13, weight: 700, width: R - L - 20, align: "center", color: RED });

  // QR and verification, bottom left
  const qrSize = 100;
  const qy = H - 62 - qrSize - 14;
  doc.image(qr, L + 6, qy, { width: qrSize, height: qrSize });
  const tx = L + qrSize + 20;
  doc.font("cn-bold").fontSize(11).fillColor(INK).text("扫码核验真伪", tx, qy + 6, { lineBreak: false });
  doc.font("cn").fontSize(9).fillColor(MUTED);
  const site = origin.replace(/\/+$/, "");
  doc.text(`${site}/verify/${p.number}`, tx, qy + 26, { lineBreak: false });
  doc.text(`证书编号 ${p.number}`, tx, qy + 42, { lineBreak: false });
  doc.text(`电子签名 Ed25519 · 密钥 ${c.keyId}`, tx, qy + 58, { lineBreak: false });
  doc.text(`公钥 ${site}/verify/keys.json`, tx, qy + 74, { lineBreak: false });

  // issuer and date, bottom right
  const ix = R - 250;
  doc.font("cn").fontSize(11).fillColor(MUTED).text("发证机关", ix, qy + 4, { width: 240, align: "center", lineBreak: false });
  doc.font("cn-bold").fontSize(20).fillColor(INK).text(p.issuer, ix, qy + 24, { width: 240, align: "center", characterSpacing: 2, lineBreak: false });
  doc.font("cn").fontSize(13).fillColor(INK).text(zhDate(p.issueDate), ix, qy + 56, { width: 240, align: "center", lineBreak: false });

  // small print
  doc.font("cn").fontSize(7.8).fillColor(MUTED).text(
    "本证明是伊春市应急管理局对工伤预防能力提升培训考核结果的证明，不是《安全生产知识和管理能力考核合格证》，不作为安全生产资格证书使用；真伪及是否有效以扫码核验结果为准。",
    L, H - 50, { width: R - L, align: "center", lineBreak: false },
  );
  doc.fillColor("#000000", 1);
}

const fmtScore = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** One certificate as a PDF buffer. */
export async function renderCertificatePdf(c: CertRow, origin: string): Promise<Buffer> {
  const doc = newDoc(`${CERT_TITLE} ${c.number}`);
  const chunks: Buffer[] = [];
  doc.on("data", (b: Buffer) => chunks.push(b));
  const done = new Promise<void>((ok, fail) => {
    doc.on("end", ok);
    doc.on("error", fail);
  });
  await drawCertificate(doc, c, origin);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

const CERT_COLUMNS = { id: true, number: true, payload: true, signature: true, keyId: true, status: true, revokedAt: true } as const;

/** A stored certificate by id as { name, body }, or null. Scope is the caller's job (app/data/certificates.server.ts). */
export async function certificatePdf(id: string, origin: string): Promise<{ name: string; body: Buffer } | null> {
  const c = await (await db()).certificate.findUnique({ where: { id }, select: CERT_COLUMNS });
  if (!c) return null;
  return { name: `${CERT_TITLE}-${c.number}.pdf`, body: await renderCertificatePdf(c, origin) };
}

/**
 * pdfkit caches the layout of every distinct string per font for the document's life (private
 * `layoutCache`): a win for repeated labels, but in a long batch every name and number stays
 * cached (about 15 KB a certificate). A batch empties it every TRIM_EVERY pages.
 */
function trimLayoutCaches(doc: Pdf) {
  const families = (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: object }> })._fontFamilies ?? {};
  for (const f of Object.values(families)) if (f.layoutCache) f.layoutCache = Object.create(null);
}
const TRIM_EVERY = 50;

const HIGH_WATER = 1 << 20; // bytes of finished PDF waiting for the reader before drawing pauses
const CHUNK = 25; // certificates read from the database at a time

/**
 * Many certificates as one PDF stream (one page each, in the order given). The rows are read
 * CHUNK at a time and finished pages are flushed, and drawing waits while the reader is more
 * than HIGH_WATER bytes behind, so memory does not grow with the batch.
 */
export function certificateStream(ids: string[], origin: string, title = CERT_TITLE): Pdf {
  const doc = newDoc(title);
  (async () => {
    const prisma = await db();
    let drawn = 0;
    if (ids.length === 0) doc.addPage({ size: "A4", layout: "landscape", margin: 0 }).font("cn").fontSize(14).text("没有可打印的证书", 70, 80);
    for (let i = 0; i < ids.length; i += CHUNK) {
      const part = ids.slice(i, i + CHUNK);
      const rows = await prisma.certificate.findMany({ where: { id: { in: part } }, select: CERT_COLUMNS });
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const id of part) {
        if (doc.destroyed) return; // the reader went away (download cancelled)
        const c = byId.get(id);
        if (c) await drawCertificate(doc, c, origin);
        if (++drawn % TRIM_EVERY === 0) trimLayoutCaches(doc);
        while (doc.readableLength > HIGH_WATER && !doc.destroyed) await new Promise((r) => setTimeout(r, 2));
      }
    }
    doc.end();
  })().catch((e) => doc.destroy(e as Error));
  return doc;
}

/** A class's valid certificates as one streamed PDF response (scoped: a provider only its own class); null if out of scope. */
export async function classCertificatesPdf(actor: Actor, classId: string, origin: string): Promise<Response | null> {
  const cls = await classCertificateIds(actor, classId);
  if (!cls) return null;
  const stream = Readable.toWeb(certificateStream(cls.ids, origin, `${CERT_TITLE} ${cls.code}`)) as unknown as ReadableStream<Uint8Array>;
  // The headers of an ordinary download (file name, no caching), with a streamed body.
  return new Response(stream, { headers: download("", `${CERT_TITLE}-${cls.code}-${cls.ids.length}份.pdf`, "application/pdf").headers });
}
