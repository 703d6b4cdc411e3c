// The examiner's bank edits: add or edit one question (each save is a new immutable version),
// retire and restore, and upload YAML/XLSX files — checked in full, previewed as a dry run, and
// written only when every line is clean. Problems are described in Chinese with file:line.
import type { Actor } from "~/domain/access";
import { findNearDuplicates, normaliseStem } from "~/domain/bank/near-duplicates";
import { parseBankFile } from "~/domain/bank/parse";
import { BANK_SHEET_HEADERS, FIELD_LABEL, bankSheetRow, readBankSheet } from "~/domain/bank/sheet";
import { TOPIC_FOLDERS } from "~/domain/bank/format";
import { contentOf, sortProblems, type BankQuestion, type ParsedQuestion, type Problem, type QuestionField } from "~/domain/bank/types";
import { checkQuestion, validateQuestions } from "~/domain/bank/validate";
import { LETTERS, contentHashOf, type Answer } from "~/domain/question";
import { BANK_INDUSTRIES, CATEGORIES, QUESTION_TYPES, isOneOf, type QuestionType, type Topic } from "~/domain/vocabulary";
import { activeStems, currentContents, filteredQuestions, idsOf, type BrowseFilter } from "~/data/bank-browse.server";
import { QUESTION_STATUS, versionRowOf } from "~/data/questions.server";
import { audit } from "~/data/audit.server";
import { importBank, type ImportReport } from "~/services/bank-import.server";
import { db } from "~/utils/db.server";
import { readTable, writeXlsx } from "~/utils/spreadsheet.server";
import type { FieldErrors } from "~/utils/form.server";

export const MAX_OPTIONS = 5;
/** Ids that would collide with the workspace's own pages. */
const RESERVED_IDS = new Set(["new", "upload", "coverage", "export"]);

// ───────────── problems in Chinese ─────────────

const TYPE_ZH: Record<string, string> = { "single-choice": "单选题", "multiple-choice": "多选题" };
const RULES: Array<[RegExp, (...m: string[]) => string]> = [
  [/^is empty$/, () => "不能为空"],
  [/^missing/, () => "缺少此项"],
  [/is not a valid id/, () => "编号只能使用小写字母、数字和“-”，例如 aqf-s-001"],
  [/does not cite a text/, () => "须写明依据的法律法规或标准，用《》括起，例如《安全生产法》第二十一条"],
  [/^unknown topic "(.*?)"/, (t) => `未知知识点“${t}”`],
  [/^must be a whole number from 1 to 5, got (.*)$/, (v) => `须为 1–5 的整数（现为 ${v}）`],
  [/^needs at least one tag$/, () => "至少选择一项"],
  [/^(\S+) is listed twice$/, (v) => `${v} 重复`],
  [/^judge questions take no options, has (\d+)$/, (n) => `判断题不设选项（现有 ${n} 个）`],
  [/^(single-choice|multiple-choice) needs (\d)–(\d) options, has (\d+)$/, (t, a, b, n) => `${TYPE_ZH[t]}需要 ${a}–${b} 个选项，现有 ${n} 个`],
  [/^option (\S+) is empty$/, (l) => `选项 ${l} 为空`],
  [/^options (\S+) and (\S+) are the same text$/, (a, b) => `选项 ${a} 与选项 ${b} 内容相同`],
  [/^"(.*)" is not an option letter \(options are (.*)\)$/, (l, r) => `“${l}”不是有效选项（选项为 ${r}）`],
  [/^"(.*)" is not an option letter \(there are no options\)$/, (l) => `“${l}”不是有效选项（没有选项）`],
  [/^a multiple-choice question needs at least 2 correct letters, has (\d+)$/, (n) => `多选题至少需要 2 个正确答案，现有 ${n} 个`],
  [/^duplicate id "(.*)" \(first at (.*)\)$/, (id, at) => `编号“${id}”重复（首次出现在 ${at}）`],
  [/^same stem as (\S+) \((.*)\)$/, (id, at) => `题干与 ${id} 相同（${at}）`],
  [/^near-duplicate stem \(similarity ([\d.]+)\) of (\S+) \((.*)\)$/, (s, id, at) => `题干与 ${id} 高度相似（相似度 ${s}，${at}）`],
  [/^unknown field \(allowed: (.*)\)$/, (a) => `未知字段（可用：${a}）`],
  [/^unknown top-level key/, () => "未知的顶层字段（可用：defaults、questions）"],
  [/^unknown value (.*) \(allowed: (.*)\)$/, (v, a) => `未知取值 ${v}（可用：${a}）`],
  [/^a judge answer must be true or false, got (.*)$/, (v) => `判断题答案须为 true 或 false（现为 ${v}）`],
  [/^a single-choice answer is one letter, got a list$/, () => "单选题答案是一个字母，而不是列表"],
  [/^a multiple-choice answer is a list of letters such as \[A, C\], got (.*)$/, (v) => `多选题答案须为字母列表，如 [A, C]（现为 ${v}）`],
  [/^expected a whole number 1–5, got (.*)$/, (v) => `须为 1–5 的整数（现为 ${v}）`],
  [/^expected text, got (.*)$/, (v) => `须为文字（现为 ${v}）`],
  [/^expected a list of (.*), got (.*)$/, (_w, v) => `须为列表（现为 ${v}）`],
];

