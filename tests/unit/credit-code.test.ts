import { makeCreditCode, validateCreditCode } from "~/domain/credit-code";

describe("unified social credit codes (GB 32100)", () => {
  it("accepts a real-format code with its check character", () => {
    expect(validateCreditCode("91350100M000100Y43")).toEqual({ ok: true, value: "91350100M000100Y43" });
  });
  it("refuses a wrong check character, bad characters and length", () => {
    expect(validateCreditCode("91350100M000100Y44")).toMatchObject({ ok: false, error: expect.stringContaining("校验位") });
    expect(validateCreditCode("91350100M000100I43")).toMatchObject({ ok: false, error: expect.stringContaining("无效字符") });
    expect(validateCreditCode("9135")).toMatchObject({ ok: false, error: expect.stringContaining("18 位") });
  });
  it("completes a body with a check character that validates", () => {
    const code = makeCreditCode("91230781MA1ABCDE0");
    expect(validateCreditCode(code).ok).toBe(true);
  });
});
