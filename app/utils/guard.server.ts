// The one gate every loader and action goes through: who is calling, may their role do this,
// and (for actions) did the request come from our own pages (CSRF).
import { json, redirect } from "@remix-run/node";
import { allowed, type Capability } from "~/domain/access";
import { isStateChanging, sameOrigin } from "./origin";
import { currentUser, type SessionUser } from "./session.server";

export function forbidden(message = "无权访问 Forbidden"): Response {
  return json({ message }, { status: 403 });
}

/** State-changing requests must come from our own origin (SameSite=Lax alone lets sibling subdomains through). */
export function assertSameOrigin(request: Request): void {
  if (isStateChanging(request.method) && !sameOrigin((h) => request.headers.get(h)))
    throw forbidden("跨站请求被拒绝 Cross-site request refused");
}

/** Signed in, or off to the login page. */
export async function requireUser(request: Request): Promise<SessionUser> {
  assertSameOrigin(request);
  const user = await currentUser(request);
  // API calls and streams (not page navigations) get a plain 403, not a redirect to the login page.
  const navigation = request.method === "GET" && (request.headers.get("Accept") ?? "").includes("text/html");
  if (!user && !navigation && !new URL(request.url).searchParams.has("_data")) throw forbidden("请先登录 Sign in first");
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

/** Signed in with a role that has `cap`, or 403. */
export async function requireCap(request: Request, cap: Capability): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!allowed(user.role, cap)) throw forbidden();
  return user;
}

/** A scoped resource that is missing or outside the caller's scope: the same 404/403 either way. */
export function notFound(message = "未找到 Not found"): Response {
  return json({ message }, { status: 404 });
}
