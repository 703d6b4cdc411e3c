// Form parsing with zod: field errors come back keyed by field, ready to show next to inputs.
import { json } from "@remix-run/node";
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export function parseForm<S extends z.ZodType>(schema: S, form: FormData): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const obj: Record<string, unknown> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") obj[k] = v.trim();
  const r = schema.safeParse(obj);
  if (r.success) return { ok: true, data: r.data };
  const errors: FieldErrors = {};
  for (const i of r.error.issues) errors[String(i.path[0] ?? "_")] ??= i.message;
  return { ok: false, errors };
}

/**
 * The request's form fields; a body that is not a readable form (JSON, a broken multipart, no
 * Content-Type) is the client's mistake: a 400 with the shape every form reads, never a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw invalid({ _: "请求内容无法解析：应为表单提交（application/x-www-form-urlencoded 或 multipart/form-data）" });
  }
  assertNoNul(form);
  return form;
}

/** No field of ours needs a NUL character, and PostgreSQL cannot store one in text: a 400 naming the field. */
export function assertNoNul(form: FormData): void {
  for (const [k, v] of form.entries())
    if (typeof v === "string" && v.includes("\0")) throw invalid({ [k]: "含有空字符（NUL），请删除后重试", _: `字段 ${k.slice(0, 40)} 含有空字符（NUL）` });
}

/** 400 with errors, the shape every form in the app reads. */
export const invalid = (errors: FieldErrors, extra: Record<string, unknown> = {}) =>
  json({ ok: false as const, errors, ...extra }, { status: 400 });

export const done = (message: string, extra: Record<string, unknown> = {}) => json({ ok: true as const, message, errors: {} as FieldErrors, ...extra });
