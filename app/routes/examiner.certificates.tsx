// EXAMINER: certificates per class — who passed, issue per candidate or for the whole class,
// revoke with a reason, clear a review flag, download PDFs.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { certificateClasses, classCertificates } from "~/data/certificates.server";
import { hours } from "~/domain/eligibility";
import { CATEGORY_LABEL, INDUSTRY_LABEL } from "~/domain/vocabulary";
import { flagForReview, issueCertificate, issueForClass, revokeCertificate } from "~/services/certificates.server";
import { notFound, requireCap } from "~/utils/guard.server";
import { L, useLang } from "~/utils/i18n";
import { readFormData } from "~/utils/form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireCap(request, "certificate.manage");
  const classId = new URL(request.url).searchParams.get("class");
  const classes = await certificateClasses(actor);
  const selected = classId ? await classCertificates(actor, classId) : null;
  if (classId && !selected) throw notFound("班次不存在");
  return json({ classes, selected });
}

type Result = { ok: boolean; message: string; refused?: Array<{ name: string; idMasked: string; reasons: string[] }>; field?: string };
const fail = (message: string, extra: Partial<Result> = {}, status = 400) => json<Result>({ ok: false, message, ...extra }, { status });

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireCap(request, "certificate.manage");
  const form = await readFormData(request);
  const s = (k: string) => String(form.get(k) ?? "").trim();
  switch (s("intent")) {
    case "issueClass": {
      const r = await issueForClass(actor, s("classId"));
      if (!r) throw notFound("班次不存在");
      const msg = `新签发 ${r.issued.length} 份${r.issued.length ? `（${r.issued[0].number}${r.issued.length > 1 ? ` 至 ${r.issued[r.issued.length - 1].number}` : ""}）` : ""}，此前已签发 ${r.existing.length} 份，未签发 ${r.refused.length} 人。`;
      return json<Result>({ ok: true, message: msg, refused: r.refused });
    }
    case "issue": {
      const r = await issueCertificate(actor, s("enrolmentId"));
      if (r.ok) return json<Result>({ ok: true, message: r.created ? `已签发证书 ${r.certificate.number}` : `该学员已有证书 ${r.certificate.number}，未重复签发` });
      if (r.code === "NOT_FOUND") throw notFound(r.reasons[0]);
      return fail(`未签发：${r.reasons.join("；")}`);
    }
    case "revoke": {
      const r = await revokeCertificate(actor, s("certificateId"), s("reason"));
      if (r.ok) return json<Result>({ ok: true, message: `证书 ${r.number} 已撤销` });
      if (r.notFound) throw notFound(r.error);
      return fail(r.error, { field: r.field });
    }
    case "unflag": {
      const done = await flagForReview(s("certificateId"), null, { actor, reason: "复核后保留" });
      if (!done) throw notFound("证书不存在");
      return json<Result>({ ok: true, message: "已复核，证书保留有效" });
    }
    default:
      return fail("未知操作");
  }
}

