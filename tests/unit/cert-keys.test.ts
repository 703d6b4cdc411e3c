// Ed25519 signing keys under DATA_DIR/keys/certs: generated on first use, private key mode 600,
// tampering detected, and rotation keeps every earlier certificate verifiable by its key id.
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildPayload, canonicalPayload } from "~/domain/certificate";

const dataDir = mkdtempSync(join(tmpdir(), "ankao-certkeys-"));
process.env.DATA_DIR = dataDir; // before env() is first read
const keys = await import("~/utils/cert-keys.server");
const { checkStored } = await import("~/services/certificates.server");

const payloadText = (keyId: string, name = "张三丰") =>
  canonicalPayload(
    buildPayload({
      number: "YCYJ-2025-00001",
      trainee: { name, idMasked: "230781********1234", enterprise: "铁力市青山矿业有限公司" },
      industry: "MINING",
      category: "SAFETY_MANAGER",
      class: { code: "2025-KS-002", name: "2025年矿山专职安全管理人员工伤预防培训班", provider: "伊春兴安职业技能培训学校", start: "2025-03-17", end: "2025-03-21" },
      hours: { online: 360, offline: 840, practical: 0 },
      exam: { date: "2025-03-24", sitting: 1, score: 90, maxScore: 100, passed: true },
      retraining: { year: 2025, minutes: 1200 },
      issueDate: "2025-03-30",
      keyId,
    }),
  );

describe("certificate signing keys", () => {
  it("generates the first key on first use, outside the database, private key readable by the owner only", () => {
    const kid = keys.currentKeyId();
    expect(kid).toMatch(/^[0-9a-f]{10}$/);
    expect(statSync(join(dataDir, "keys", "certs", `${kid}.pem`)).mode & 0o777).toBe(0o600);
    expect(keys.currentKeyId()).toBe(kid); // stable
    expect(keys.publicKeys()).toEqual([expect.objectContaining({ kid, current: true, alg: "Ed25519", jwk: expect.objectContaining({ kty: "OKP", crv: "Ed25519" }) })]);
  });

  it("verifies a signed payload and rejects a tampered one, a wrong key id and a malformed signature", () => {
    const kid = keys.currentKeyId();
    const text = payloadText(kid);
    const signature = keys.signWith(kid, text);
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(keys.verifySignature(kid, text, signature)).toBe(true);
    expect(keys.verifySignature(kid, text.replace("张三丰", "张三峰"), signature)).toBe(false);
    expect(keys.verifySignature("ffffffffff", text, signature)).toBe(false);
    expect(keys.verifySignature(kid, text, signature.slice(0, -2) + "AA")).toBe(false);
    expect(keys.verifySignature(kid, text, "not a signature")).toBe(false);

    const stored = { number: "YCYJ-2025-00001", payload: text, signature, keyId: kid };
    expect(checkStored(stored)).toMatchObject({ ok: true });
    expect(checkStored({ ...stored, payload: payloadText(kid, "李四") })).toEqual({ ok: false, reason: "签名校验失败：证书内容可能被改动" });
    expect(checkStored({ ...stored, number: "YCYJ-2025-00002" })).toEqual({ ok: false, reason: "证书内容与编号或密钥不符" });
    expect(checkStored({ ...stored, payload: JSON.stringify(JSON.parse(text), null, 2) })).toEqual({ ok: false, reason: "证书内容格式不符" });
  });

  it("rotates: new certificates use the new key, earlier ones still verify with theirs", () => {
    const old = keys.currentKeyId();
    const oldText = payloadText(old);
    const oldSig = keys.signWith(old, oldText);
    const { kid, previous } = keys.rotateKey();
    expect(previous).toBe(old);
    expect(kid).not.toBe(old);
    expect(keys.currentKeyId()).toBe(kid);
    expect(keys.verifySignature(old, oldText, oldSig)).toBe(true);
    const newText = payloadText(kid);
    expect(keys.verifySignature(kid, newText, keys.signWith(kid, newText))).toBe(true);
    expect(keys.verifySignature(kid, oldText, oldSig)).toBe(false); // a signature belongs to its own key
    const published = keys.publicKeys();
    expect(published.map((k) => [k.kid, k.current])).toEqual([[kid, true], [old, false]]);
  });
});
