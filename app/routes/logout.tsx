import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { assertSameOrigin } from "~/utils/guard.server";
import { endSession } from "~/utils/session.server";

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  return redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
}

export const loader = () => redirect("/login");
