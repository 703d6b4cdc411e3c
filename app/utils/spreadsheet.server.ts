// Reading and writing the simple tables users exchange with Ankao: CSV (UTF-8, with or without
// BOM) and XLSX (first worksheet, headers in row 1). Cells come back as text with their line.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { NUMERIC_CELL, type RawRow } from "~/domain/roster";

export type Table = { headers: string[]; rows: RawRow[] };
export type TableResult = { ok: true; table: Table } | { ok: false; message: string };

const MAX_ROWS = 5000;

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Math.abs(v) >= 1e15 ? NUMERIC_CELL + String(v) : String(v);
  if (typeof v === "string" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((p) => p.text).join("");
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
  }
  return String(v);
}

export async function readTable(bytes: Buffer, filename: string): Promise<TableResult> {
  const lower = filename.toLowerCase();
  try {
    if (lower.endsWith(".csv")) {
      const records: string[][] = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: false });
      if (records.length === 0) return { ok: false, message: `${filename}：文件为空` };
      const headers = records[0].map((h) => h.trim());
      if (records.length - 1 > MAX_ROWS) return { ok: false, message: `${filename}：超过 ${MAX_ROWS} 行` };
      const rows = records.slice(1).map((rec, i) => ({ line: i + 2, cells: Object.fromEntries(headers.map((h, j) => [h, (rec[j] ?? "").trim()])) }));
      return { ok: true, table: { headers, rows } };
    }
    if (lower.endsWith(".xlsx")) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      if (!ws) return { ok: false, message: `${filename}：没有工作表` };
      if (ws.rowCount - 1 > MAX_ROWS) return { ok: false, message: `${filename}：超过 ${MAX_ROWS} 行` };
      const headers: string[] = [];
      ws.getRow(1).eachCell({ includeEmpty: true }, (c, col) => (headers[col - 1] = cellText(c.value).trim()));
      const rows: RawRow[] = [];
      for (let r = 2; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        rows.push({ line: r, cells: Object.fromEntries(headers.map((h, j) => [h, cellText(row.getCell(j + 1).value).trim()])) });
      }
      return { ok: true, table: { headers, rows } };
    }
    return { ok: false, message: `${filename}：只支持 .csv 或 .xlsx 文件` };
  } catch (e) {
    return { ok: false, message: `${filename}：无法读取（${(e as Error).message.slice(0, 120)}）` };
  }
}

/** An XLSX with one header row; columns listed in `textColumns` are formatted as text. */
export async function writeXlsx(sheet: string, headers: string[], rows: Array<Array<string | number>>, textColumns: string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.columns = headers.map((h) => ({ header: h, key: h, width: Math.max(12, h.length * 3) }));
  for (const h of textColumns) ws.getColumn(headers.indexOf(h) + 1).numFmt = "@";
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV with a BOM so Excel opens the Chinese text correctly. */
export function writeCsv(headers: string[], rows: Array<Array<string | number>>): string {
  const esc = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return "\uFEFF" + [headers, ...rows].map((r) => r.map(esc).join(",")).join("\r\n") + "\r\n";
}
