// Kiosk identity. Each kiosk browser carries a random kiosk id (cookie); a signed-in candidate
// carries a token binding their attempt to that kiosk, so a second kiosk cannot take over an
// attempt unless a proctor transfers it.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { readCookie } from "./session.server";
import { kioskMac } from "./secrets.server";

export const KIOSK_COOKIE = "ankao_kiosk";
export const CANDIDATE_COOKIE = "ankao_candidate";

export function kioskIdOf(request: Request): string | null {
  const id = readCookie(request, KIOSK_COOKIE);
  return id && /^[A-Za-z0-9_-]{16,64}$/.test(id) ? id : null;
}

/** A kiosk id for this browser, new if it has none (returns the Set-Cookie to send). */
export function ensureKioskId(request: Request): { kioskId: string; setCookie: string | null } {
  const id = kioskIdOf(request);
  if (id) return { kioskId: id, setCookie: null };
  const kioskId = randomBytes(16).toString("base64url");
  return { kioskId, setCookie: `${KIOSK_COOKIE}=${kioskId}; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000` };
}

export function candidateCookie(attemptId: string, kioskId: string): string {
  return `${CANDIDATE_COOKIE}=${attemptId}.${kioskMac(`${attemptId}|${kioskId}`)}; Path=/kiosk; HttpOnly; SameSite=Strict; Max-Age=43200`;
}

export const clearCandidateCookie = `${CANDIDATE_COOKIE}=; Path=/kiosk; HttpOnly; SameSite=Strict; Max-Age=0`;

/** The attempt id this kiosk's candidate token names, if the token is genuine. */
export function candidateAttemptId(request: Request): { attemptId: string; kioskId: string } | null {
  const kioskId = kioskIdOf(request);
  const token = readCookie(request, CANDIDATE_COOKIE);
  if (!kioskId || !token) return null;
  const [attemptId, mac] = token.split(".");
  if (!attemptId || !mac) return null;
  const want = Buffer.from(kioskMac(`${attemptId}|${kioskId}`));
  const got = Buffer.from(mac);
  return want.length === got.length && timingSafeEqual(want, got) ? { attemptId, kioskId } : null;
}
