// 居民身份证号码 (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

export type IdNumberError = "length" | "format" | "birthdate" | "checkDigit";

export const ID_ERROR_TEXT: Record<IdNumberError, { zh: string; en: string }> = {
  length: { zh: "身份证号应为 18 位", en: "an ID number has 18 characters" },
  format: { zh: "身份证号格式错误（前 17 位应为数字，末位为数字或 X）", en: "the first 17 characters must be digits, the last a digit or X" },
  birthdate: { zh: "身份证号中的出生日期无效", en: "the birth date inside the ID number is not a real date" },
  checkDigit: { zh: "身份证号校验位错误", en: "the ID number's check digit is wrong" },
};

export function checkDigitOf(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Normalise (trim, full-width digits and a lowercase x) before validating. */
export function normaliseIdNumber(raw: string): string {
  return raw
    .trim()
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[xｘＸ]$/, "X");
}

export function validateIdNumber(raw: string): { ok: true; value: string } | { ok: false; error: IdNumberError } {
  const id = normaliseIdNumber(raw);
  if (id.length !== 18) return { ok: false, error: "length" };
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return { ok: false, error: "format" };
  const y = Number(id.slice(6, 10)), m = Number(id.slice(10, 12)), d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return { ok: false, error: "birthdate" };
  if (checkDigitOf(id) !== id[17]) return { ok: false, error: "checkDigit" };
  return { ok: true, value: id };
}

/** 230702********1234: region and last four only. */
export function maskIdNumber(id: string): string {
  return id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : "******";
}

export function birthDateOf(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

export function genderOf(id: string): "M" | "F" {
  return Number(id[16]) % 2 === 1 ? "M" : "F";
}

/** Build a valid ID number from region, birth date (YYYYMMDD) and a 3-digit sequence (demo data, tests). */
export function makeIdNumber(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, "0")}`;
  return first17 + checkDigitOf(first17);
}
