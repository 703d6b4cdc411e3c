import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { classRows } from "~/data/classes.server";
import { CATEGORY_LABEL, INDUSTRY_LABEL } from "~/domain/vocabulary";
import { requireCap } from "~/utils/guard.server";
import { L, useLang } from "~/utils/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireCap(request, "session.manage");
  return json({ classes: await classRows(actor) });
}

export default function ExaminerClasses() {
  const { classes } = useLoaderData<typeof loader>();
  const lang = useLang();
  return (
    <>
      <h1>{lang === "en" ? "Training classes" : "培训班次"}</h1>
      <table>
        <thead><tr><th>编号</th><th>班次</th><th>施教单位</th><th>行业</th><th>人员类别</th><th>培训期</th><th className="num">人数</th></tr></thead>
        <tbody>
          {classes.map((c) => (
            <tr key={c.id}>
              <td>{c.code}</td><td>{c.name}</td><td>{c.provider}</td><td>{L(lang, INDUSTRY_LABEL[c.industry])}</td>
              <td>{L(lang, CATEGORY_LABEL[c.category])}</td><td>{c.start} – {c.end}</td><td className="num">{c.size}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
