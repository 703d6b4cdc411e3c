import fc from "fast-check";
import { birthDateOf, checkDigitOf, genderOf, makeIdNumber, maskIdNumber, validateIdNumber } from "~/domain/id-number";

describe("ID numbers (GB 11643)", () => {
  it("accepts the standard's published example", () => {
    expect(validateIdNumber("11010519491231002X")).toEqual({ ok: true, value: "11010519491231002X" });
  });
  it("normalises a lowercase x and full-width digits", () => {
    expect(validateIdNumber("１１０１０５１９４９１２３１００２x")).toEqual({ ok: true, value: "11010519491231002X" });
  });
  it.each([
    ["1101051949123100", "length"],
    ["11010519491231002Y", "format"],
    ["01010519491231002X", "format"],
    ["110105194902300020", "birthdate"],
    ["110105194912310021", "checkDigit"],
  ])("refuses %s (%s)", (id, error) => {
    expect(validateIdNumber(id)).toEqual({ ok: false, error });
  });
  it("any single changed digit breaks the check digit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const id = makeIdNumber("230781", "19800101", 123);
        const changed = id.slice(0, pos) + String((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
        const r = validateIdNumber(changed);
        return !r.ok;
      }),
    );
  });
  it("derives birth date and gender, and masks all but region and last four", () => {
    const id = makeIdNumber("230781", "19850315", 123);
    expect(birthDateOf(id)).toBe("1985-03-15");
    expect(genderOf(id)).toBe("M"); // 3 is odd
    expect(maskIdNumber(id)).toBe(`230781********${id.slice(14)}`);
    expect(checkDigitOf(id.slice(0, 17))).toBe(id[17]);
  });
});
