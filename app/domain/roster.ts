// Roster rows (CSV or XLSX, Chinese headers) checked before anything is written. Every bad row
// is reported with its line, field and reason: "第 14 行 身份证号 校验位错误".
import { ID_ERROR_TEXT, validateIdNumber } from "./id-number";

export const ROSTER_HEADERS = {
  name: "姓名",
  idNumber: "身份证号",
  enterprise: "企业名称",
  creditCode: "统一社会信用代码",
  phone: "手机号",
  jobTitle: "岗位",
} as const;
type Key = keyof typeof ROSTER_HEADERS;
const REQUIRED: Key[] = ["name", "idNumber"];

/** Prefix the spreadsheet reader puts on a long number cell (an ID typed into a number column). */
export const NUMERIC_CELL = "\u0000numeric:";

export interface RawRow {
  line: number; // 1-based line in the file (the header is line 1)
  cells: Record<string, string>; // header text → cell text
}

export interface RosterRow {
  line: number;
  name: string;
  idNumber: string;
  enterpriseId: string;
  phone: string;
  jobTitle: string;
}

export interface RosterProblem {
  line: number;
  field: string; // the Chinese header
  message: string;
}

export interface EnterpriseRef {
  id: string;
  name: string;
  creditCode: string;
  industry: string;
}

export const describeProblem = (p: RosterProblem) => (p.line > 0 ? `第 ${p.line} 行 ${p.field} ${p.message}` : `${p.field} ${p.message}`);

export function checkHeaders(headers: string[]): RosterProblem[] {
  const have = new Set(headers.map((h) => h.trim()));
  const problems: RosterProblem[] = [];
  for (const k of REQUIRED) if (!have.has(ROSTER_HEADERS[k])) problems.push({ line: 1, field: ROSTER_HEADERS[k], message: "缺少此列（请使用名册模板）" });
  if (!have.has(ROSTER_HEADERS.enterprise) && !have.has(ROSTER_HEADERS.creditCode))
    problems.push({ line: 1, field: ROSTER_HEADERS.enterprise, message: "缺少企业名称或统一社会信用代码列" });
  return problems;
}

/**
 * Validate every row. `industry` is the class's: a trainee's enterprise must be in it.
 * Returns the clean rows only when there is no problem at all (imports are all-or-nothing).
 */
export function validateRoster(
  raw: RawRow[],
  ctx: { enterprises: EnterpriseRef[]; industry: string },
): { rows: RosterRow[]; problems: RosterProblem[] } {
  const byName = new Map(ctx.enterprises.map((e) => [e.name, e]));
  const byCode = new Map(ctx.enterprises.map((e) => [e.creditCode, e]));
  const seen = new Map<string, number>();
  const problems: RosterProblem[] = [];
  const rows: RosterRow[] = [];
  const H = ROSTER_HEADERS;
  for (const r of raw) {
    const get = (k: Key) => (r.cells[H[k]] ?? "").trim();
    if (Object.values(r.cells).every((v) => !v.trim())) continue; // blank line
    const before = problems.length;
    // PostgreSQL cannot store a NUL character in text, and no roster cell needs one (the ID
    // column's NUMERIC_CELL marker is readTable's own, explained below).
    for (const [field, v] of Object.entries(r.cells))
      if (v.includes("\0") && !(field === H.idNumber && v.startsWith(NUMERIC_CELL))) problems.push({ line: r.line, field, message: "含有空字符（NUL），请删除" });
    const name = get("name");
    if (!name) problems.push({ line: r.line, field: H.name, message: "不能为空" });
    else if (name.length > 30) problems.push({ line: r.line, field: H.name, message: `过长（${name.length} 字，上限 30）` });
    const id = validateIdNumber(get("idNumber"));
    if (!get("idNumber")) problems.push({ line: r.line, field: H.idNumber, message: "不能为空" });
    else if (get("idNumber").startsWith(NUMERIC_CELL))
      problems.push({ line: r.line, field: H.idNumber, message: "被 Excel 存成了数字，末几位已丢失（请把该列设为“文本”后重新填写）" });
    else if (!id.ok) problems.push({ line: r.line, field: H.idNumber, message: ID_ERROR_TEXT[id.error].zh.replace(/^身份证号/, "") });
    else if (seen.has(id.value)) problems.push({ line: r.line, field: H.idNumber, message: `与第 ${seen.get(id.value)} 行重复` });
    else seen.set(id.value, r.line);
    const code = get("creditCode").toUpperCase();
    const ent = code ? byCode.get(code) : byName.get(get("enterprise"));
    if (!code && !get("enterprise")) problems.push({ line: r.line, field: H.enterprise, message: "不能为空" });
    else if (!ent)
      problems.push(code ? { line: r.line, field: H.creditCode, message: `未找到代码为 ${code} 的企业` } : { line: r.line, field: H.enterprise, message: `未找到企业“${get("enterprise")}”（请先由管理员登记）` });
    else if (ent.industry !== ctx.industry)
      problems.push({ line: r.line, field: H.enterprise, message: `“${ent.name}”不属于本班行业` });
    const phone = get("phone");
    if (phone && !/^1\d{10}$/.test(phone)) problems.push({ line: r.line, field: H.phone, message: "应为 11 位手机号" });
    if (problems.length === before && id.ok && ent)
      rows.push({ line: r.line, name, idNumber: id.value, enterpriseId: ent.id, phone, jobTitle: get("jobTitle").slice(0, 40) });
  }
  if (raw.length > 0 && rows.length === 0 && problems.length === 0) problems.push({ line: 0, field: "文件", message: "没有学员数据" });
  return { rows: problems.length ? [] : rows, problems };
}