export default function ExaminerCertificates() {
  const { classes, selected } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const lang = useLang();
  return (
    <>
      <h1>培训考核合格证明</h1>
      {result && (
        <div className={`notice ${result.ok ? "success" : "error"}`} role={result.ok ? "status" : "alert"}>
          {result.message}
          {result.refused && result.refused.length > 0 && (
            <ul className="errors">{result.refused.map((r) => <li key={r.name + r.idMasked}>{`${r.name}（${r.idMasked}）：${r.reasons.join("；")}`}</li>)}</ul>
          )}
        </div>
      )}
      {!selected && (
        <table>
          <thead><tr><th>班次</th><th>施教单位</th><th>类别</th><th className="num">学员</th><th className="num">考试合格</th><th className="num">有效证书</th><th>待复核</th></tr></thead>
          <tbody>
            {classes.map((c) => (
              <tr key={c.id}>
                <td><Link to={`?class=${c.id}`}>{c.code} {c.name}</Link></td><td>{c.provider}</td>
                <td>{L(lang, INDUSTRY_LABEL[c.industry])} · {L(lang, CATEGORY_LABEL[c.category])}</td>
                <td className="num">{c.enrolled}</td><td className="num">{c.passed}</td><td className="num">{c.certified}</td>
                <td>{c.flagged > 0 ? <span className="badge warn">{c.flagged} 份</span> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && (
        <>
          <p><Link to="/examiner/certificates">← 全部班次</Link></p>
          <h2>{selected.cls.code} {selected.cls.name}</h2>
          <p className="muted">{selected.cls.provider} · {L(lang, INDUSTRY_LABEL[selected.cls.industry])} · {L(lang, CATEGORY_LABEL[selected.cls.category])}</p>
          <div className="toolbar">
            <Form method="post">
              <input type="hidden" name="intent" value="issueClass" />
              <input type="hidden" name="classId" value={selected.cls.id} />
              <button disabled={busy}>{busy ? "正在签发…" : "为全班合格学员签发证书"}</button>
            </Form>
            <a className="button secondary" href={`/examiner/certificates/class/${selected.cls.id}`}>下载全班证书 PDF</a>
          </div>
          <table>
            <thead><tr><th>#</th><th>姓名</th><th>身份证号</th><th>企业</th><th className="num">学时</th><th>考试结果</th><th>证书</th><th>操作</th></tr></thead>
            <tbody>
              {selected.rows.map((r, i) => (
                <tr key={r.enrolmentId}>
                  <td>{i + 1}</td><td>{r.name}</td><td>{r.idMasked}</td><td>{r.enterprise}</td>
                  <td className="num">
                    {hours(r.minutes)}
                    {r.hourProblems.length > 0 && <div><span className="badge warn">{r.hourProblems.join("；")}</span></div>}
                  </td>
                  <td>{r.result.ok ? <span className="badge ok">{`${r.result.score} 分 合格${r.result.sitting === 2 ? "（补考）" : ""}`}</span> : <span className="muted">{r.result.reason}</span>}</td>
                  <td>
                    {r.certificate ? (
                      <>
                        <code>{r.certificate.number}</code>{" "}
                        {r.certificate.status === "VALID" ? <span className="badge ok">有效</span> : <span className="badge bad" title={r.certificate.revokeReason ?? ""}>{`已撤销（${r.certificate.revokedAt}）`}</span>}
                        {r.certificate.reviewFlag && <span className="badge warn" title={r.certificate.reviewFlag}>需复核：重评后不合格</span>}
                      </>
                    ) : "—"}
                  </td>
                  <td>
                    {!r.certificate && r.result.ok && r.hourProblems.length === 0 && (
                      <Form method="post" className="inline">
                        <input type="hidden" name="intent" value="issue" />
                        <input type="hidden" name="enrolmentId" value={r.enrolmentId} />
                        <button disabled={busy}>签发</button>
                      </Form>
                    )}
                    {r.certificate && (
                      <div className="toolbar" style={{ margin: 0 }}>
                        <a href={`/examiner/certificates/${r.certificate.id}/pdf`}>PDF</a>
                        <a href={`/verify/${r.certificate.number}`} target="_blank" rel="noreferrer">核验页</a>
                        {r.certificate.reviewFlag && r.certificate.status === "VALID" && (
                          <Form method="post" className="inline">
                            <input type="hidden" name="intent" value="unflag" />
                            <input type="hidden" name="certificateId" value={r.certificate.id} />
                            <button className="secondary" disabled={busy}>复核后保留</button>
                          </Form>
                        )}
                        {r.certificate.status === "VALID" && (
                          <details>
                            <summary>撤销…</summary>
                            <Form method="post" className="toolbar" style={{ margin: ".3rem 0 0" }}>
                              <input type="hidden" name="intent" value="revoke" />
                              <input type="hidden" name="certificateId" value={r.certificate.id} />
                              <input name="reason" required minLength={4} maxLength={200} placeholder="撤销原因（必填）" aria-label={`撤销 ${r.certificate.number} 的原因`} />
                              <button className="danger" disabled={busy}>撤销</button>
                            </Form>
                          </details>
                        )}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
              {selected.rows.length === 0 && <tr><td colSpan={8} className="muted">该班次没有学员</td></tr>}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
