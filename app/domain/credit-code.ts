// 统一社会信用代码 (GB 32100-2015): 18 characters, the last a MOD 31 check character.

const CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARS.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * WEIGHTS[i];
  }
  return CHARS[(31 - (sum % 31)) % 31];
}

export function validateCreditCode(raw: string): { ok: true; value: string } | { ok: false; error: string } {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return { ok: false, error: "统一社会信用代码应为 18 位" };
  if (![...code].every((c) => CHARS.includes(c))) return { ok: false, error: "统一社会信用代码含有无效字符（不使用 I、O、Z、S、V）" };
  if (creditCheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, error: "统一社会信用代码校验位错误" };
  return { ok: true, value: code };
}

/** Complete a 17-character body with its check character (demo data, tests). */
export function makeCreditCode(first17: string): string {
  const c = creditCheckChar(first17);
  if (!c) throw new Error(`invalid credit code body ${first17}`);
  return first17 + c;
}