export function zhMessage(message: string): string {
  for (const [re, f] of RULES) {
    const m = re.exec(message);
    if (m) return f(...m.slice(1));
  }
  return message;
}

const OTHER_FIELD: Record<string, string> = { yaml: "YAML 格式", header: "表头", file: "文件", questions: "questions", defaults: "defaults" };
export const fieldLabel = (field: string) => FIELD_LABEL[field as QuestionField] ?? OTHER_FIELD[field] ?? field;

/** "work-safety-law/single.yaml:12 题干：不能为空" */
export const describeProblem = (p: Problem) => `${p.file}:${p.line} ${fieldLabel(p.field)}：${zhMessage(p.message)}`;

// ───────────── the question form ─────────────

/** What the form shows: the submitted text, echoed back after an error. */
export interface QuestionFormValues {
  id: string;
  type: string;
  topic: string;
  stem: string;
  options: string[]; // always MAX_OPTIONS entries
  answer: string[]; // letters, or ["true"] / ["false"]
  explanation: string;
  source: string;
  industry: string[];
  audience: string[];
  difficulty: string;
}

export function formValuesOf(q: BankQuestion): QuestionFormValues {
  return {
    id: q.id,
    type: q.type,
    topic: q.topic,
    stem: q.stem,
    options: Array.from({ length: MAX_OPTIONS }, (_, i) => q.options[i] ?? ""),
    answer: typeof q.answer === "boolean" ? [String(q.answer)] : Array.isArray(q.answer) ? [...q.answer] : [q.answer],
    explanation: q.explanation,
    source: q.source,
    industry: [...q.industry],
    audience: [...q.audience],
    difficulty: String(q.difficulty),
  };
}

const text = (form: FormData, k: string) => String(form.get(k) ?? "").trim();
const texts = (form: FormData, k: string) => form.getAll(k).map((v) => String(v).trim());

/**
 * Read the form into a question and check it with the bank's own rules (validate.ts), plus a
 * near-duplicate stem check against the rest of the bank. Errors are keyed by field, in Chinese.
 */
