// Ruled tables, headings and signature lines for report PDFs (pdfkit, the shipped Chinese font).
// A table breaks across pages and repeats its header row. Cells hold data we do not control
// (names, enterprises), so characters outside the shipped subset go through the glyph fallback.
import { runsOf } from "./pdf-glyphs.server";
import type { Pdf } from "./pdf.server";

export interface Column {
  header: string;
  /** relative width; columns share the page's content width in proportion */
  width: number;
  align?: "left" | "right" | "center";
}

export interface TableOptions {
  fontSize?: number;
  /** rows (by index) drawn bold, e.g. a total row */
  boldRows?: number[];
}

const PAD = 4;

export const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottomOf = (doc: Pdf) => doc.page.height - doc.page.margins.bottom;

/** Start a new page when fewer than `needed` points remain. */
export function ensureSpace(doc: Pdf, needed: number) {
  if (doc.y + needed > bottomOf(doc)) doc.addPage();
}

/** A heading, moved to the next page unless it has room for `keep` points of what follows. */
export function heading(doc: Pdf, text: string, size = 13, keep = 110) {
  ensureSpace(doc, size * 3 + keep);
  doc.moveDown(0.6);
  doc.font("cn-bold").fontSize(size).fillColor("#000000").text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.35);
  doc.font("cn");
}

export function paragraph(doc: Pdf, text: string, opts: { size?: number; indent?: number; color?: string } = {}) {
  doc.font("cn").fontSize(opts.size ?? 10.5).fillColor(opts.color ?? "#000000");
  doc.text(text, doc.page.margins.left + (opts.indent ?? 0), doc.y, { width: contentWidth(doc) - (opts.indent ?? 0), lineGap: 3 });
  doc.fillColor("#000000");
}

export function table(doc: Pdf, columns: Column[], rows: string[][], opts: TableOptions = {}) {
  const size = opts.fontSize ?? 9.5;
  const left = doc.page.margins.left;
  const total = columns.reduce((a, c) => a + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc));
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const heightOf = (cells: string[], bold: boolean) => {
    doc.font(bold ? "cn-bold" : "cn").fontSize(size);
    return Math.max(...cells.map((t, i) => doc.heightOfString(runsOf(doc, t || " ", bold ? 700 : 400).map((r) => r.text).join(""), { width: widths[i] - 2 * PAD }))) + 2 * PAD;
  };
  const drawRow = (cells: string[], y: number, h: number, kind: "header" | "bold" | "plain") => {
    if (kind === "header") doc.rect(left, y, contentWidth(doc), h).fill("#e8edf3");
    doc.fillColor("#000000").lineWidth(0.5).strokeColor("#555555");
    cells.forEach((t, i) => {
      doc.rect(xs[i], y, widths[i], h).stroke();
      const runs = runsOf(doc, t, kind === "plain" ? 400 : 700);
      const opts = { width: widths[i] - 2 * PAD, align: kind === "header" ? ("center" as const) : columns[i].align ?? "left" };
      // One font: pdfkit aligns it. Mixed fonts (a fallback glyph): runs in a row, left-aligned.
      runs.forEach((r, k) => {
        doc.font(r.font).fontSize(size);
        if (k === 0) doc.text(r.text, xs[i] + PAD, y + PAD, { ...opts, align: runs.length > 1 ? "left" : opts.align, continued: k < runs.length - 1 });
        else doc.text(r.text, { continued: k < runs.length - 1 });
      });
    });
  };
  const header = columns.map((c) => c.header);
  const headerH = heightOf(header, true);
  let y = doc.y;
  const startPage = () => {
    drawRow(header, y, headerH, "header");
    y += headerH;
  };
  if (y + headerH + 20 > bottomOf(doc)) {
    doc.addPage();
    y = doc.y;
  }
  startPage();
  rows.forEach((cells, r) => {
    const bold = opts.boldRows?.includes(r) ?? false;
    const h = heightOf(cells, bold);
    if (y + h > bottomOf(doc)) {
      doc.addPage();
      y = doc.page.margins.top;
      startPage();
    }
    drawRow(cells, y, h, bold ? "bold" : "plain");
    y += h;
  });
  doc.font("cn").fontSize(10.5);
  doc.x = left;
  doc.y = y + 6;
}

/** Signature lines: each entry a label, drawn as "label：________" in two columns. */
export function signatureBlock(doc: Pdf, entries: string[][]) {
  ensureSpace(doc, entries.length * 34 + 20);
  doc.moveDown(1.2);
  const left = doc.page.margins.left;
  const half = contentWidth(doc) / 2;
  doc.font("cn").fontSize(11);
  for (const row of entries) {
    const y = doc.y;
    row.forEach((label, i) => doc.text(label, left + i * half, y, { width: half - 10, lineBreak: false }));
    doc.y = y + 30;
  }
  doc.x = left;
}
