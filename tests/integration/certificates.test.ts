// Certificates over HTTP: issuing (idempotent, gap-free numbers, only released passes with
// eligible hours), revocation, review flags, public verification (valid / revoked / unknown /
// tampered, rate-limited), key rotation, PDFs, who may see what, and the retraining ledger.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { chinaDate, formatCertificateNumber, maskName } from "~/domain/certificate";
import { Client, startApp, type TestApp } from "../support/app";
import { importShippedBank } from "../support/bank";
import { sitClass } from "../support/exam-fixtures";

process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "ankao-cert-data-")); // this file's own signing keys
const run = promisify(execFile);
const cli = (...args: string[]) => run("node_modules/.bin/tsx", ["scripts/cert.ts", ...args], { env: process.env }).then((r) => ({ code: 0, out: r.stdout }), (e) => ({ code: e.code as number, out: String(e.stdout) }));

let app: TestApp;
const c = {} as Record<"examiner" | "xingan" | "linxing" | "proctor" | "auditor" | "anon", Client>;
let A: { id: string; enrolments: Array<{ id: string; traineeId: string; name: string; enterpriseId: string }> }; // 2025 mining team leaders (xingan)
let B: string; // 2025 mining safety managers (xingan): results not released
let C: string; // 2025 machinery safety managers (linxing)
const pages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
const certOf = (enrolmentId: string) => app.db.certificate.findUniqueOrThrow({ where: { enrolmentId } });
const html = async (r: Response) => ({ status: r.status, text: await r.text() });

