import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { proctorSessions } from "~/data/sessions.server";
import { requireCap } from "~/utils/guard.server";
import { useLang } from "~/utils/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireCap(request, "session.proctor");
  const sessions = await proctorSessions(actor);
  return json({
    sessions: sessions.map((s) => ({
      id: s.id, code: s.code, name: s.name, venue: s.venue.name, county: s.county.name,
      startsAt: s.startsAt.toISOString(), status: s.status, candidates: s._count.registrations,
    })),
  });
}

export default function ProctorHome() {
  const { sessions } = useLoaderData<typeof loader>();
  const en = useLang() === "en";
  return (
    <>
      <h1>{en ? "My exam sessions" : "我的考场"}</h1>
      <table>
        <thead><tr><th>场次</th><th>考点</th><th>县（市、区）</th><th>开始时间</th><th>状态</th><th className="num">考生</th></tr></thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td><Link to={`/proctor/sessions/${s.id}`}>{s.code} {s.name}</Link></td><td>{s.venue}</td><td>{s.county}</td>
              <td>{new Date(s.startsAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}</td><td>{s.status}</td><td className="num">{s.candidates}</td>
            </tr>
          ))}
          {sessions.length === 0 && <tr><td colSpan={6} className="muted">{en ? "No sessions assigned." : "暂无分配给您的考试场次。"}</td></tr>}
        </tbody>
      </table>
    </>
  );
}