export async function questionFromForm(form: FormData, fixedId?: string): Promise<{ values: QuestionFormValues; question: BankQuestion | null; errors: FieldErrors }> {
  const optionCells = texts(form, "option").slice(0, MAX_OPTIONS);
  while (optionCells.length < MAX_OPTIONS) optionCells.push("");
  const values: QuestionFormValues = {
    id: fixedId ?? text(form, "id"),
    type: text(form, "type"),
    topic: text(form, "topic"),
    stem: text(form, "stem"),
    options: optionCells,
    answer: texts(form, "answer").filter(Boolean),
    explanation: text(form, "explanation"),
    source: text(form, "source"),
    industry: texts(form, "industry").filter((v) => isOneOf(BANK_INDUSTRIES, v)),
    audience: texts(form, "audience").filter((v) => isOneOf(CATEGORIES, v)),
    difficulty: text(form, "difficulty"),
  };
  const errors: FieldErrors = {};
  if (!isOneOf(QUESTION_TYPES, values.type)) {
    errors.type = "请选择题型";
    return { values, question: null, errors };
  }
  const type: QuestionType = values.type;
  if (!values.id && !fixedId) values.id = await suggestId(values.topic, type);

  let options: string[] = [];
  if (type !== "judge") {
    let last = optionCells.length - 1;
    while (last >= 0 && !optionCells[last]) last--;
    options = optionCells.slice(0, last + 1);
  }
  let answer: Answer | undefined;
  if (type === "judge") {
    if (values.answer[0] === "true" || values.answer[0] === "false") answer = values.answer[0] === "true";
    else errors.answer = "请选择“正确”或“错误”";
  } else {
    const letters = [...new Set(values.answer.filter((l) => (LETTERS as readonly string[]).includes(l)))].sort();
    if (!letters.length) errors.answer = "请勾选正确答案";
    else if (type === "single" && letters.length > 1) errors.answer = "单选题只能有一个正确答案";
    else answer = type === "single" ? letters[0] : letters;
  }
  const difficulty = Number(values.difficulty);

  const q: ParsedQuestion = {
    id: values.id,
    type,
    topic: values.topic,
    stem: values.stem,
    options,
    answer: answer ?? (type === "multiple" ? ["A", "B"] : "A"),
    explanation: values.explanation,
    source: values.source,
    industry: values.industry as BankQuestion["industry"],
    audience: values.audience as BankQuestion["audience"],
    difficulty,
    file: "form",
    line: 0,
    lines: {},
  };
  for (const p of checkQuestion(q)) {
    if (p.field === "answer" && errors.answer) continue;
    errors[p.field] ??= zhMessage(p.message);
  }
  if (!fixedId && RESERVED_IDS.has(q.id)) errors.id ??= `“${q.id}”是系统保留字，请换一个编号`;
  if (!errors.stem && q.stem) {
    const [dup] = await duplicatesInBank([q]);
    if (dup) errors.stem = zhMessage(dup.message);
  }
  return { values, question: Object.keys(errors).length ? null : q, errors };
}

/** Next free id for a topic and type, following the most common `prefix-NNN` pattern in use. */
export async function suggestId(topic: string, type: QuestionType): Promise<string> {
  const ids = await idsOf(topic, type);
  const taken = new Set(ids);
  const byPrefix = new Map<string, { n: number; max: number; width: number }>();
  for (const id of ids) {
    const m = /^(.*?)(\d+)$/.exec(id);
    if (!m) continue;
    const e = byPrefix.get(m[1]) ?? { n: 0, max: 0, width: m[2].length };
    e.n++;
    e.max = Math.max(e.max, Number(m[2]));
    byPrefix.set(m[1], e);
  }
  const best = [...byPrefix.entries()].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1))[0];
  const folder = TOPIC_FOLDERS[topic as Topic] ?? "q";
  const [prefix, start, width] = best ? [best[0], best[1].max + 1, best[1].width] : [`${folder}-${type}-`, 1, 3];
  const client = await db();
  for (let n = start; ; n++) {
    const id = `${prefix}${String(n).padStart(width, "0")}`;
    if (!taken.has(id) && !(await client.question.findUnique({ where: { id }, select: { id: true } }))) return id;
  }
}

/** Near-duplicate (or identical) stems between `incoming` and the other ACTIVE questions of the bank. */
async function duplicatesInBank(incoming: readonly ParsedQuestion[]): Promise<Problem[]> {
  if (!incoming.length) return [];
  const bank = await activeStems(new Set(incoming.map((q) => q.id)));
  const pairs = findNearDuplicates([...bank.map((b) => b.stem), ...incoming.map((q) => q.stem)]);
  const out: Problem[] = [];
  for (const { first, second, similarity } of pairs) {
    if (second < bank.length || first >= bank.length) continue; // both in the bank, or both incoming (validate.ts reports those)
    const q = incoming[second - bank.length];
    const other = bank[first];
    const what = normaliseStem(q.stem) === normaliseStem(other.stem) ? "same stem as" : `near-duplicate stem (similarity ${similarity.toFixed(2)}) of`;
    out.push({ file: q.file, line: q.lines.stem ?? q.line, field: "stem", message: `${what} ${other.id} (题库)` });
  }
  return out;
}

