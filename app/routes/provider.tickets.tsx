// A provider downloads its own trainees' admission tickets; it never sees the paper.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { db } from "~/utils/db.server";
import { requireCap } from "~/utils/guard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireCap(request, "class.manage");
  const prisma = await db();
  const sessions = await prisma.examSession.findMany({
    where: { registrations: { some: { enrolment: { class: { providerId: actor.providerId ?? "—" } } } } },
    orderBy: { startsAt: "desc" },
    include: { venue: true, _count: { select: { registrations: { where: { enrolment: { class: { providerId: actor.providerId ?? "—" } } } } } } },
  });
  return json({ sessions: sessions.map((s) => ({ id: s.id, code: s.code, name: s.name, venue: s.venue.name, startsAt: s.startsAt.toISOString(), mine: s._count.registrations })) });
}

export default function ProviderTickets() {
  const { sessions } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>准考证</h1>
      <table>
        <thead><tr><th>考试场次</th><th>考点</th><th>时间</th><th className="num">本单位考生</th><th>下载</th></tr></thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td>{s.code} {s.name}</td><td>{s.venue}</td><td>{new Date(s.startsAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}</td><td className="num">{s.mine}</td>
              <td><a href={`/provider/tickets/${s.id}`}>准考证 PDF</a></td>
            </tr>
          ))}
          {sessions.length === 0 && <tr><td colSpan={5} className="muted">暂无考试安排</td></tr>}
        </tbody>
      </table>
    </>
  );
}
