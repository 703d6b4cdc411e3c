// The kiosk's Safe Exam Browser gate. When a session requires SEB, a kiosk request passes if it
// carries X-SafeExamBrowser-ConfigKeyHash for the URL the client requested, or a proof cookie
// earned through SEB's JavaScript API (newer macOS/iOS SEB cannot send the header; its page reads
// SafeExamBrowser.security.configKey, which the kiosk posts to `verifySebJsApi`).
import { timingSafeEqual } from "node:crypto";
import { checkSebRequest, KIOSK_PATH, SEB_HEADER, sessionSebSettings, withoutFragment, type SebCheck } from "~/domain/seb";
import { kioskIdOf } from "./kiosk-auth.server";
import { readCookie } from "./session.server";
import { kioskMac } from "./secrets.server";

export const SEB_COOKIE = "ankao_seb";

/** What the gate needs of an ExamSession row. */
export interface SebSession {
  id: string;
  requireSeb: boolean;
  sebSettings: string;
  requireCamera?: boolean;
}

/** Optional load context: the path and query exactly as received (Express `req.originalUrl`). */
export interface SebContext {
  originalUrl?: string;
}

const firstValue = (v: string | null) => v?.split(",")[0]?.trim() || null;

/**
 * The absolute URL as the client requested it, without fragment. X-Forwarded-Proto/-Host count
 * only with TRUST_PROXY=1 (as in scripts/serve.ts). Remix strips `_data`/`index` from a loader's
 * request URL; pass the load context's `originalUrl` so data requests hash what SEB hashed.
 */
export function clientUrl(request: Request, context?: unknown): string {
  const u = new URL(request.url);
  const trust = process.env.TRUST_PROXY === "1";
  const fwdProto = trust ? firstValue(request.headers.get("X-Forwarded-Proto")) : null;
  const proto = fwdProto === "http" || fwdProto === "https" ? fwdProto : u.protocol.slice(0, -1);
  const host = (trust && firstValue(request.headers.get("X-Forwarded-Host"))) || request.headers.get("Host") || u.host;
  const original = (context as SebContext | undefined)?.originalUrl;
  const pathAndQuery = typeof original === "string" && original.startsWith("/") ? original : u.pathname + u.search;
  try {
    return withoutFragment(new URL(`${proto}://${host}${pathAndQuery}`).href);
  } catch {
    return withoutFragment(u.href); // a Host header no URL can hold: the server's own view
  }
}

/** The client-facing origin, e.g. "https://ankao.example.gov.cn". */
export const clientOrigin = (request: Request): string => new URL(clientUrl(request)).origin;

export type SebGate =
  | { ok: true; via: "not-required" | "header" | "js-api" | "cookie"; configKey?: string }
  | { ok: false; reason: "missing" | "mismatch" | "config"; message: string };

type KeyResult = { ok: true; configKey: string } | { ok: false; error: string };
// Deriving a key costs ~0.5 ms (pure-JS SHA-256 of ~2 KB); every kiosk request needs one.
const keyCache = new Map<string, KeyResult>();

/** The session's Config Key for kiosks reaching the app at this request's origin. */
export function sessionConfigKey(request: Request, session: SebSession): KeyResult {
  const origin = clientOrigin(request);
  const id = `${origin}\n${!!session.requireCamera}\n${session.sebSettings}`;
  const hit = keyCache.get(id);
  if (hit) return hit;
  const built = sessionSebSettings({ origin, sebSettings: session.sebSettings, requireCamera: session.requireCamera });
  const result: KeyResult = built.ok ? { ok: true, configKey: built.configKey } : built;
  if (keyCache.size >= 256) keyCache.clear();
  keyCache.set(id, result);
  return result;
}

const proofMac = (sessionId: string, key: string, kioskId: string | null) => kioskMac(`seb|${sessionId}|${key}|${kioskId ?? "-"}`);

function hasProofCookie(request: Request, sessionId: string, key: string): boolean {
  const token = readCookie(request, SEB_COOKIE);
  if (!token) return false;
  const dot = token.lastIndexOf(".");
  if (dot < 1 || token.slice(0, dot) !== sessionId) return false;
  const got = Buffer.from(token.slice(dot + 1));
  const want = Buffer.from(proofMac(sessionId, key, kioskIdOf(request)));
  return got.length === want.length && timingSafeEqual(got, want);
}

/**
 * Gate one kiosk request. Passes when the session does not require SEB, when the Config Key hash
 * header matches this request's URL, or when this kiosk proved the key through the JS API
 * (cookie from `verifySebJsApi`). On failure show "请使用安全考试浏览器".
 */
export function sebGate(request: Request, session: SebSession, context?: unknown): SebGate {
  if (!session.requireSeb) return { ok: true, via: "not-required" };
  const key = sessionConfigKey(request, session);
  if (!key.ok) return { ok: false, reason: "config", message: key.error };
  const header = request.headers.get(SEB_HEADER);
  if (!header && hasProofCookie(request, session.id, key.configKey)) return { ok: true, via: "cookie", configKey: key.configKey };
  const check: SebCheck = checkSebRequest({ url: clientUrl(request, context), header }, key.configKey);
  return check.ok ? { ok: true, via: check.via, configKey: key.configKey } : check;
}

/**
 * SEB's JavaScript API path: the kiosk page posts `SafeExamBrowser.security.configKey` and the page
 * URL it was read on (location.href). The page must be this app's kiosk. On success, returns the
 * Set-Cookie that lets this kiosk's later requests through `sebGate` for this session.
 */
export function verifySebJsApi(
  request: Request,
  session: SebSession,
  posted: { configKeyHash: string; pageUrl: string },
): { ok: true; setCookie: string | null } | { ok: false; reason: "missing" | "mismatch" | "config" | "bad-page"; message: string } {
  if (!session.requireSeb) return { ok: true, setCookie: null };
  const key = sessionConfigKey(request, session);
  if (!key.ok) return { ok: false, reason: "config", message: key.error };
  let page: URL;
  try {
    page = new URL(posted.pageUrl);
  } catch {
    return { ok: false, reason: "bad-page", message: `页面地址无效 (page URL ${JSON.stringify(posted.pageUrl.slice(0, 200))} is not an absolute URL)` };
  }
  const origin = clientOrigin(request);
  if (page.origin !== origin || !(page.pathname === KIOSK_PATH || page.pathname.startsWith(`${KIOSK_PATH}/`)))
    return { ok: false, reason: "bad-page", message: `页面不是本系统的考试机页面 (page ${page.origin}${page.pathname} is not under ${origin}${KIOSK_PATH})` };
  const check = checkSebRequest({ url: posted.pageUrl, jsApiKey: posted.configKeyHash }, key.configKey);
  if (!check.ok) return check;
  const cookie = `${SEB_COOKIE}=${session.id}.${proofMac(session.id, key.configKey, kioskIdOf(request))}; Path=${KIOSK_PATH}; HttpOnly; SameSite=Strict`;
  return { ok: true, setCookie: cookie };
}
