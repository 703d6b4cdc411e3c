// Safe Exam Browser (SEB): the settings of a kiosk configuration, its Config Key and the
// per-request check (REFERENCE-NOTES.md "Safe Exam Browser").
//
// Config Key = lowercase hex SHA-256 of the settings serialised as "SEB-JSON":
//  - dictionary keys sorted recursively and case-insensitively (a tie puts the lower-case letter
//    first: allowWlan < allowWLAN), also inside dictionaries held in arrays;
//  - no whitespace; strings as they are (no escaping of "/" or "\" and no \u escapes), except a
//    double quote, written \" as SEB for Windows and Moodle do;
//  - `originatorVersion` left out and empty dictionaries removed (one emptied by that removal too);
//  - <data> as Base64, <date> as ISO 8601 (UTC, "+00:00", as Moodle's test vectors).
// The header X-SafeExamBrowser-ConfigKeyHash = sha256hex(absolute URL without #fragment + Config Key);
// SEB's JavaScript API (SafeExamBrowser.security.configKey) gives the same value over the page URL.
import { sha256Hex } from "./canonical";

export type SebValue = string | number | boolean | Uint8Array | Date | SebValue[] | SebDict;
export interface SebDict {
  [key: string]: SebValue;
}

export const SEB_HEADER = "X-SafeExamBrowser-ConfigKeyHash";
/** Where the kiosk lives: the only path the SEB URL filter lets the candidate open. */
export const KIOSK_PATH = "/kiosk";
/** Navigating here makes SEB quit (link to it after the final submit). */
export const SEB_QUIT_PATH = "/kiosk/seb-quit";

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
// C0 controls, lone surrogates and the non-characters XML 1.0 cannot carry. Tab and newlines are
// refused too: SEB clients and Moodle disagree on how to escape them in SEB-JSON.
const BAD_CHAR = /[\u0000-\u001f\ufffe\uffff]|\p{Cs}/u;

const isDict = (v: unknown): v is SebDict =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) && !(v instanceof Date);

