import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { assertSameOrigin } from "~/utils/guard.server";
import { readFormData } from "~/utils/form.server";

/** Switch the UI language (cookie), then go back where the user was. */
export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const form = await readFormData(request);
  const lang = form.get("lang") === "en" ? "en" : "zh";
  const back = request.headers.get("Referer");
  const to = back && new URL(back).host === new URL(request.url).host ? new URL(back).pathname + new URL(back).search : "/";
  return redirect(to, { headers: { "Set-Cookie": `lang=${lang}; Path=/; SameSite=Lax; Max-Age=31536000` } });
}

export const loader = () => redirect("/");
