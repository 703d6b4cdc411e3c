// Chinese text in pdfkit with a glyph fallback, for names and other data we do not control.
// 1. The shipped Noto Sans SC subset (app/utils/font.server.ts) covers 7,333 ideographs.
// 2. A character it lacks (骉, ①, …) is drawn from the matching unicode-range slice of the full
//    Noto Sans SC that @fontsource ships next to the subset (files/noto-sans-sc-<n>-<w>-normal.woff,
//    ranges in <w>.css): same design, embedded as a second subset. No system font, no network.
// 3. A character no shipped font has (CJK Extension A such as 㵘 or 䶮) is printed as its code
//    point, 〔U+3D58〕, so the name is still unambiguous on paper and can be typed back exactly.
// Fonts are parsed once per process into fontkit objects that every document shares (pdfkit
// accepts a font object in place of a file); each document still embeds only its own subset.
import PDFDocument from "pdfkit";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { notoSansSc, woffToSfnt } from "./font.server";

const require = createRequire(import.meta.url);

export type Weight = 400 | 700;
type Pdf = PDFKit.PDFDocument;
interface FontkitFont {
  hasGlyphForCodePoint(cp: number): boolean;
  layout(text: string): unknown;
}

/** The fontkit object pdfkit makes of a font file (pdfkit keeps it as `_font.font`). */
function parseFont(sfnt: Buffer): FontkitFont {
  const scratch = new PDFDocument({ autoFirstPage: false });
  scratch.font(sfnt);
  return (scratch as unknown as { _font: { font: FontkitFont } })._font.font;
}

const primary = new Map<Weight, FontkitFont>();
/** The shipped subset as a shared font object: register it on any document. */
export function primaryFont(weight: Weight): FontkitFont {
  let f = primary.get(weight);
  if (!f) primary.set(weight, (f = parseFont(notoSansSc(weight))));
  return f;
}

/** Registers "cn" and "cn-bold" (the names app/utils/pdf.server.ts uses) with the shared fonts. */
export function registerCjk(doc: Pdf) {
  doc.registerFont("cn", primaryFont(400) as never);
  doc.registerFont("cn-bold", primaryFont(700) as never);
}

// ── slices of the full font ──
type Slice = { file: string; ranges: Array<[number, number]> };
const slices = new Map<Weight, Slice[]>();
const packageDir = () => dirname(require.resolve("@fontsource/noto-sans-sc/package.json"));

function slicesOf(weight: Weight): Slice[] {
  let s = slices.get(weight);
  if (s) return s;
  const css = readFileSync(join(packageDir(), `${weight}.css`), "utf8");
  s = [];
  for (const m of css.matchAll(/url\(\.\/files\/(noto-sans-sc-\d+-\d+-normal)\.woff2\)[^;]*;\s*unicode-range:\s*([^;]+);/g))
    s.push({
      file: m[1],
      ranges: m[2].split(",").map((r) => {
        const [a, b] = r.trim().replace(/^U\+/i, "").split("-");
        return [parseInt(a, 16), parseInt(b ?? a, 16)] as [number, number];
      }),
    });
  slices.set(weight, s);
  return s;
}

const sliceFonts = new Map<string, FontkitFont | null>();
function sliceFont(file: string): FontkitFont | null {
  if (!sliceFonts.has(file)) {
    try {
      sliceFonts.set(file, parseFont(woffToSfnt(readFileSync(join(packageDir(), "files", `${file}.woff`)))));
    } catch {
      sliceFonts.set(file, null);
    }
  }
  return sliceFonts.get(file)!;
}

/** Where a code point's glyph comes from: the subset, a slice file, or nowhere. */
export function glyphSource(cp: number, weight: Weight): "primary" | { slice: string } | null {
  if (primaryFont(weight).hasGlyphForCodePoint(cp)) return "primary";
  for (const s of slicesOf(weight))
    if (s.ranges.some(([a, b]) => cp >= a && cp <= b)) {
      const f = sliceFont(s.file);
      if (f?.hasGlyphForCodePoint(cp)) return { slice: s.file };
    }
  return null;
}

export interface Run {
  text: string;
  font: string; // a name registered on the document
}

const codePointText = (cp: number) => `〔U+${cp.toString(16).toUpperCase().padStart(4, "0")}〕`;
const registered = new WeakMap<Pdf, Set<string>>();

/** Split text into runs of one font each, registering fallback slices on `doc` as needed. */
export function runsOf(doc: Pdf, text: string, weight: Weight): Run[] {
  const base = weight === 700 ? "cn-bold" : "cn";
  const runs: Run[] = [];
  const push = (t: string, font: string) => {
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += t;
    else runs.push({ text: t, font });
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80 && cp >= 0x20) {
      push(ch, base);
      continue;
    }
    const src = glyphSource(cp, weight);
    if (src === "primary") push(ch, base);
    else if (src) {
      let names = registered.get(doc);
      if (!names) registered.set(doc, (names = new Set()));
      if (!names.has(src.slice)) {
        doc.registerFont(src.slice, sliceFont(src.slice) as never);
        names.add(src.slice);
      }
      push(ch, src.slice);
    } else push(codePointText(cp), base);
  }
  return runs;
}

/** Characters of `text` that no shipped font can draw (printed as code points). */
export function missingGlyphs(text: string, weight: Weight = 400): string[] {
  return [...new Set(Array.from(text).filter((ch) => ch.codePointAt(0)! >= 0x80 && glyphSource(ch.codePointAt(0)!, weight) === null))];
}

export function runsWidth(doc: Pdf, runs: Run[], size: number): number {
  let w = 0;
  for (const r of runs) w += doc.font(r.font).fontSize(size).widthOfString(r.text);
  return w;
}

/** One line of mixed-font text at (x, y), aligned within `width`; shrinks the size to fit. Returns the width used. */
export function drawLine(doc: Pdf, text: string, x: number, y: number, o: { size: number; weight?: Weight; width?: number; align?: "left" | "center" | "right"; color?: string; minSize?: number }): number {
  const runs = runsOf(doc, text, o.weight ?? 400);
  let size = o.size;
  let w = runsWidth(doc, runs, size);
  if (o.width && w > o.width) {
    size = Math.max(o.minSize ?? size * 0.7, (size * o.width) / w);
    w = runsWidth(doc, runs, size);
  }
  let left = x;
  if (o.width && o.align === "center") left = x + (o.width - w) / 2;
  if (o.width && o.align === "right") left = x + o.width - w;
  doc.fillColor(o.color ?? "#000000");
  for (const r of runs) {
    doc.font(r.font).fontSize(size).text(r.text, left, y + (o.size - size) * 0.8, { lineBreak: false });
    left += doc.widthOfString(r.text);
  }
  return w;
}

/** A wrapping paragraph of segments; each segment may be bold and any segment may need fallback glyphs. */
export function drawParagraph(doc: Pdf, parts: Array<{ text: string; bold?: boolean; color?: string }>, x: number, y: number, o: { width: number; size: number; lineGap?: number; indent?: number }) {
  const runs = parts.flatMap((p) => runsOf(doc, p.text, p.bold ? 700 : 400).map((r) => ({ ...r, color: p.color ?? "#000000" })));
  runs.forEach((r, i) => {
    doc.font(r.font).fontSize(o.size).fillColor(r.color);
    const opts = { width: o.width, lineGap: o.lineGap ?? 6, indent: o.indent ?? 0, continued: i < runs.length - 1, align: "left" as const };
    if (i === 0) doc.text(r.text, x, y, opts);
    else doc.text(r.text, opts);
  });
}
