// CSRF: is a state-changing request from our own origin? Used by the Express server (which
// answers 403) and by guard.server.ts (defence in depth when served another way).

const parse = (u: string) => {
  try {
    return new URL(u);
  } catch {
    return null;
  }
};

export function isStateChanging(method: string): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
}

/** True when Origin (or, failing that, Referer) names the host the request was sent to. */
export function sameOrigin(header: (name: string) => string | null | undefined): boolean {
  const origin = header("Origin");
  const source = origin && origin !== "null" ? parse(origin) : parse(header("Referer") ?? "");
  const host = header("X-Forwarded-Host") ?? header("Host");
  return !!source && !!host && source.host === host;
}
