// A world with two of everything, for the authorisation and IDOR tests: an exam running at 铁力市
// (proctor.tieli, xingan's trainees) and one at 嘉荫县 (proctor.jiayin, linxing's trainees), each
// with a signed-in, admitted candidate and a camera snapshot; and certificates issued to a class
// of each provider. Every id the routes take comes from here.
import { Client, type TestApp } from "./app";
import { sitClass } from "./exam-fixtures";
import { Kiosk, prepareSession, proctorAct } from "./exam-setup";

/** The smallest JPEG the snapshot check accepts (magic bytes FF D8 FF, then filler). */
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, ...new Array(64).fill(7), 0xff, 0xd9]);

export type County = "tieli" | "jiayin";
export type ProviderKey = "linxing" | "xingan";

export interface Exam {
  sessionId: string;
  paperId: string;
  classId: string;
  registrationId: string;
  otherRegistrationId: string;
  snapshotId: string;
  kiosk: Kiosk;
}

export interface World {
  exams: Record<County, Exam>;
  /** Per provider: a class with issued certificates, and one certificate of it. */
  certs: Record<ProviderKey, { classId: string; certificateId: string; number: string }>;
  questionId: string;
}

async function examAt(app: TestApp, county: County): Promise<Exam> {
  const s =
    county === "tieli"
      ? await prepareSession(app)
      : await prepareSession(app, { county: "嘉荫县", proctor: "proctor.jiayin", className: "2025年机械制造班组长工伤预防培训班" });
  const kiosk = new Kiosk(app.base);
  const [c, other] = s.candidates;
  if ((await kiosk.signIn(c)).status !== 302) throw new Error(`sign-in at ${county} failed`);
  const proctor = new Client(app.base);
  await proctor.login(county === "tieli" ? "proctor.tieli" : "proctor.jiayin");
  const admit = await proctorAct(proctor, s.sessionId, { op: "candidate", registrationId: c.registrationId, action: "admit" });
  if (!admit.data.ok) throw new Error(`admit at ${county}: ${JSON.stringify(admit.data)}`);
  const snap = await kiosk.request("/kiosk/api/snapshot", { method: "POST", headers: { "Content-Type": "image/jpeg" }, body: JPEG });
  const body = (await snap.json()) as { ok: boolean; id: string };
  if (!body.ok) throw new Error(`snapshot at ${county}: ${JSON.stringify(body)}`);
  return { sessionId: s.sessionId, paperId: s.paperId, classId: s.classId, registrationId: c.registrationId, otherRegistrationId: other.registrationId, snapshotId: body.id, kiosk };
}

/** A finished, released sitting of a class and its certificates, issued through the examiner's page. */
export async function certified(app: TestApp, examiner: Client, className: string) {
  const cls = await app.db.trainingClass.findFirstOrThrow({ where: { name: className } });
  const drawn = await examiner.post("/examiner/papers?index", { period: `C${Date.now()}`, classId: cls.id });
  if (drawn.status !== 200) throw new Error(`draw for ${className}: ${drawn.status}`);
  const paper = await app.db.paper.findFirstOrThrow({ where: { classId: cls.id }, orderBy: { createdAt: "desc" } });
  const roster = await app.db.enrolment.findMany({ where: { classId: cls.id } });
  await sitClass(app.db, { classId: cls.id, paperId: paper.id, results: roster.map((e) => ({ enrolmentId: e.id, score: 95 })) });
  const issued = await examiner.post("/examiner/certificates", { intent: "issueClass", classId: cls.id });
  if (issued.status !== 200) throw new Error(`issue for ${className}: ${issued.status}`);
  const cert = await app.db.certificate.findFirstOrThrow({ where: { enrolment: { classId: cls.id } } });
  return { classId: cls.id, certificateId: cert.id, number: cert.number };
}

export async function buildWorld(app: TestApp): Promise<World> {
  const tieli = await examAt(app, "tieli");
  const jiayin = await examAt(app, "jiayin");
  const examiner = new Client(app.base);
  await examiner.login("examiner");
  const xingan = await certified(app, examiner, "2025年矿山专职安全管理人员工伤预防培训班");
  const linxing = await certified(app, examiner, "2025年机械制造专职安全管理人员工伤预防培训班");
  const q = await app.db.question.findFirstOrThrow({ orderBy: { id: "asc" } });
  return { exams: { tieli, jiayin }, certs: { xingan, linxing }, questionId: q.id };
}
