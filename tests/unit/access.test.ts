import { allowed, inScope, type Actor } from "~/domain/access";
import { ROLES } from "~/domain/vocabulary";

const actor = (role: Actor["role"], extra: Partial<Actor> = {}): Actor => ({ id: "u", role, countyId: null, providerId: null, ...extra });

describe("access policy", () => {
  it("keeps training apart from examining (培考分离): providers reach no exam content", () => {
    for (const cap of ["bank.read", "bank.write", "paper.manage", "session.manage", "session.proctor", "certificate.manage"] as const)
      expect(allowed("PROVIDER", cap)).toBe(false);
  });
  it("proctors never see the bank or papers", () => {
    expect(allowed("PROCTOR", "bank.read")).toBe(false);
    expect(allowed("PROCTOR", "paper.manage")).toBe(false);
  });
  it("auditors change nothing", () => {
    for (const cap of ["admin.manage", "bank.write", "paper.manage", "session.manage", "class.manage", "certificate.manage"] as const)
      expect(allowed("AUDITOR", cap)).toBe(false);
  });
  it("examiners cannot sit or proctor, admins only read the bank", () => {
    expect(allowed("EXAMINER", "session.proctor")).toBe(false);
    expect(allowed("ADMIN", "bank.read")).toBe(true);
    expect(allowed("ADMIN", "bank.write")).toBe(false);
  });
  it("scopes proctors to their county and providers to their own classes", () => {
    expect(inScope(actor("PROCTOR", { countyId: "c1" }), { countyId: "c1" })).toBe(true);
    expect(inScope(actor("PROCTOR", { countyId: "c1" }), { countyId: "c2" })).toBe(false);
    expect(inScope(actor("PROCTOR"), { countyId: null })).toBe(false);
    expect(inScope(actor("PROVIDER", { providerId: "p1" }), { providerId: "p2" })).toBe(false);
    expect(inScope(actor("PROVIDER", { providerId: "p1" }), { providerId: "p1" })).toBe(true);
    for (const r of ROLES) if (r !== "PROCTOR" && r !== "PROVIDER") expect(inScope(actor(r), { countyId: "x", providerId: "y" })).toBe(true);
  });
});
