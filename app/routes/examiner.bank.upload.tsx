// Upload YAML or XLSX bank files: every line is checked, a dry run shows what would change, and
// only "confirm" writes. The files travel back in a hidden field; nothing is kept on the server.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Outcome } from "~/components/FormBits";
import { allowed } from "~/domain/access";
import { MAX_UPLOAD_BYTES, decodeUpload, encodeUpload, uploadBank, type UploadFile } from "~/services/bank-edit.server";
import { done, invalid, readFormData } from "~/utils/form.server";
import { requireCap } from "~/utils/guard.server";
import { useLang } from "~/utils/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCap(request, "bank.read");
  return json({ canWrite: allowed(user.role, "bank.write"), maxMb: MAX_UPLOAD_BYTES / 1024 / 1024 });
}

async function readForm(request: Request): Promise<FormData | null> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return readFormData(request);
  try {
    // The confirm step re-posts the files as base64 text, a third larger than the files.
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: Math.ceil(MAX_UPLOAD_BYTES * 1.4) }));
  } catch {
    return null;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireCap(request, "bank.write");
  const form = await readForm(request);
  const tooBig = `文件过大：合计不能超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`;
  if (!form) return invalid({ _: tooBig });
  const intent = form.get("intent");
  let files: UploadFile[] | null;
  if (intent === "preview") {
    const parts = form.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
    if (!parts.length) return invalid({ _: "请选择题库文件（.yaml、.yml 或 .xlsx）" });
    files = await Promise.all(parts.map(async (f) => ({ name: f.name, bytes: Buffer.from(await f.arrayBuffer()) })));
    if (files.reduce((a, f) => a + f.bytes.length, 0) > MAX_UPLOAD_BYTES) return invalid({ _: tooBig });
  } else if (intent === "confirm") {
    files = decodeUpload(String(form.get("payload") ?? ""));
    if (!files?.length) return invalid({ _: "上传内容无效，请重新选择文件" });
  } else return invalid({ _: "未知操作" });

  const names = files.map((f) => f.name);
  const r = await uploadBank(actor, files, intent === "confirm");
  if (!r.ok)
    return invalid({ _: `发现 ${r.problems.length} 处问题，未写入任何内容。请修改文件后重新上传。` }, { problems: r.problems, names });
  const { added, updated, unchanged, restored } = r.report;
  if (intent === "confirm")
    return done(`已导入 ${names.join("、")}：新增 ${added.length} 题，更新 ${updated.length} 题（生成新版本），恢复 ${restored.length} 题，未变 ${unchanged.length} 题。`, {
      stage: "done" as const,
      names,
    });
  return json({ ok: true as const, stage: "preview" as const, names, payload: encodeUpload(files), count: r.count, report: r.report, changes: r.changes, errors: {} });
}

export default function Upload() {
  const { canWrite, maxMb } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const lang = useLang();
  const T = (zh: string, en: string) => (lang === "en" ? en : zh);
  const preview = result && "stage" in result && result.stage === "preview" ? result : null;

  return (
    <>
      <p><Link to="/examiner/bank">← {T("题库", "Question bank")}</Link></p>
      <h1>{T("上传题库文件", "Upload bank files")}</h1>
      {!canWrite ? (
        <p className="notice">{T("您的账号对题库只读，不能上传。", "Your account has read-only access to the bank.")}</p>
      ) : (
        <>
          {!preview && <Outcome result={result as Parameters<typeof Outcome>[0]["result"]} />}
          {!preview && (
            <div className="card">
              <p style={{ marginTop: 0 }}>
                {T(
                  "支持题库 YAML 文件（格式见 question-bank/README.md）和 XLSX 表格（表头与“导出 XLSX”一致，可先导出现有题库作为模板）。可一次选择多个文件。",
                  "YAML bank files (see question-bank/README.md) or an XLSX sheet with the same headers as “Export XLSX”. Several files at once are fine.",
                )}
              </p>
              <p className="muted">
                {T(
                  `编号已存在的试题内容有变化时生成新版本；新编号新增；不会停用文件中没有的试题。任何一处错误都不会写入。合计不超过 ${maxMb} MB。`,
                  `A known id with new content gets a new version; a new id is added; nothing is retired. Any problem means nothing is written. Up to ${maxMb} MB.`,
                )}
              </p>
              <Form method="post" encType="multipart/form-data" className="toolbar">
                <input type="hidden" name="intent" value="preview" />
                <input type="file" name="files" multiple accept=".yaml,.yml,.xlsx,.csv" required aria-label={T("题库文件", "Bank files")} />
                <button disabled={busy}>{T("检查并预览", "Check and preview")}</button>
              </Form>
            </div>
          )}
          {preview && (
            <div className="card">
              <h2 style={{ marginTop: 0 }}>{T("预览：确认后将写入以下变化", "Preview: confirming writes these changes")}</h2>
              <p className="muted">{preview.names.join("、")} · {T(`共 ${preview.count} 题，检查通过`, `${preview.count} questions, all checks passed`)}</p>
              <div className="stats" role="list">
                <Stat label={T("新增", "Added")} n={preview.report.added.length} />
                <Stat label={T("更新（新版本）", "Updated (new version)")} n={preview.report.updated.length} />
                <Stat label={T("恢复使用", "Restored")} n={preview.report.restored.length} />
                <Stat label={T("未变", "Unchanged")} n={preview.report.unchanged.length} />
              </div>
              {preview.changes.length > 0 && (
                <>
                  <h3>{T("将生成新版本的试题", "Questions that get a new version")}</h3>
                  <table>
                    <thead><tr><th>{T("编号", "Id")}</th><th>{T("改动字段", "Fields")}</th><th>{T("题干（新）", "Stem (new)")}</th></tr></thead>
                    <tbody>
                      {preview.changes.slice(0, 200).map((c) => (
                        <tr key={c.id}>
                          <td><Link to={`/examiner/bank/${encodeURIComponent(c.id)}`}>{c.id}</Link></td>
                          <td>{c.fields.join("、") || T("（恢复）", "(restore)")}</td>
                          <td>{c.stem}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {preview.changes.length > 200 && <p className="muted">{T(`另有 ${preview.changes.length - 200} 题未列出`, `${preview.changes.length - 200} more not listed`)}</p>}
                </>
              )}
              {preview.report.added.length > 0 && (
                <>
                  <h3>{T("新增试题编号", "New ids")}</h3>
                  <p style={{ wordBreak: "break-all" }}>{preview.report.added.slice(0, 300).join("、")}{preview.report.added.length > 300 && " …"}</p>
                </>
              )}
              <Form method="post" encType="multipart/form-data" className="toolbar">
                <input type="hidden" name="intent" value="confirm" />
                <input type="hidden" name="payload" value={preview.payload} />
                <button disabled={busy || preview.report.added.length + preview.report.updated.length + preview.report.restored.length === 0}>
                  {T("确认导入", "Confirm import")}
                </button>
                <Link to="/examiner/bank/upload" reloadDocument>{T("取消", "Cancel")}</Link>
              </Form>
            </div>
          )}
        </>
      )}
    </>
  );
}

function Stat({ label, n }: { label: string; n: number }) {
  return (
    <div className="stat" role="listitem">
      <b>{n}</b>
      {label}
    </div>
  );
}
