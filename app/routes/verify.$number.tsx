// Public: /verify/<number> (the certificate's QR code opens it). No login, rate-limited per IP,
// masked details only: 有效 / 已撤销（日期）/ 未找到 / 无效.
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { verifyForPublic } from "~/services/certificates.server";
import { clientIpOf } from "~/utils/context";

export const meta: MetaFunction = () => [{ title: "证书核验 · 伊春市应急管理局" }, { name: "robots", content: "noindex" }];

/** The loader's Retry-After and no-store reach the browser (document requests take headers from here). */
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const r = await verifyForPublic(clientIpOf(context), params.number ?? "", { keyId: url.searchParams.get("k"), signature: url.searchParams.get("s") });
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (r.status === "limited") headers["Retry-After"] = String(r.retryAfter);
  const status = r.status === "limited" ? 429 : r.status === "unknown" ? 404 : 200;
  return json(r, { status, headers });
}

const STATUS = {
  valid: { text: "有效", en: "Valid", color: "#1e7a3c", bg: "#e8f5ec" },
  revoked: { text: "已撤销", en: "Revoked", color: "#b3261e", bg: "#fdecea" },
  invalid: { text: "无效", en: "Invalid", color: "#b3261e", bg: "#fdecea" },
  unknown: { text: "未找到", en: "Not found", color: "#5a6675", bg: "#eef2f7" },
  limited: { text: "查询过于频繁", en: "Too many requests", color: "#9a5b00", bg: "#fff4e0" },
} as const;

export default function Verify() {
  const r = useLoaderData<typeof loader>();
  const s = STATUS[r.status];
  const row = (k: string, v: string) => (
    <div style={{ display: "flex", gap: ".75rem", padding: ".45rem 0", borderBottom: "1px solid #e3e8ee" }}>
      <dt style={{ flex: "0 0 5.5em", color: "#5a6675" }}>{k}</dt>
      <dd style={{ margin: 0, wordBreak: "break-all" }}>{v}</dd>
    </div>
  );
  return (
    <main style={{ maxWidth: 520, margin: "0 auto", padding: "1rem" }}>
      <p style={{ color: "#5a6675", margin: ".5rem 0 1rem", fontSize: ".9rem" }}>伊春市应急管理局 · 培训考核合格证明核验</p>
      <section className="card" style={{ borderTop: `6px solid ${s.color}` }}>
        <p style={{ margin: 0, color: "#5a6675", fontSize: ".9rem" }}>证书编号</p>
        <p style={{ margin: "0 0 .8rem", fontSize: "1.15rem", fontWeight: 700, wordBreak: "break-all" }}>{r.status === "limited" ? "—" : r.number}</p>
        <p role="status" style={{ margin: 0, padding: ".8rem 1rem", background: s.bg, color: s.color, borderRadius: 6, fontSize: "1.6rem", fontWeight: 700, textAlign: "center" }}>
          {r.status === "revoked" ? `${s.text}（${r.revokedAt}）` : s.text}
          <span style={{ display: "block", fontSize: ".8rem", fontWeight: 400 }}>{s.en}</span>
        </p>
        {r.status === "unknown" && <p>没有查到该编号的证书。请核对编号（区分大小写），或联系发证机关伊春市应急管理局。</p>}
        {r.status === "invalid" && <p>{r.reason}。此证书不能作为培训考核合格的证明，请联系发证机关。</p>}
        {r.status === "limited" && <p>请 {r.retryAfter} 秒后再试。</p>}
        {r.status === "revoked" && <p>此证书已由发证机关撤销，不再作为培训考核合格的证明。</p>}
        {(r.status === "valid" || r.status === "revoked") && (
          <dl style={{ margin: "1rem 0 0" }}>
            {row("姓名", r.details.name)}
            {row("身份证号", r.details.idMasked)}
            {row("工作单位", r.details.enterprise)}
            {row("人员类别", `${r.details.category}（${r.details.industry}）`)}
            {row("培训班次", r.details.classCode)}
            {row("施教单位", r.details.provider)}
            {row("培训学时", `${r.details.totalHours} 学时`)}
            {row("考试日期", r.details.examDate)}
            {row("发证机关", r.details.issuer)}
            {row("发证日期", r.details.issueDate)}
            {row("签名密钥", r.keyId)}
          </dl>
        )}
      </section>
      <p style={{ color: "#5a6675", fontSize: ".8rem", lineHeight: 1.5 }}>
        本证明是伊春市应急管理局工伤预防能力提升培训的培训考核合格证明，不是《安全生产知识和管理能力考核合格证》。
        个人信息已脱敏显示。证书内容经 Ed25519 电子签名，公钥见 <a href="/verify/keys.json">/verify/keys.json</a>。
      </p>
    </main>
  );
}
