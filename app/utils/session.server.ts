// Server-side sessions: a 256-bit random token in an httpOnly SameSite=Lax cookie; the database
// keeps only its SHA-256. Idle and absolute timeouts; revocable per user.
import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "~/domain/access";
import { isOneOf, ROLES } from "~/domain/vocabulary";
import { db } from "./db.server";
import { env } from "./env.server";

export const SESSION_COOKIE = "ankao_session";
const TOUCH_EVERY_MS = 60_000;

export interface SessionUser extends Actor {
  username: string;
  displayName: string;
}

const tokenHash = (t: string) => createHash("sha256").update(t).digest("hex");

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie") ?? "";
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}

function secureFlag(request: Request): string {
  const mode = env().COOKIE_SECURE;
  const secure = mode === "true" || (mode === "auto" && (new URL(request.url).protocol === "https:" || env().NODE_ENV === "production" && request.headers.get("x-forwarded-proto") === "https"));
  return secure ? "; Secure" : "";
}

function cookie(request: Request, value: string, maxAgeSec: number): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSec}${secureFlag(request)}`;
}

/** Start a new session (a fresh token on every sign-in: no fixation). Returns the Set-Cookie value. */
export async function startSession(request: Request, userId: string, ip: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const e = env();
  const prisma = await db();
  await prisma.authSession.create({
    data: {
      id: tokenHash(token),
      userId,
      expiresAt: new Date(Date.now() + e.SESSION_ABSOLUTE_HOURS * 3600_000),
      ip,
      userAgent: (request.headers.get("User-Agent") ?? "").slice(0, 200),
    },
  });
  return cookie(request, token, e.SESSION_ABSOLUTE_HOURS * 3600);
}

export async function endSession(request: Request): Promise<string> {
  const token = readCookie(request, SESSION_COOKIE);
  if (token) {
    const prisma = await db();
    await prisma.authSession.updateMany({ where: { id: tokenHash(token), revokedAt: null }, data: { revokedAt: new Date() } });
  }
  return cookie(request, "", 0);
}

/** The signed-in staff user, or null when there is no valid session. */
export async function currentUser(request: Request): Promise<SessionUser | null> {
  const token = readCookie(request, SESSION_COOKIE);
  if (!token || token.length > 100) return null;
  const prisma = await db();
  const s = await prisma.authSession.findUnique({ where: { id: tokenHash(token) }, include: { user: true } });
  const now = Date.now();
  if (!s || s.revokedAt || s.expiresAt.getTime() <= now || s.user.disabledAt) return null;
  if (now - s.lastSeenAt.getTime() > env().SESSION_IDLE_MINUTES * 60_000) return null;
  if (now - s.lastSeenAt.getTime() > TOUCH_EVERY_MS)
    await prisma.authSession.update({ where: { id: s.id }, data: { lastSeenAt: new Date(now) } });
  const u = s.user;
  if (!isOneOf(ROLES, u.role)) return null;
  return { id: u.id, role: u.role, countyId: u.countyId, providerId: u.providerId, username: u.username, displayName: u.displayName };
}

export async function revokeUserSessions(userId: string): Promise<number> {
  const prisma = await db();
  const r = await prisma.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return r.count;
}