/** What is wrong with a settings value (path, rule), or null when SEB can carry it. */
export function sebSettingsProblem(value: unknown, path = "sebSettings"): string | null {
  if (typeof value === "string") {
    const bad = BAD_CHAR.exec(value);
    return bad ? `${path}: 不允许控制字符 U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} (control characters are not allowed)` : null;
  }
  if (typeof value === "boolean" || value instanceof Uint8Array) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return `${path}: 数值必须有限 (number must be finite, got ${value})`;
    if (Number.isInteger(value))
      return value < INT_MIN || value > INT_MAX ? `${path}: 整数超出 32 位范围 (integer ${value} outside ${INT_MIN}..${INT_MAX})` : null;
    return Number(value.toPrecision(15)) === value ? null : `${path}: 小数最多 15 位有效数字 (real ${value} has more than 15 significant digits)`;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? `${path}: 日期无效 (invalid date)` : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = sebSettingsProblem(value[i], `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  if (isDict(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (!k) return `${path}: 键名不能为空 (empty key)`;
      if (BAD_CHAR.test(k) || k.includes('"')) return `${path}: 键名 ${JSON.stringify(k)} 含不允许的字符 (key has a control character or a double quote)`;
      const p = sebSettingsProblem(v, `${path}.${k}`);
      if (p) return p;
    }
    return null;
  }
  return `${path}: 不支持的值 ${value === null ? "null" : typeof value} (SEB settings hold strings, numbers, booleans, arrays and dictionaries)`;
}

function assertSettings(settings: SebDict): void {
  if (!isDict(settings)) throw new Error("sebSettings: 必须是字典 (must be a dictionary)");
  const p = sebSettingsProblem(settings);
  if (p) throw new Error(p);
}

/** Parse stored settings JSON (ExamSession.sebSettings); every problem names the field and the rule. */
export function parseSebSettings(text: string): { ok: true; settings: SebDict } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text.trim() === "" ? "{}" : text);
  } catch (e) {
    return { ok: false, error: `sebSettings: 不是有效的 JSON (invalid JSON: ${(e as Error).message})` };
  }
  if (!isDict(value)) return { ok: false, error: "sebSettings: 必须是 JSON 对象 (must be a JSON object)" };
  const problem = sebSettingsProblem(value);
  return problem ? { ok: false, error: problem } : { ok: true, settings: value };
}

/**
 * SEB's key order: compare case-insensitively, code unit by code unit; keys equal but for case
 * put the lower-case letter first at the first difference (allowWlan before allowWLAN).
 */
export function compareSebKeys(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    const aLower = a[i] === la[i];
    const bLower = b[i] === lb[i];
    if (aLower !== bLower) return aLower ? -1 : 1;
    return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * The settings exactly as the Config Key sees them: `originatorVersion` dropped and empty
 * dictionaries removed, at every depth. A .seb file written from this form gives every SEB
 * client the same key, whatever it does with empty dictionaries.
 */
export function normalizeSebSettings(settings: SebDict): SebDict {
  assertSettings(settings);
  return normDict(settings);
}

function normDict(d: SebDict): SebDict {
  const entries: Array<[string, SebValue]> = [];
  for (const k of Object.keys(d).sort(compareSebKeys)) {
    if (k === "originatorVersion") continue;
    const v = normValue(d[k]);
    if (isDict(v) && Object.keys(v).length === 0) continue;
    entries.push([k, v]);
  }
  return Object.fromEntries(entries); // not `out[k] = v`: a "__proto__" key stays a key
}

function normValue(v: SebValue): SebValue {
  if (Array.isArray(v)) return v.map(normValue);
  return isDict(v) ? normDict(v) : v;
}

const base64 = (bytes: Uint8Array): string => {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
};

/** ISO 8601 in UTC, seconds precision: 1940-10-09T22:13:56+00:00. */
export const sebDate = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, "+00:00");

function json(v: SebValue): string {
  if (typeof v === "string") return `"${v.replaceAll('"', '\\"')}"`;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return String(v);
  if (v instanceof Uint8Array) return `"${base64(v)}"`;
  if (v instanceof Date) return `"${sebDate(v)}"`;
  if (Array.isArray(v)) return `[${v.map(json).join(",")}]`;
  // Sorted here, not by insertion: JS objects list integer-like keys ("2", "10") first.
  return `{${Object.keys(v)
    .sort(compareSebKeys)
    .map((k) => `"${k}":${json(v[k])}`)
    .join(",")}}`;
}

/** The SEB-JSON string the Config Key is the hash of. Throws a specific error on a bad value. */
export function sebJson(settings: SebDict): string {
  return json(normalizeSebSettings(settings));
}

/** The Config Key: 64 lowercase hex characters. */
export function configKey(settings: SebDict): string {
  return sha256Hex(sebJson(settings));
}

/** The URL as SEB hashes it: everything before the first "#". */
export function withoutFragment(url: string): string {
  const i = url.indexOf("#");
  return i < 0 ? url : url.slice(0, i);
}

/** The value SEB sends in X-SafeExamBrowser-ConfigKeyHash for a request to `url`. */
export function expectedHeader(url: string, key: string): string {
  return sha256Hex(withoutFragment(url) + key);
}

/** Equal hex strings (case-insensitive), in time that does not depend on where they differ. */
export function sameHex(a: string, b: string): boolean {
  const x = a.trim().toLowerCase();
  const y = b.trim().toLowerCase();
  if (x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x.charCodeAt(i) ^ y.charCodeAt(i);
  return diff === 0;
}

export type SebCheck =
  | { ok: true; via: "header" | "js-api" }
  | { ok: false; reason: "missing" | "mismatch"; message: string };

/**
 * Does a request prove the session's SEB configuration? The header is checked against the
 * request URL; the JavaScript API value against the page URL it was read on (`pageUrl`, the
 * request URL when not given). A header, when present, decides.
 */
export function checkSebRequest(
  req: { url: string; header?: string | null; jsApiKey?: string | null; pageUrl?: string | null },
  key: string,
): SebCheck {
  if (req.header) {
    return sameHex(req.header, expectedHeader(req.url, key))
      ? { ok: true, via: "header" }
      : { ok: false, reason: "mismatch", message: `${SEB_HEADER} 与本场考试的配置不符 (does not match this session's Config Key for ${withoutFragment(req.url)})` };
  }
  if (req.jsApiKey) {
    const page = req.pageUrl || req.url;
    return sameHex(req.jsApiKey, expectedHeader(page, key))
      ? { ok: true, via: "js-api" }
      : { ok: false, reason: "mismatch", message: `SafeExamBrowser.security.configKey 与本场考试的配置不符 (does not match for ${withoutFragment(page)})` };
  }
  return { ok: false, reason: "missing", message: `请求未携带 ${SEB_HEADER}，请使用安全考试浏览器 (no SEB Config Key hash)` };
}

export interface SebKioskOptions {
  /** Absolute URL SEB opens first: the kiosk. */
  startURL: string;
  /** Absolute URL that makes SEB quit. */
  quitURL: string;
  /** A proctor's quit password: SEB then allows quitting, but only with it. Without one, only quitURL ends SEB. */
  quitPassword?: string;
  /** Let the kiosk use the camera (sessions that require snapshots). */
  allowCamera?: boolean;
}

/**
 * A locked-down kiosk configuration: full screen, the URL filter open only to the kiosk's own
 * path, no spell check, dictionary, printing, screen capture, downloads, new windows or other
 * applications. Reload stays allowed: the kiosk resumes an attempt after a reload.
 */
export function defaultSebSettings(o: SebKioskOptions): SebDict {
  const start = new URL(o.startURL);
  const kiosk = `${start.origin}${start.pathname.replace(/\/+$/, "")}`;
  const allowQuit = !!o.quitPassword;
  const rule = (expression: string): SebDict => ({ action: 1, active: true, expression, regex: false });
  const s: SebDict = {
    startURL: o.startURL,
    quitURL: o.quitURL,
    quitURLConfirm: true,
    sendBrowserExamKey: true,
    sebConfigPurpose: 0, // starting an exam, not configuring the client
    allowQuit,
    showQuitButton: allowQuit,
    ignoreExitKeys: true,
    browserViewMode: 1, // full screen
    showMenuBar: false,
    showTaskBar: true,
    showTime: true,
    showReloadButton: true,
    showReloadWarning: true,
    browserWindowAllowReload: true,
    allowBrowsingBackForward: false,
    newBrowserWindowByLinkPolicy: 0, // never open new windows
    newBrowserWindowByScriptPolicy: 0,
    blockPopUpWindows: true,
    enableZoomPage: true,
    enableZoomText: true,
    allowSpellCheck: false,
    allowDictionaryLookup: false,
    allowDictation: false,
    allowFind: false,
    allowPrint: false,
    enablePrintScreen: false,
    allowScreenSharing: false,
    allowDisplayMirroring: false,
    allowedDisplaysMaxNumber: 1,
    allowVideoCapture: !!o.allowCamera,
    allowAudioCapture: false,
    allowDownUploads: false,
    allowPDFPlugIn: false,
    downloadAndOpenSebConfig: false,
    examSessionReconfigureAllow: false,
    allowPreferencesWindow: false,
    allowSwitchToApplications: false,
    allowVirtualMachine: false,
    allowSiri: false,
    allowWlan: false,
    enableAltTab: false,
    enableAltF4: false,
    enableRightMouse: false,
    enablePrivateClipboard: true,
    URLFilterEnable: true,
    URLFilterEnableContentFilter: false, // filter navigation only: the kiosk's own scripts and styles load
    URLFilterRules: [rule(kiosk), rule(`${kiosk}/*`)],
  };
  if (o.quitPassword) s.hashedQuitPassword = sha256Hex(o.quitPassword);
  return s;
}

/** Stored settings win over the defaults, key by key at the top level. */
export function mergeSebSettings(base: SebDict, overrides: SebDict): SebDict {
  return { ...base, ...overrides };
}

/**
 * The settings of one exam session as served from `origin` (e.g. "https://ankao.example.gov.cn"):
 * the kiosk defaults for that origin, overridden by the session's stored `sebSettings` JSON
 * (which may pin `startURL` to a fixed public address).
 */
export function sessionSebSettings(input: {
  origin: string;
  sebSettings: string;
  requireCamera?: boolean;
}): { ok: true; settings: SebDict; configKey: string } | { ok: false; error: string } {
  const stored = parseSebSettings(input.sebSettings);
  if (!stored.ok) return stored;
  const origin = input.origin.replace(/\/+$/, "");
  const settings = normalizeSebSettings(
    mergeSebSettings(
      defaultSebSettings({ startURL: origin + KIOSK_PATH, quitURL: origin + SEB_QUIT_PATH, allowCamera: input.requireCamera }),
      stored.settings,
    ),
  );
  return { ok: true, settings, configKey: configKey(settings) };
}