beforeAll(async () => {
  app = await startApp();
  await importShippedBank();
  for (const [k, u] of [["examiner", "examiner"], ["xingan", "provider.xingan"], ["linxing", "provider.linxing"], ["proctor", "proctor.tieli"], ["auditor", "auditor"]] as const) {
    c[k] = new Client(app.base);
    await c[k].login(u);
  }
  c.anon = new Client(app.base);

  const cls = (category: string, industry: string) => app.db.trainingClass.findFirstOrThrow({ where: { year: 2025, category, industry } });
  const [a, b, cc] = await Promise.all([cls("TEAM_LEADER", "MINING"), cls("SAFETY_MANAGER", "MINING"), cls("SAFETY_MANAGER", "MACHINERY")]);
  B = b.id;
  C = cc.id;
  const { drawFirstPapers } = await import("~/services/papers.server");
  const examiner = await app.db.user.findFirstOrThrow({ where: { username: "examiner" } });
  const drawn = await drawFirstPapers({ id: examiner.id, role: "EXAMINER", countyId: null, providerId: null }, { period: "2025-1", classIds: [a.id, b.id, cc.id] });
  if (!drawn.ok) throw new Error("draw failed");
  const paper = async (classId: string) => (await app.db.paper.findFirstOrThrow({ where: { classId } })).id;
  const roster = async (classId: string) =>
    (await app.db.enrolment.findMany({ where: { classId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { trainee: true } })).map((e) => ({ id: e.id, traineeId: e.traineeId, name: e.trainee.name, enterpriseId: e.trainee.enterpriseId }));
  A = { id: a.id, enrolments: await roster(a.id) };
  const e = A.enrolments;
  // A: e0, e1 lack practical hours (demo data) but pass; e18, e19 fail then resit (pass / fail);
  // e20 absent; e21 terminated; everyone else passes.
  await sitClass(app.db, {
    classId: a.id,
    paperId: await paper(a.id),
    results: e.map((x, i) => (i === 18 || i === 19 ? { enrolmentId: x.id, score: 60 } : i === 20 ? { enrolmentId: x.id, score: 0, absent: true } : i === 21 ? { enrolmentId: x.id, score: 85, terminated: true } : { enrolmentId: x.id, score: i === 2 ? 86.5 : 90 })),
  });
  await sitClass(app.db, { classId: a.id, paperId: await paper(a.id), at: new Date("2025-03-25T01:00:00Z"), results: [{ enrolmentId: e[18].id, sitting: 2, score: 88 }, { enrolmentId: e[19].id, sitting: 2, score: 50 }] });
  const bRoster = await roster(b.id);
  const bSession = await sitClass(app.db, { classId: b.id, paperId: await paper(b.id), results: bRoster.map((x) => ({ enrolmentId: x.id, score: 95 })) });
  await app.db.examSession.update({ where: { id: bSession }, data: { resultsReleasedAt: null } });
  const cRoster = await roster(cc.id);
  await app.db.trainee.update({ where: { id: cRoster[0].traineeId }, data: { name: "马骉㵘" } }); // rare characters
  await sitClass(app.db, { classId: cc.id, paperId: await paper(cc.id), results: cRoster.map((x) => ({ enrolmentId: x.id, score: 92 })) });
});
afterAll(() => app?.stop());

describe("issuing", () => {
  it("issues a class at once: passes with eligible hours only, numbered without gaps; the rest get the reason", async () => {
    const r = await html(await c.examiner.post(`/examiner/certificates?class=${A.id}`, { intent: "issueClass", classId: A.id }));
    expect(r.status).toBe(200);
    expect(r.text).toContain("新签发 19 份");
    expect(r.text).toContain(`${A.enrolments[0].name}（`);
    expect(r.text).toContain("学时不符合要求：实训学时 4/24 &lt; 25%");
    expect(r.text).toContain("首次考试和补考均未合格");
    expect(r.text).toContain("未参加考试");
    const certs = await app.db.certificate.findMany({ orderBy: { seq: "asc" } });
    expect(certs).toHaveLength(19);
    const year = certs[0].year;
    expect(year).toBe(Number(chinaDate(new Date()).slice(0, 4)));
    expect(certs.map((x) => x.seq)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(certs.map((x) => x.number)).toEqual(certs.map((x) => formatCertificateNumber("YCYJ-{YYYY}-{SEQ:5}", { year, seq: x.seq })));
    expect((await app.db.certificateCounter.findUniqueOrThrow({ where: { year } })).last).toBe(19);
    // issued in roster order; the ineligible, the twice-failed, the absent and the terminated have none
    const e = A.enrolments;
    expect((await certOf(e[2].id)).seq).toBe(1);
    for (const i of [0, 1, 19, 20, 21]) expect(await app.db.certificate.findUnique({ where: { enrolmentId: e[i].id } })).toBeNull();
    // the resit pass is certified with its resit attempt
    const resit = await certOf(e[18].id);
    const attempt = await app.db.attempt.findUniqueOrThrow({ where: { id: resit.attemptId! }, include: { registration: true } });
    expect(attempt.registration.sitting).toBe(2);
    expect(JSON.parse(resit.payload).exam).toMatchObject({ sitting: 2, score: 88, date: "2025-03-25" });
    expect(await app.db.auditLog.count({ where: { action: "certificate.issue" } })).toBe(19);
  });

  it("is idempotent: issuing the class again returns the same certificates and numbers", async () => {
    const before = await app.db.certificate.findMany({ orderBy: { seq: "asc" }, select: { id: true, number: true } });
    const r = await html(await c.examiner.post(`/examiner/certificates?class=${A.id}`, { intent: "issueClass", classId: A.id }));
    expect(r.text).toContain("新签发 0 份，此前已签发 19 份");
    const one = await html(await c.examiner.post(`/examiner/certificates?class=${A.id}`, { intent: "issue", enrolmentId: A.enrolments[2].id }));
    expect(one.text).toContain(`该学员已有证书 ${before[0].number}，未重复签发`);
    expect(await app.db.certificate.findMany({ orderBy: { seq: "asc" }, select: { id: true, number: true } })).toEqual(before);
    expect((await app.db.certificateCounter.findFirstOrThrow()).last).toBe(19);
    expect(await app.db.retrainingCredit.count()).toBe(19);
  });

  it("never certifies an unreleased result", async () => {
    const r = await html(await c.examiner.post(`/examiner/certificates?class=${B}`, { intent: "issueClass", classId: B }));
    expect(r.text).toContain("新签发 0 份");
    expect(r.text).toContain("考试成绩尚未发布");
    expect(await app.db.certificate.count({ where: { enrolment: { classId: B } } })).toBe(0);
  });

  it("refuses one ineligible candidate with the rule and the numbers", async () => {
    const r = await html(await c.examiner.post(`/examiner/certificates?class=${A.id}`, { intent: "issue", enrolmentId: A.enrolments[1].id }));
    expect(r.status).toBe(400);
    expect(r.text).toContain("未签发：学时不符合要求：实训学时 4/24 &lt; 25%");
  });

  it("credits the certified hours to the exam year's retraining", async () => {
    const cert = await certOf(A.enrolments[3].id);
    const credit = await app.db.retrainingCredit.findFirstOrThrow({ where: { certificateId: cert.id } });
    expect(credit).toMatchObject({ year: 2025, minutes: 24 * 60, traineeId: A.enrolments[3].traineeId });
    expect(JSON.parse(cert.payload)).toMatchObject({ hours: { online: 360, offline: 720, practical: 360 }, retraining: { year: 2025, minutes: 1440 } });
  });
});

describe("public verification", () => {
  it("shows a valid certificate as 有效 with masked details only", async () => {
    const cert = await certOf(A.enrolments[4].id);
    const res = await c.anon.get(`/verify/${cert.number}`);
    expect(res.headers.get("Content-Type")).toContain("text/html");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const r = await html(res);
    expect(r.status).toBe(200);
    expect(r.text).toContain("有效");
    expect(r.text).toContain(maskName(A.enrolments[4].name));
    expect(r.text).not.toContain(`>${A.enrolments[4].name}<`);
    expect(r.text).toContain("230");
    expect(r.text).toMatch(/\d{6}\*{8}\d{3}[\dX]/);
    const qr = await html(await c.anon.get(`/verify/${cert.number}?k=${cert.keyId}&s=${cert.signature}`));
    expect(qr.text).toContain("有效");
  });

  it("says 未找到 for an unknown number", async () => {
    const r = await html(await c.anon.get("/verify/YCYJ-1999-99999"));
    expect(r.status).toBe(404);
    expect(r.text).toContain("未找到");
  });

  it("says 无效 when the QR's signature is not the certificate's", async () => {
    const [a, b] = await Promise.all([certOf(A.enrolments[4].id), certOf(A.enrolments[5].id)]);
    const r = await html(await c.anon.get(`/verify/${a.number}?k=${a.keyId}&s=${b.signature}`));
    expect(r.text).toContain("无效");
    expect(r.text).toContain("二维码中的签名与登记记录不符");
  });

  it("catches a tampered stored payload (page and CLI)", async () => {
    const cert = await certOf(A.enrolments[6].id);
    const forged = cert.payload.replace(`"score":90`, `"score":99`);
    expect(forged).not.toBe(cert.payload);
    await app.db.certificate.update({ where: { id: cert.id }, data: { payload: forged } });
    const r = await html(await c.anon.get(`/verify/${cert.number}`));
    expect(r.text).toContain("无效");
    expect(r.text).toContain("签名校验失败");
    const out = await cli("verify", cert.number);
    expect(out.code).toBe(1);
    expect(out.out).toContain("INVALID");
    await app.db.certificate.update({ where: { id: cert.id }, data: { payload: cert.payload } });
    expect((await cli("verify", cert.number)).out).toContain("valid (有效)");
  });

  it("publishes the public keys as JSON", async () => {
    const res = await c.anon.get("/verify/keys.json");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { algorithm: string; keys: Array<{ kid: string; current: boolean; publicKeyPem: string }> };
    expect(body.algorithm).toBe("Ed25519");
    expect(body.keys.map((k) => k.kid)).toContain((await certOf(A.enrolments[4].id)).keyId);
    expect(body.keys[0].publicKeyPem).toContain("BEGIN PUBLIC KEY");
  });
});

describe("revocation and review", () => {
  it("revokes only with a reason, audited; /verify then shows 已撤销 with the date; the hours leave the ledger", async () => {
    const cert = await certOf(A.enrolments[7].id);
    const bad = await html(await c.examiner.post(`/examiner/certificates?class=${A.id}`, { intent: "revoke", certificateId: cert.id, reason: " 错 " }));
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("请填写撤销原因（至少 4 个字，现为 1 个）");
    expect((await certOf(A.enrolments[7].id)).status).toBe("VALID");

    const ok = await html(await c.examiner.post(`/examiner/certificates?class=${A.id}`, { intent: "revoke", certificateId: cert.id, reason: "身份信息有误，待重新核查" }));
    expect(ok.text).toContain(`证书 ${cert.number} 已撤销`);
    const after = await certOf(A.enrolments[7].id);
    expect(after).toMatchObject({ status: "REVOKED", revokeReason: "身份信息有误，待重新核查" });
    const log = await app.db.auditLog.findFirstOrThrow({ where: { action: "certificate.revoke", entityId: cert.id } });
    expect(log.reason).toBe("身份信息有误，待重新核查");
    const v = await html(await c.anon.get(`/verify/${cert.number}`));
    expect(v.text).toContain(`已撤销（${chinaDate(after.revokedAt!)}）`);
    const again = await html(await c.examiner.post(`/examiner/certificates?class=${A.id}`, { intent: "revoke", certificateId: cert.id, reason: "重复撤销测试" }));
    expect(again.status).toBe(400);
    expect(again.text).toContain("已于");

    const ledger = await html(await c.auditor.get(`/auditor/ledger?trainee=${A.enrolments[7].traineeId}`));
    expect(ledger.text).toContain("证书已撤销，不计入");
  });

  it("a regrade to fail flags the certificate for review instead of revoking it; the examiner can keep it", async () => {
    const { flagForReview, certificateOfAttempt } = await import("~/services/certificates.server");
    const cert = await certOf(A.enrolments[8].id);
    expect(await certificateOfAttempt(cert.attemptId!)).toEqual({ id: cert.id, number: cert.number });
    expect(await flagForReview(cert.id, "REGRADED_TO_FAIL", { reason: "第 12 题作废重评" })).toBe(true);
    expect(await certOf(A.enrolments[8].id)).toMatchObject({ status: "VALID", reviewFlag: "REGRADED_TO_FAIL" });
    expect((await html(await c.examiner.get(`/examiner/certificates?class=${A.id}`))).text).toContain("需复核");
    expect((await html(await c.anon.get(`/verify/${cert.number}`))).text).toContain("有效");
    const kept = await html(await c.examiner.post(`/examiner/certificates?class=${A.id}`, { intent: "unflag", certificateId: cert.id }));
    expect(kept.text).toContain("已复核，证书保留有效");
    expect((await certOf(A.enrolments[8].id)).reviewFlag).toBeNull();
    expect(await app.db.auditLog.count({ where: { entityId: cert.id, action: { in: ["certificate.flag", "certificate.unflag"] } } })).toBe(2);
  });
});

describe("key rotation", () => {
  it("signs new certificates with the new key (issued concurrently, without gaps); old ones still verify", async () => {
    const old = await certOf(A.enrolments[4].id);
    const rotated = await cli("rotate-key");
    expect(rotated.out).toMatch(/new current key ([0-9a-f]{10}) \(previous ([0-9a-f]{10}) kept/);
    const kid = rotated.out.match(/new current key ([0-9a-f]{10})/)![1];
    // two examiners issue the same class at the same moment: 12 certificates, no duplicates, no gaps
    const both = await Promise.all([0, 1].map(async () => (await c.examiner.post(`/examiner/certificates?class=${C}`, { intent: "issueClass", classId: C })).text()));
    const issued = both.map((t) => Number(t.match(/新签发 (\d+) 份/)![1]));
    expect(issued[0] + issued[1]).toBe(12);
    const fresh = await app.db.certificate.findMany({ where: { enrolment: { classId: C } } });
    expect(new Set(fresh.map((x) => x.keyId))).toEqual(new Set([kid]));
    expect(fresh.map((x) => x.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => 20 + i)); // continues the year's sequence
    expect((await html(await c.anon.get(`/verify/${old.number}`))).text).toContain("有效");
    expect((await html(await c.anon.get(`/verify/${fresh[0].number}`))).text).toContain("有效");
    const keys = (await (await c.anon.get("/verify/keys.json")).json()) as { keys: Array<{ kid: string; current: boolean }> };
    expect(keys.keys.find((k) => k.current)?.kid).toBe(kid);
    expect(keys.keys.map((k) => k.kid)).toContain(old.keyId);
  });
});

describe("PDFs", () => {
  it("downloads one certificate (examiner), with the rare characters of a name printed", async () => {
    mkdirSync("test-results", { recursive: true });
    const rare = await app.db.certificate.findFirstOrThrow({ where: { trainee: { name: "马骉㵘" } } });
    const res = await c.examiner.get(`/examiner/certificates/${rare.id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pages(pdf)).toBe(1);
    const file = join("test-results", "certificate.pdf");
    writeFileSync(file, pdf);
    const { stdout } = await run("pdftotext", ["-layout", file, "-"]);
    expect(stdout).toContain("培训考核合格证明");
    expect(stdout).toContain("马骉〔U+3D58〕");
    expect(stdout).toContain("不是《安全生产知识和管理能力考核合格证》");
    expect(stdout).toContain(rare.number);
  });

  it("streams a whole class as one PDF, one page per valid certificate", async () => {
    const res = await c.examiner.get(`/examiner/certificates/class/${A.id}`);
    expect(res.status).toBe(200);
    const pdf = Buffer.from(await res.arrayBuffer());
    writeFileSync(join("test-results", "certificates-class.pdf"), pdf);
    expect(pages(pdf)).toBe(18); // 19 issued, 1 revoked
  });
});

describe("who sees what", () => {
  it("a provider sees and downloads its own trainees' certificates only", async () => {
    const own = await certOf(A.enrolments[4].id);
    const other = await app.db.certificate.findFirstOrThrow({ where: { enrolment: { classId: C } } });
    const list = await html(await c.xingan.get("/provider/certificates"));
    expect(list.status).toBe(200);
    expect(list.text).toContain(own.number);
    expect(list.text).not.toContain(other.number);
    expect((await c.xingan.get(`/provider/certificates/${own.id}/pdf`)).status).toBe(200);
    expect((await c.xingan.get(`/provider/certificates/${other.id}/pdf`)).status).toBe(404);
    expect((await c.xingan.get(`/provider/certificates/class/${C}`)).status).toBe(404);
    const mine = await c.xingan.get(`/provider/certificates/class/${A.id}`);
    expect(pages(Buffer.from(await mine.arrayBuffer()))).toBe(18);
    expect((await html(await c.linxing.get("/provider/certificates"))).text).toContain(other.number);
    expect((await c.xingan.get(`/examiner/certificates/${own.id}/pdf`)).status).toBe(403);
    expect((await c.xingan.post(`/examiner/certificates?class=${A.id}`, { intent: "revoke", certificateId: own.id, reason: "越权撤销测试" })).status).toBe(403);
  });

  it("a proctor gets 403 everywhere certificates or the ledger live", async () => {
    const own = await certOf(A.enrolments[4].id);
    for (const path of ["/examiner/certificates", `/examiner/certificates/${own.id}/pdf`, `/examiner/certificates/class/${A.id}`, "/provider/certificates", `/provider/certificates/${own.id}/pdf`, "/examiner/ledger", "/examiner/ledger/export?format=csv", "/auditor/ledger"])
      expect((await c.proctor.get(path)).status, path).toBe(403);
    expect((await c.proctor.post(`/examiner/certificates?class=${A.id}`, { intent: "issueClass", classId: A.id })).status).toBe(403);
  });
});

describe("retraining-hours ledger", () => {
  it("per enterprise: who met this year's requirement and who is short", async () => {
    const e = A.enrolments[3];
    const r = await html(await c.examiner.get(`/examiner/ledger?year=2025&enterprise=${e.enterpriseId}`));
    expect(r.status).toBe(200);
    expect(r.text).toContain(e.name);
    const short = await html(await c.examiner.get(`/examiner/ledger?year=2025&enterprise=${e.enterpriseId}&short=1`));
    expect(short.text).not.toContain(`>${e.name}<`);
    const bad = await html(await c.examiner.get("/examiner/ledger?year=abc"));
    expect(bad.text).toContain("年度应为 2000–2100 的整数");
  });

  it("per trainee: years, credited, required, met or short", async () => {
    const r = await html(await c.auditor.get(`/auditor/ledger?trainee=${A.enrolments[3].traineeId}`));
    expect(r.status).toBe(200);
    expect(r.text).toMatch(/2025<\/td><td>矿山 · 班组长<\/td><td class="num">20<\/td><td class="num">24<\/td><td><span class="badge ok">达标/);
    expect(r.text).toContain("差 20 学时"); // this year, nothing credited yet
  });

  it("exports CSV and XLSX with the hand-checked figures", async () => {
    const e = A.enrolments[3];
    const csv = await c.auditor.get(`/auditor/ledger/export?year=2025&enterprise=${e.enterpriseId}&format=csv`);
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain("年度,企业,姓名,身份证号,行业,人员类别,要求学时,已计入学时,是否达标,尚差学时");
    expect(text).toMatch(new RegExp(`2025,[^,]+,${e.name},\\d{6}\\*{8}\\d{3}[\\dX],矿山,班组长,20,24,达标,0`));
    const masked = async (i: number) => (await app.db.trainee.findUniqueOrThrow({ where: { id: A.enrolments[i].traineeId } })).idMasked;
    const short = await (await c.examiner.get(`/examiner/ledger/export?year=2025&format=csv&short=1`)).text();
    expect(short).toContain(`${A.enrolments[0].name},${await masked(0)},矿山,班组长,20,0,未达标,20`); // not certified
    expect(short).not.toContain(`${e.name},${await masked(3)},`);
    const xlsx = await c.examiner.get("/examiner/ledger/export?year=2025&format=xlsx");
    expect(xlsx.headers.get("Content-Type")).toContain("spreadsheetml");
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe("PK");
    expect((await c.examiner.get("/examiner/ledger/export?year=2025&format=pdf")).status).toBe(400);
  });
});

describe("rate limit", () => {
  it("limits /verify per IP and says when to retry", async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 40 && !limited; i++) {
      const res = await c.anon.get(`/verify/YCYJ-2000-${String(i).padStart(5, "0")}`);
      if (res.status === 429) limited = res;
      else await res.text();
    }
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await limited!.text()).toContain("查询过于频繁");
  });
});
