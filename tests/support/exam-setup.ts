// A real exam ready to sit, set up through the examiner's HTTP actions: bank imported, paper
// drawn and sealed for a class, session scheduled at 铁力市 with proctor.tieli (or `county` and
// `proctor`), now.
import { createHash } from "node:crypto";
import { decryptId } from "~/utils/secrets.server";
import { Client, type TestApp } from "./app";
import { importShippedBank } from "./bank";

export interface Candidate {
  registrationId: string;
  name: string;
  idNumber: string;
  ticket: string;
  seat: string;
}

const local = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16); // Beijing time for datetime-local

export async function prepareSession(app: TestApp, opts: { className?: string; durationMin?: number; releaseMode?: "MANUAL" | "IMMEDIATE"; threshold?: number; period?: string; bank?: boolean; startsAt?: Date; requireSeb?: boolean; requireCamera?: boolean; county?: string; proctor?: string; paperId?: string; absenceUsesSitting?: boolean } = {}) {
  if (opts.bank !== false && (await app.db.question.count()) === 0) await importShippedBank();
  const examiner = new Client(app.base);
  await examiner.login("examiner");
  const cls = await app.db.trainingClass.findFirstOrThrow({ where: { name: opts.className ?? "2025年矿山班组长工伤预防培训班" } });
  const period = opts.period ?? `T${Date.now()}`;
  if (!opts.paperId) {
    const drawn = await examiner.post("/examiner/papers?index", { period, classId: cls.id });
    if (drawn.status !== 200) throw new Error(`draw failed: ${drawn.status} ${(await drawn.text()).slice(0, 300)}`);
  }
  const paper = opts.paperId ? await app.db.paper.findUniqueOrThrow({ where: { id: opts.paperId } }) : await app.db.paper.findFirstOrThrow({ where: { classId: cls.id, period } });
  if (paper.status !== "SEALED") await examiner.post(`/examiner/papers/${paper.id}`, { intent: "seal" });
  const venue = await app.db.venue.findFirstOrThrow({ where: { county: { name: opts.county ?? "铁力市" } } });
  const proctor = await app.db.user.findUniqueOrThrow({ where: { username: opts.proctor ?? "proctor.tieli" } });
  const start = opts.startsAt ?? new Date(Date.now() - 10 * 60_000);
  const res = await examiner.post("/examiner/sessions?index", {
    name: `${cls.name}考试`,
    venueId: venue.id,
    startsAt: local(start),
    endsAt: local(new Date(start.getTime() + 4 * 3600_000)),
    durationMin: String(opts.durationMin ?? 120),
    violationThreshold: String(opts.threshold ?? 3),
    releaseMode: opts.releaseMode ?? "MANUAL",
    proctorId: proctor.id,
    paperId: paper.id,
    ...(opts.requireSeb ? { requireSeb: "on" } : {}),
    ...(opts.requireCamera ? { requireCamera: "on" } : {}),
    ...(opts.absenceUsesSitting ? { absenceUsesSitting: "on" } : {}),
  });
  if (res.status !== 302) throw new Error(`schedule failed: ${res.status} ${(await res.text()).replace(/<[^>]+>/g, " ").slice(0, 600)}`);
  const sessionId = res.headers.get("Location")!.split("/").pop()!;
  const regs = await app.db.registration.findMany({ where: { sessionId }, orderBy: { seat: "asc" }, include: { enrolment: { include: { trainee: true } } } });
  const candidates: Candidate[] = regs.map((r) => ({ registrationId: r.id, name: r.enrolment.trainee.name, idNumber: decryptId(r.enrolment.trainee.idCipher), ticket: r.ticketCode, seat: r.seat }));
  return { sessionId, paperId: paper.id, classId: cls.id, examiner, candidates };
}

/** A kiosk browser: gets its kiosk cookie, signs a candidate in, and speaks the kiosk API. */
export class Kiosk extends Client {
  /** When set, every request carries X-SafeExamBrowser-ConfigKeyHash as the SEB client computes it. */
  sebConfigKey: string | null = null;
  override request(path: string, init: RequestInit & { origin?: string | null } = {}) {
    if (!this.sebConfigKey) return super.request(path, init);
    const headers = new Headers(init.headers);
    const url = (this.base + path).split("#")[0];
    headers.set("X-SafeExamBrowser-ConfigKeyHash", createHash("sha256").update(url + this.sebConfigKey).digest("hex"));
    return super.request(path, { ...init, headers });
  }
  async signIn(c: Pick<Candidate, "idNumber" | "ticket">) {
    if (!this.cookies.has("ankao_kiosk")) await this.get("/kiosk");
    return this.post("/kiosk?index", { idNumber: c.idNumber, ticket: c.ticket });
  }
  async api(op: string, body?: unknown) {
    const res = await this.request(`/kiosk/api/${op}`, body === undefined && ["state", "paper"].includes(op) ? {} : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body ?? {}) });
    return { status: res.status, data: (await res.json()) as Record<string, unknown> & { state?: string } };
  }
  save(position: number, answer: unknown, seq: number, flagged = false) {
    return this.api("save", { position, answer, seq, flagged });
  }
}

export async function proctorAct(proctor: Client, sessionId: string, fields: Record<string, string>) {
  const res = await proctor.post(`/proctor/sessions/${sessionId}/act`, fields);
  return { status: res.status, data: (await res.json()) as { ok?: boolean; error?: string; done?: number } };
}
