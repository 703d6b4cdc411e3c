// pdfkit with the shipped Chinese font, collected into a Buffer.
import PDFDocument from "pdfkit";
import { notoSansSc } from "./font.server";

export type Pdf = PDFKit.PDFDocument;

export async function renderPdf(meta: { title: string; author?: string }, draw: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margins: { top: 56, bottom: 56, left: 56, right: 56 }, info: { Title: meta.title, Author: meta.author ?? "伊春市应急管理局" }, bufferPages: true });
  doc.registerFont("cn", notoSansSc(400));
  doc.registerFont("cn-bold", notoSansSc(700));
  doc.font("cn");
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((ok, fail) => {
    doc.on("end", () => ok());
    doc.on("error", fail);
  });
  draw(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** A light diagonal watermark on every buffered page, plus "第 n 页 / 共 m 页". */
export function finishPages(doc: Pdf, watermark: string, footer: string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.save();
    doc.rotate(-30, { origin: [doc.page.width / 2, doc.page.height / 2] });
    doc.font("cn-bold").fontSize(42).fillColor("#000000", 0.07);
    doc.text(watermark, 0, doc.page.height / 2 - 30, { width: doc.page.width, align: "center", lineBreak: false });
    doc.restore();
    doc.font("cn").fontSize(9).fillColor("#666666", 1);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.text(`${footer}    第 ${i - range.start + 1} 页 / 共 ${range.count} 页`, doc.page.margins.left, doc.page.height - 36, {
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
      align: "center",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor("#000000", 1);
}
