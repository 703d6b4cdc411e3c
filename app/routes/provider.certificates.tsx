// PROVIDER: its own trainees' certificates (status, download one or a whole class).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { listCertificates } from "~/data/certificates.server";
import { listClasses } from "~/data/classes.server";
import { requireCap } from "~/utils/guard.server";
import { useLang } from "~/utils/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireCap(request, "class.manage");
  const classId = new URL(request.url).searchParams.get("class") || undefined;
  const [certificates, classes] = await Promise.all([listCertificates(actor, { classId }), listClasses(actor)]);
  return json({ certificates, classes: classes.map((c) => ({ id: c.id, code: c.code, name: c.name })), classId: classId ?? "" });
}

export default function ProviderCertificates() {
  const { certificates, classes, classId } = useLoaderData<typeof loader>();
  const en = useLang() === "en";
  return (
    <>
      <h1>{en ? "Certificates of our trainees" : "本单位学员的培训考核合格证明"}</h1>
      <p className="muted">{en ? "Issued by the city bureau after a released pass with eligible hours." : "由市应急管理局在考试成绩发布、学时符合要求后签发。证书编号可在 /verify/编号 公开核验。"}</p>
      <Form method="get" className="toolbar">
        <label>
          {en ? "Class" : "班次"}
          <select name="class" defaultValue={classId}>
            <option value="">{en ? "All classes" : "全部班次"}</option>
            {classes.map((c) => <option key={c.id} value={c.id}>{c.code} {c.name}</option>)}
          </select>
        </label>
        <button className="secondary">{en ? "Show" : "查看"}</button>
        {classId && <a className="button" href={`/provider/certificates/class/${classId}`}>{en ? "Download the class (PDF)" : "下载本班全部有效证书（PDF）"}</a>}
      </Form>
      <table>
        <thead><tr><th>证书编号</th><th>姓名</th><th>身份证号</th><th>企业</th><th>班次</th><th>签发日期</th><th>状态</th><th>下载</th></tr></thead>
        <tbody>
          {certificates.map((c) => (
            <tr key={c.id}>
              <td><code>{c.number}</code></td><td>{c.name}</td><td>{c.idMasked}</td><td>{c.enterprise}</td><td>{c.classCode}</td><td>{c.issuedAt}</td>
              <td>{c.status === "VALID" ? <span className="badge ok">有效</span> : <span className="badge bad">{`已撤销（${c.revokedAt}）`}</span>}</td>
              <td><a href={`/provider/certificates/${c.id}/pdf`}>PDF</a></td>
            </tr>
          ))}
          {certificates.length === 0 && <tr><td colSpan={8} className="muted">{en ? "No certificates yet" : "暂无证书"}</td></tr>}
        </tbody>
      </table>
    </>
  );
}
