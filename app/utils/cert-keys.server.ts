// Ed25519 certificate-signing keys, kept outside the database (DESIGN.md §5, like
// secrets.server.ts): DATA_DIR/keys/certs/<kid>.pem (private, mode 600), <kid>.pub.pem (public),
// and `current` naming the key that signs new certificates. The first key is generated on first
// use; rotateKey() makes a new current key and keeps the old ones, so every certificate stays
// verifiable through its key id.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { env } from "./env.server";

export interface PublicKeyInfo {
  kid: string;
  alg: "Ed25519";
  current: boolean;
  createdAt: string;
  publicKeyPem: string;
  jwk: { kty: "OKP"; crv: "Ed25519"; x: string };
}

const KID = /^[0-9a-f]{10}$/;
const dir = () => join(env().DATA_DIR, "keys", "certs");
const publicCache = new Map<string, KeyObject>();
const privateCache = new Map<string, KeyObject>();

/** A key id is the first 10 hex digits of the SHA-256 of the public key (SPKI DER). */
const kidOf = (pub: KeyObject) => createHash("sha256").update(pub.export({ type: "spki", format: "der" })).digest("hex").slice(0, 10);

function writeKeyPair(): string {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const kid = kidOf(publicKey);
  mkdirSync(dir(), { recursive: true, mode: 0o700 });
  writeFileSync(join(dir(), `${kid}.pem`), privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600, flag: "wx" });
  writeFileSync(join(dir(), `${kid}.pub.pem`), publicKey.export({ type: "spki", format: "pem" }), { mode: 0o644, flag: "wx" });
  return kid;
}

function readCurrent(): string | null {
  const f = join(dir(), "current");
  if (!existsSync(f)) return null;
  const kid = readFileSync(f, "utf8").trim();
  if (!KID.test(kid)) throw new Error(`${f}: not a key id ("${kid}")`);
  return kid;
}

/** The key id that signs new certificates, generating the first key if there is none. */
export function currentKeyId(): string {
  const kid = readCurrent();
  if (kid) return kid;
  const fresh = writeKeyPair();
  try {
    // "wx": when two processes start at once, the first `current` wins and the other key stays unused.
    writeFileSync(join(dir(), "current"), fresh + "\n", { mode: 0o644, flag: "wx" });
    return fresh;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return readCurrent()!;
    throw e;
  }
}

/** Make a new current key. Old keys stay on disk and keep verifying what they signed. */
export function rotateKey(): { kid: string; previous: string | null } {
  const previous = readCurrent();
  const kid = writeKeyPair();
  const tmp = join(dir(), `current.${process.pid}.tmp`);
  writeFileSync(tmp, kid + "\n", { mode: 0o644 });
  renameSync(tmp, join(dir(), "current"));
  return { kid, previous };
}

function privateKey(kid: string): KeyObject {
  let k = privateCache.get(kid);
  if (!k) {
    k = createPrivateKey(readFileSync(join(dir(), `${kid}.pem`)));
    privateCache.set(kid, k);
  }
  return k;
}

/** The public key of a key id, or null for an unknown id. */
export function publicKey(kid: string): KeyObject | null {
  if (!KID.test(kid)) return null;
  let k = publicCache.get(kid);
  if (!k) {
    const f = join(dir(), `${kid}.pub.pem`);
    if (!existsSync(f)) return null;
    k = createPublicKey(readFileSync(f));
    if (kidOf(k) !== kid) throw new Error(`${f}: the key does not match its id`);
    publicCache.set(kid, k);
  }
  return k;
}

/** Sign with the named key (the caller put this key id inside the payload). Base64url. */
export function signWith(kid: string, message: string): string {
  return sign(null, Buffer.from(message, "utf8"), privateKey(kid)).toString("base64url");
}

/** Does `signature` (base64url) sign `message` under key `kid`? False for an unknown key or a malformed signature. */
export function verifySignature(kid: string, message: string, signature: string): boolean {
  const key = publicKey(kid);
  if (!key || !/^[A-Za-z0-9_-]{86}$/.test(signature)) return false;
  return verify(null, Buffer.from(message, "utf8"), key, Buffer.from(signature, "base64url"));
}

/** Every public key, newest first, for publishing (JSON) so certificates can be checked offline. */
export function publicKeys(): PublicKeyInfo[] {
  const current = currentKeyId();
  return readdirSync(dir())
    .filter((f) => f.endsWith(".pub.pem"))
    .map((f) => f.slice(0, -".pub.pem".length))
    .filter((kid) => KID.test(kid))
    .map((kid) => {
      const key = publicKey(kid)!;
      const jwk = key.export({ format: "jwk" }) as { x: string };
      return {
        kid,
        alg: "Ed25519" as const,
        current: kid === current,
        createdAt: statSync(join(dir(), `${kid}.pub.pem`)).mtime.toISOString(),
        publicKeyPem: key.export({ type: "spki", format: "pem" }).toString(),
        jwk: { kty: "OKP" as const, crv: "Ed25519" as const, x: jwk.x },
      };
    })
    .sort((a, b) => (a.current ? -1 : b.current ? 1 : b.createdAt.localeCompare(a.createdAt)));
}
