// Keys kept outside the database, in DATA_DIR/keys (or ANKAO_SECRET): the ID-number lookup key
// and encryption key are derived from one secret, generated on first start.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { env } from "./env.server";

let secret: Buffer | undefined;
function masterSecret(): Buffer {
  if (secret) return secret;
  const e = env();
  if (e.ANKAO_SECRET) return (secret = Buffer.from(e.ANKAO_SECRET, "utf8"));
  const dir = join(e.DATA_DIR, "keys");
  const file = join(dir, "app-secret");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  return (secret = Buffer.from(readFileSync(file, "utf8").trim(), "base64"));
}

function subkey(label: string): Buffer {
  return Buffer.from(hkdfSync("sha256", masterSecret(), Buffer.alloc(0), label, 32));
}

let lookupKey: Buffer | undefined;
let cipherKey: Buffer | undefined;

/** Deterministic lookup hash of an ID number (HMAC-SHA256): find a trainee without storing the number. */
export function idLookupHash(id: string): string {
  lookupKey ??= subkey("ankao id lookup");
  return createHmac("sha256", lookupKey).update(id).digest("hex");
}

/** AES-256-GCM, for the few places that need the full number back (admission check). */
export function encryptId(id: string): string {
  cipherKey ??= subkey("ankao id cipher");
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", cipherKey, iv);
  const body = Buffer.concat([c.update(id, "utf8"), c.final()]);
  return [iv, c.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

export function decryptId(blob: string): string {
  cipherKey ??= subkey("ankao id cipher");
  const [iv, tag, body] = blob.split(".").map((s) => Buffer.from(s, "base64url"));
  const d = createDecipheriv("aes-256-gcm", cipherKey, iv);
  d.setAuthTag(tag);
  return Buffer.concat([d.update(body), d.final()]).toString("utf8");
}

let kioskKey: Buffer | undefined;
/** HMAC for kiosk tokens (binds a candidate's attempt to one kiosk). */
export function kioskMac(data: string): string {
  kioskKey ??= subkey("ankao kiosk token");
  return createHmac("sha256", kioskKey).update(data).digest("base64url");
}
