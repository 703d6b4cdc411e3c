import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { HOME } from "~/domain/access";
import { currentUser } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await currentUser(request);
  return redirect(user ? HOME[user.role] : "/login");
}