export type SaveResult =
  | { ok: true; version: number; unchanged: boolean }
  | { ok: false; errors: FieldErrors }
  | null; // edit of a question that does not exist

/**
 * Save one question. `create`: a new id, version 1. `edit`: a new version after `baseVersion`
 * (someone else saved meanwhile → refused, nothing lost); unchanged content writes nothing.
 */
export async function saveQuestion(actor: Actor, q: BankQuestion, mode: { create: true } | { create: false; baseVersion: number }): Promise<SaveResult> {
  try {
    return await saveOnce(actor, q, mode);
  } catch (e) {
    // Two saves raced past the version check (PostgreSQL): the unique (questionId, version) or id refused the second.
    if ((e as { code?: string }).code === "P2002") return { ok: false, errors: { _: "该题刚刚被他人保存，请刷新页面后再编辑。未保存任何内容。" } };
    throw e;
  }
}

async function saveOnce(actor: Actor, q: BankQuestion, mode: { create: true } | { create: false; baseVersion: number }): Promise<SaveResult> {
  const client = await db();
  return client.$transaction(async (tx): Promise<SaveResult> => {
    const existing = await tx.question.findUnique({ where: { id: q.id }, include: { current: { select: { contentHash: true } } } });
    if (mode.create && existing) return { ok: false, errors: { id: `编号“${q.id}”已存在` } };
    if (!mode.create && !existing) return null;
    if (!mode.create && existing!.currentVersion !== mode.baseVersion)
      return { ok: false, errors: { _: `该题已被他人修改为第 ${existing!.currentVersion} 版，请刷新页面后再编辑。未保存任何内容。` } };

    const content = contentOf(q);
    const hash = contentHashOf(content);
    if (existing && existing.current?.contentHash === hash) return { ok: true, version: existing.currentVersion, unchanged: true };
    const latest = existing ? (await tx.questionVersion.aggregate({ where: { questionId: q.id }, _max: { version: true } }))._max.version ?? 0 : 0;
    const version = latest + 1;
    if (!existing) await tx.question.create({ data: { id: q.id, status: QUESTION_STATUS.ACTIVE, currentVersion: version } });
    const row = await tx.questionVersion.create({ data: versionRowOf(q.id, version, content, hash, actor.id), select: { id: true } });
    await tx.question.update({ where: { id: q.id }, data: { currentVersion: version, currentVersionId: row.id } });
    await audit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: existing ? "question.edit" : "question.create",
      entity: "Question",
      entityId: q.id,
      data: { version, contentHash: hash },
    });
    return { ok: true, version, unchanged: false };
  });
}

/** Retire (no new paper draws it; pinned papers keep it) or restore a question. Audited. */
export async function setQuestionStatus(actor: Actor, id: string, status: "ACTIVE" | "RETIRED", reason: string) {
  const client = await db();
  return client.$transaction(async (tx) => {
    const q = await tx.question.findUnique({ where: { id }, select: { status: true } });
    if (!q) return null;
    if (q.status === status) return { ok: false as const, message: status === "RETIRED" ? "该题已停用" : "该题已在使用中" };
    await tx.question.update({ where: { id }, data: { status } });
    await audit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: status === "RETIRED" ? "question.retire" : "question.restore",
      entity: "Question",
      entityId: id,
      reason: reason.slice(0, 500),
    });
    return { ok: true as const };
  });
}

// ───────────── upload: read, preview, apply ─────────────

export interface UploadFile {
  name: string;
  bytes: Buffer;
}
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const MAX_FILES = 50;

