// The kiosk's sign-in screen: ID number + ticket code, large and calm.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { signIn } from "~/services/kiosk.server";
import { clientIpOf } from "~/utils/context";
import { assertSameOrigin } from "~/utils/guard.server";
import { candidateAttemptId, candidateCookie, ensureKioskId } from "~/utils/kiosk-auth.server";
import { sebGate } from "~/utils/seb.server";
import { readFormData } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "考生登录 · 安考考试机" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (candidateAttemptId(request)) return redirect("/kiosk/exam");
  const { setCookie } = ensureKioskId(request);
  return json({}, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { kioskId, setCookie } = ensureKioskId(request);
  const form = await readFormData(request);
  const r = await signIn(kioskId, clientIpOf(context), String(form.get("idNumber") ?? ""), String(form.get("ticket") ?? ""), (session) => sebGate(request, session, context).ok);
  const headers = new Headers();
  if (setCookie) headers.append("Set-Cookie", setCookie);
  if (!r.ok) return json({ message: r.message }, { status: r.status, headers });
  headers.append("Set-Cookie", candidateCookie(r.attemptId, kioskId));
  return redirect("/kiosk/exam", { headers });
}

export default function KioskSignIn() {
  const data = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <main className="kiosk kiosk-signin">
      <h1>工伤预防能力提升培训 · 考试</h1>
      <p className="kiosk-sub">伊春市应急管理局　安考考试机</p>
      <Form method="post" className="kiosk-card" autoComplete="off">
        {data?.message && <p className="kiosk-alert" role="alert">{data.message}</p>}
        <label>
          身份证号
          <input name="idNumber" inputMode="text" maxLength={18} required autoFocus spellCheck={false} />
        </label>
        <label>
          准考证校验码（8 位）
          <input name="ticket" maxLength={12} required spellCheck={false} style={{ textTransform: "uppercase" }} />
        </label>
        <button type="submit" disabled={busy}>{busy ? "正在登录…" : "登录"}</button>
        <p className="kiosk-hint">请核对准考证上的校验码。登录后请等待监考员确认身份。</p>
      </Form>
    </main>
  );
}
