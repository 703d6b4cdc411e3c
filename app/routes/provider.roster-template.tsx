import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { rosterTemplate } from "~/services/roster-template.server";
import { requireCap } from "~/utils/guard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCap(request, "class.manage");
  return json({ headers: (await rosterTemplate("csv")).headers });
}

export default function RosterTemplate() {
  const { headers } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>学员名册模板</h1>
      <div className="card">
        <p>名册第一行为表头，列名如下（“企业名称”与“统一社会信用代码”填写其一即可；企业须已由管理员登记）：</p>
        <p><b>{headers.join(" · ")}</b></p>
        <p className="muted">身份证号请设为“文本”格式，否则 Excel 会把 18 位号码存成数字并丢失末几位。</p>
        <div className="toolbar">
          <a className="button" download href="/provider/roster-template/download?format=xlsx">下载 Excel 模板 (.xlsx)</a>
          <a className="button secondary" download href="/provider/roster-template/download?format=csv">下载 CSV 模板</a>
          <span className="spacer" />
          <Link to="/provider">返回班次</Link>
        </div>
      </div>
    </>
  );
}
