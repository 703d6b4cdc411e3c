// Camera snapshots: checked (type by magic bytes, size), stored as files named by SHA-256 under
// DATA_DIR/snapshots, recorded with their hash. Kept under the 5-year retention rule: the app
// has no path that deletes them.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { env } from "~/utils/env.server";
import { db } from "~/utils/db.server";
import { announce, recordEvent } from "~/utils/bus.server";

export const SNAPSHOT_MAX_BYTES = 512 * 1024;

/** An oversized body up to this size is read to its end and dropped, so the client gets a clean 413. */
const DRAIN_LIMIT = 16 * 1024 * 1024;

/**
 * The request body, or null when it is larger than `max` bytes. Never keeps more than `max` in
 * memory: the rest of an oversized body is read and dropped (up to 16 MB, so the sender gets its
 * 413 instead of a broken connection); past that the connection is cut.
 */
export async function readBodyUpTo(request: Request, max: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  if (Number(request.headers.get("Content-Length") ?? 0) > DRAIN_LIMIT) {
    await reader.cancel().catch(() => {});
    return null;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > DRAIN_LIMIT) {
      await reader.cancel().catch(() => {});
      return null;
    }
    if (size <= max) chunks.push(value);
  }
  if (size > max) return null;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function sniffImage(bytes: Uint8Array): "image/jpeg" | "image/png" | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "image/png";
  return null;
}

export async function storeSnapshot(attempt: { id: string; registration: { sessionId: string } }, bytes: Uint8Array, declaredType: string, purpose: "SIGN_IN" | "RANDOM") {
  if (bytes.length === 0) return { ok: false as const, status: 400, error: "空文件" };
  if (bytes.length > SNAPSHOT_MAX_BYTES) return { ok: false as const, status: 413, error: `图片过大（${Math.round(bytes.length / 1024)} KB，上限 ${SNAPSHOT_MAX_BYTES / 1024} KB）` };
  const mime = sniffImage(bytes);
  if (!mime) return { ok: false as const, status: 415, error: "只接受 JPEG 或 PNG 图片" };
  if (declaredType && declaredType !== mime) return { ok: false as const, status: 415, error: `声明的类型 ${declaredType} 与内容 ${mime} 不符` };
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const dir = join(env().DATA_DIR, "snapshots", sha256.slice(0, 2));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${sha256}.${mime === "image/png" ? "png" : "jpg"}`);
  if (!existsSync(path)) writeFileSync(path, bytes, { flag: "wx" });
  const prisma = await db();
  const row = await prisma.$transaction(async (tx) => {
    const s = await tx.snapshot.create({ data: { attemptId: attempt.id, sha256, mime, bytes: bytes.length, path, purpose } });
    await recordEvent(tx, attempt.registration.sessionId, "camera.snapshot", { snapshotId: s.id, purpose }, attempt.id);
    return s;
  });
  announce(attempt.registration.sessionId);
  return { ok: true as const, id: row.id, sha256 };
}

export function snapshotBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}
