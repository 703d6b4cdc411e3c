import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ExamApp, type KioskStateJson } from "~/components/kiosk/ExamApp";
import { kioskState } from "~/services/kiosk.server";
import { candidateAttemptId } from "~/utils/kiosk-auth.server";
import { requireCandidate } from "~/utils/kiosk-request.server";

export const meta: MetaFunction = () => [{ title: "考试 · 安考考试机" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (!candidateAttemptId(request)) throw redirect("/kiosk");
  const a = await requireCandidate(request).catch(() => {
    throw redirect("/kiosk");
  });
  return json({ state: await kioskState(a), attemptKey: a.id }, { headers: { "Cache-Control": "no-store" } });
}

export default function KioskExam() {
  const { state, attemptKey } = useLoaderData<typeof loader>();
  return <ExamApp initial={state as KioskStateJson} attemptKey={attemptKey} />;
}
