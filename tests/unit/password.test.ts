// Production cost parameters: checked by hashing with ARGON2_FAST off.
describe("password hashing", () => {
  it("uses argon2id at OWASP's minimum: 19 MiB, t=2, p=1", async () => {
    process.env.ARGON2_FAST = "0";
    vi.resetModules();
    const { hashPassword, verifyPassword } = await import("~/utils/password.server");
    const h = await hashPassword("correct horse 1");
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, "correct horse 1")).toBe(true);
    expect(await verifyPassword(h, "correct horse 2")).toBe(false);
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });
});
