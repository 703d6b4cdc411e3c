import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { HOME } from "~/domain/access";
import { isOneOf, ROLES } from "~/domain/vocabulary";
import { login } from "~/services/login.server";
import { clientIpOf } from "~/utils/context";
import { assertSameOrigin } from "~/utils/guard.server";
import { useT } from "~/utils/i18n";
import { currentUser } from "~/utils/session.server";
import { readFormData } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "登录 · 安考" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await currentUser(request);
  return user ? redirect(HOME[user.role]) : null;
}

/** Only same-site paths may be a post-login destination. */
function safeNext(next: FormDataEntryValue | null): string | null {
  return typeof next === "string" && next.startsWith("/") && !next.startsWith("//") ? next : null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const form = await readFormData(request);
  const result = await login(request, clientIpOf(context), String(form.get("username") ?? ""), String(form.get("password") ?? ""));
  if (!result.ok) return json(result, { status: result.reason === "limited" ? 429 : 401 });
  const home = isOneOf(ROLES, result.role) ? HOME[result.role] : "/";
  return redirect(safeNext(form.get("next")) ?? home, { headers: { "Set-Cookie": result.cookie } });
}

export default function Login() {
  const t = useT();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  return (
    <main className="login">
      <div className="card">
        <h1>{t("app.name")} · {t("login.title")}</h1>
        <p className="sub">{t("app.tagline")}</p>
        {data && !data.ok && (
          <p className="notice error" role="alert">
            {data.reason === "limited" ? t("login.limited", { min: Math.ceil(data.retryAfter / 60) }) : t("login.failed")}
          </p>
        )}
        <Form method="post">
          <input type="hidden" name="next" value={params.get("next") ?? ""} />
          <label>
            {t("login.username")}
            <input name="username" autoComplete="username" required autoFocus />
          </label>
          <label>
            {t("login.password")}
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
          <button type="submit" disabled={busy}>
            {t("login.submit")}
          </button>
        </Form>
        <p className="muted" style={{ textAlign: "center", marginTop: "1rem" }}>
          {t("login.kiosk")} · <a href="/kiosk">/kiosk</a>
        </p>
      </div>
    </main>
  );
}
