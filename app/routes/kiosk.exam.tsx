import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ExamApp, type KioskStateJson } from "~/components/kiosk/ExamApp";
import { kioskState } from "~/services/kiosk.server";
import { candidateAttemptId } from "~/utils/kiosk-auth.server";
import { requireCandidate, SEB_REQUIRED } from "~/utils/kiosk-request.server";

export const meta: MetaFunction = () => [{ title: "考试 · 安考考试机" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!candidateAttemptId(request)) throw redirect("/kiosk");
  try {
    const a = await requireCandidate(request, context);
    return json({ state: await kioskState(a), attemptKey: a.id, seb: null }, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    if (e instanceof Response && e.status === 403) return json({ state: null, attemptKey: null, seb: SEB_REQUIRED }, { status: 403 });
    throw redirect("/kiosk");
  }
}

export default function KioskExam() {
  const { state, attemptKey, seb } = useLoaderData<typeof loader>();
  if (seb || !state || !attemptKey)
    return (
      <main className="kiosk">
        <h1>{SEB_REQUIRED}</h1>
        <p className="kiosk-card">本场考试须在安全考试浏览器（Safe Exam Browser）中进行。请联系监考员使用考点提供的 SEB 配置启动考试机。</p>
      </main>
    );
  return <ExamApp initial={state as KioskStateJson} attemptKey={attemptKey} />;
}