/** Every question in the files, and every problem: per line, across the files, and against the bank. */
export async function readUpload(files: readonly UploadFile[]): Promise<{ questions: ParsedQuestion[]; problems: Problem[] }> {
  const questions: ParsedQuestion[] = [];
  const problems: Problem[] = [];
  if (files.length > MAX_FILES) problems.push({ file: "", line: 0, field: "file", message: `一次最多上传 ${MAX_FILES} 个文件` });
  for (const f of files.slice(0, MAX_FILES)) {
    const lower = f.name.toLowerCase();
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      const r = parseBankFile(f.name, f.bytes.toString("utf8").replace(/^\uFEFF/, ""));
      questions.push(...r.questions);
      problems.push(...r.problems);
    } else if (lower.endsWith(".xlsx") || lower.endsWith(".csv")) {
      const t = await readTable(f.bytes, f.name);
      if (!t.ok) {
        problems.push({ file: f.name, line: 1, field: "file", message: t.message });
        continue;
      }
      const r = readBankSheet(f.name, t.table.headers, t.table.rows);
      questions.push(...r.questions);
      problems.push(...r.problems);
    } else problems.push({ file: f.name, line: 1, field: "file", message: "只支持 .yaml、.yml、.xlsx 或 .csv 文件" });
  }
  if (!questions.length && !problems.length) problems.push({ file: files[0]?.name ?? "", line: 1, field: "file", message: "文件中没有试题" });
  problems.push(...validateQuestions(questions));
  if (!problems.length) problems.push(...(await duplicatesInBank(questions)));
  return { questions, problems: sortProblems(problems) };
}

export interface UploadChange {
  id: string;
  stem: string;
  fields: string[]; // Chinese labels of the fields that change
}

export type UploadOutcome =
  | { ok: false; problems: string[]; count: number }
  | { ok: true; count: number; report: ImportReport; changes: UploadChange[] };

/** Dry run (`apply` false) or the real import, which re-reads and re-checks everything first. */
export async function uploadBank(actor: Actor, files: readonly UploadFile[], apply: boolean): Promise<UploadOutcome> {
  const { questions, problems } = await readUpload(files);
  if (problems.length) return { ok: false, problems: problems.map(describeProblem), count: questions.length };
  const bank = questions.map((q): BankQuestion => ({ id: q.id, ...contentOf(q) }));
  const before = await currentContents(bank.map((q) => q.id));
  const report = await importBank(bank, { actor, retireMissing: false, dryRun: !apply });
  const touched = [...report.updated, ...report.restored];
  const byId = new Map(bank.map((q) => [q.id, q]));
  const changes = touched.map((id) => {
    const now = contentOf(byId.get(id)!);
    const old = before.get(id);
    const fields = old
      ? (Object.keys(now) as Array<keyof typeof now>).filter((k) => JSON.stringify(now[k]) !== JSON.stringify(old[k])).map((k) => FIELD_LABEL[k as QuestionField] ?? k)
      : [];
    return { id, stem: now.stem, fields };
  });
  return { ok: true, count: bank.length, report, changes };
}

/** The files as one hidden form field between preview and confirm (nothing is kept on the server). */
export const encodeUpload = (files: readonly UploadFile[]) => JSON.stringify(files.map((f) => ({ name: f.name, data: f.bytes.toString("base64") })));

export function decodeUpload(payload: string): UploadFile[] | null {
  try {
    const raw = JSON.parse(payload) as unknown;
    if (!Array.isArray(raw)) return null;
    const files = raw.map((f) => {
      if (!f || typeof f.name !== "string" || typeof f.data !== "string") throw new Error("bad file");
      return { name: f.name.slice(0, 200), bytes: Buffer.from(f.data, "base64") };
    });
    return files.reduce((a, f) => a + f.bytes.length, 0) <= MAX_UPLOAD_BYTES ? files : null;
  } catch {
    return null;
  }
}

// ───────────── export ─────────────

export async function exportXlsx(filter: BrowseFilter): Promise<{ name: string; body: Buffer; type: string }> {
  const questions = await filteredQuestions(filter);
  return {
    name: `题库导出-${new Date().toISOString().slice(0, 10)}.xlsx`,
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await writeXlsx("题库", BANK_SHEET_HEADERS, questions.map(bankSheetRow), ["编号", "答案"]),
  };
}
