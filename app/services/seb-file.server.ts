// The session's .seb configuration file: the 4-byte prefix "plnd" (plain, not password-encrypted)
// followed by the gzip of an XML property list of exactly the settings the Config Key is computed
// from (normalised: no originatorVersion, no empty dictionaries), so the SEB client derives the
// same key from the file that the server checks.
import { gzipSync } from "node:zlib";
import { compareSebKeys, configKey, normalizeSebSettings, sessionSebSettings, type SebDict, type SebValue } from "~/domain/seb";
import { db } from "~/utils/db.server";

export const SEB_PREFIX_PLAIN = "plnd";
export const SEB_MIME = "application/seb";

/** XML text content: & < > escaped (and quotes, harmlessly), so any string round-trips. */
const esc = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** <date> content: ISO 8601 UTC without fractions, as Apple's plist format wants it. */
const plistDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

function element(v: SebValue, indent: string): string {
  if (typeof v === "string") return v === "" ? `${indent}<string></string>` : `${indent}<string>${esc(v)}</string>`;
  if (typeof v === "boolean") return `${indent}<${v}/>`;
  if (typeof v === "number") return Number.isInteger(v) ? `${indent}<integer>${v}</integer>` : `${indent}<real>${v}</real>`;
  if (v instanceof Uint8Array) return `${indent}<data>${Buffer.from(v).toString("base64")}</data>`;
  if (v instanceof Date) return `${indent}<date>${plistDate(v)}</date>`;
  if (Array.isArray(v)) {
    if (v.length === 0) return `${indent}<array/>`;
    return [`${indent}<array>`, ...v.map((x) => element(x, indent + "\t")), `${indent}</array>`].join("\n");
  }
  return dict(v, indent);
}

function dict(d: SebDict, indent: string): string {
  const keys = Object.keys(d).sort(compareSebKeys);
  if (keys.length === 0) return `${indent}<dict/>`;
  const body = keys.flatMap((k) => [`${indent}\t<key>${esc(k)}</key>`, element(d[k], indent + "\t")]);
  return [`${indent}<dict>`, ...body, `${indent}</dict>`].join("\n");
}

/** An XML property list of the settings (throws a specific error on a value SEB cannot carry). */
export function plistXml(settings: SebDict): string {
  const root = normalizeSebSettings(settings);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    dict(root, ""),
    "</plist>",
    "",
  ].join("\n");
}

/** The .seb bytes and the Config Key of the settings they hold. */
export function sebFile(settings: SebDict): { bytes: Buffer; configKey: string } {
  const normalized = normalizeSebSettings(settings);
  const xml = plistXml(normalized);
  return {
    bytes: Buffer.concat([Buffer.from(SEB_PREFIX_PLAIN, "ascii"), gzipSync(Buffer.from(xml, "utf8"))]),
    configKey: configKey(normalized),
  };
}

export type SessionSebFile =
  | { ok: true; name: string; bytes: Buffer; configKey: string; settings: SebDict }
  | { ok: false; error: string };

/**
 * The .seb file of one exam session, for kiosks reaching the app at `origin`; null when there is
 * no such session. Stored settings that SEB cannot carry give a specific error instead.
 */
export async function sessionSebFile(sessionId: string, origin: string): Promise<SessionSebFile | null> {
  const prisma = await db();
  const s = await prisma.examSession.findUnique({
    where: { id: sessionId },
    select: { code: true, sebSettings: true, requireCamera: true },
  });
  if (!s) return null;
  const built = sessionSebSettings({ origin, sebSettings: s.sebSettings, requireCamera: s.requireCamera });
  if (!built.ok) return { ok: false, error: `考试场次 ${s.code} 的安全考试浏览器设置有误：${built.error}` };
  const file = sebFile(built.settings);
  return { ok: true, name: `${s.code}.seb`, bytes: file.bytes, configKey: file.configKey, settings: built.settings };
}
