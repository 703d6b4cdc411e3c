// Names with characters outside the shipped font subset still print: from a slice of the full
// Noto Sans SC that ships with @fontsource, or else as their code point.
import { glyphSource, missingGlyphs, runsOf } from "~/utils/pdf-glyphs.server";
import PDFDocument from "pdfkit";
import { registerCjk } from "~/utils/pdf-glyphs.server";

describe("glyph fallback for names", () => {
  it("draws common characters from the shipped subset", () => {
    expect(glyphSource("王".codePointAt(0)!, 400)).toBe("primary");
  });
  it("draws 骉 (not in the subset) from a slice of the full font, in both weights", () => {
    expect(glyphSource("骉".codePointAt(0)!, 400)).toEqual({ slice: expect.stringMatching(/^noto-sans-sc-\d+-400-normal$/) });
    expect(glyphSource("骉".codePointAt(0)!, 700)).toEqual({ slice: expect.stringMatching(/^noto-sans-sc-\d+-700-normal$/) });
    expect(missingGlyphs("马骉")).toEqual([]);
  });
  it("prints a character no shipped font has as its code point", () => {
    expect(missingGlyphs("刘䶮㵘")).toEqual(["䶮", "㵘"]);
    const doc = new PDFDocument({ autoFirstPage: false });
    registerCjk(doc);
    expect(runsOf(doc, "马骉㵘", 700)).toEqual([
      { text: "马", font: "cn-bold" },
      { text: "骉", font: expect.stringMatching(/-700-normal$/) },
      { text: "〔U+3D58〕", font: "cn-bold" },
    ]);
  });
});
