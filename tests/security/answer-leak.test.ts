// No answer key before submit: everything a trainee's kiosk can reach — the pages, every kiosk
// GET and POST, and the live event stream — is checked against the paper's real key, its
// explanations and sources. A save is acknowledged the same way whether the answer is right or
// wrong, so the kiosk is no oracle either.
import { Client, startApp, type TestApp } from "../support/app";
import { Kiosk, prepareSession, proctorAct } from "../support/exam-setup";
import { JPEG } from "../support/security-world";

let app: TestApp;
let ses: Awaited<ReturnType<typeof prepareSession>>;
let proctor: Client;
const kiosk = () => new Kiosk(app.base);
type Key = { position: number; type: string; answer: unknown; explanation: string; source: string };
let KEY: Key[];
let STEMS: string[];
/** What the candidate saved, per position: the only answers a response may carry. */
const saved = new Map<number, unknown>();

const FORBIDDEN_KEYS = /^(correct|isCorrect|right|rightAnswer|correctAnswer|answerKey|explanation|explanations|source|sources|score|maxScore|passed|points|grade|gradeDetail)$/;

/** Every key in a JSON value with its path, e.g. ["responses.0.answer", "B"]. */
function entries(v: unknown, path = ""): Array<[string, unknown]> {
  if (Array.isArray(v)) return v.flatMap((x, i) => entries(x, `${path}${i}.`));
  if (v && typeof v === "object")
    return Object.entries(v).flatMap(([k, x]) => [[`${path}${k}`, x] as [string, unknown], ...entries(x, `${path}${k}.`)]);
  return [];
}

/** The JSON holds no answer but the candidate's own, no right/wrong or score field, no explanation or source. */
function assertNoKeyInJson(label: string, json: unknown) {
  for (const [path, value] of entries(json)) {
    const key = path.split(".").pop()!;
    expect(FORBIDDEN_KEYS.test(key) && value !== null, `${label}: field ${path}`).toBe(false);
    if (key === "answer") {
      const m = /^responses\.(\d+)\.answer$/.exec(path);
      expect(m, `${label}: an answer field outside the candidate's own responses: ${path}`).not.toBeNull();
      const position = (json as { responses: Array<{ position: number }> }).responses[Number(m![1])].position;
      expect(value, `${label}: ${path}`).toEqual(saved.get(position));
    }
  }
  // Stems and option texts may quote a law (and so a source) on purpose; everything else may not.
  assertNoKeyInText(label, JSON.stringify(json, (k, v) => (k === "stem" || k === "text" ? undefined : v)));
}

/** Raw text (HTML, SSE) holds no explanation or source text and no answer-ish field. */
function assertNoKeyInText(label: string, text: string) {
  for (const k of KEY) {
    if (k.explanation.length >= 6) expect(text.includes(k.explanation), `${label}: explanation of item ${k.position}`).toBe(false);
    if (k.source.length >= 6) expect(text.includes(k.source), `${label}: source of item ${k.position}`).toBe(false);
  }
  expect(text, label).not.toMatch(/\\?"(correct|isCorrect|rightAnswer|correctAnswer|answerKey|explanation|source|gradeDetail)\\?"\s*:/);
}

/** Reads an SSE response in the background, so frames can be awaited by content. */
function listen(res: Response) {
  let text = "";
  const waiters: Array<() => void> = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      text += decoder.decode(value, { stream: true });
      waiters.splice(0).forEach((w) => w());
    }
  })();
  return {
    get text() {
      return text;
    },
    async until(pattern: RegExp) {
      while (!pattern.test(text)) await new Promise<void>((ok) => waiters.push(ok));
    },
    close: () => reader.cancel().catch(() => {}),
  };
}

const wrongFor = (k: Key): unknown => {
  if (k.type === "judge") return !k.answer;
  if (k.type === "single") return k.answer === "A" ? "B" : "A";
  return (k.answer as string[]).includes("A") ? ["B"] : ["A"];
};
/** A save response without what changes from call to call. */
const shape = (d: Record<string, unknown>) => ({ ...d, ack: undefined, remainingMs: undefined, serverTime: undefined, deadline: undefined });

beforeAll(async () => {
  app = await startApp();
  ses = await prepareSession(app, { releaseMode: "MANUAL" });
  proctor = new Client(app.base);
  await proctor.login("proctor.tieli");
  const items = await app.db.paperItem.findMany({ where: { paperId: ses.paperId }, include: { questionVersion: true }, orderBy: { position: "asc" } });
  STEMS = items.map((i) => i.questionVersion.stem).filter((x) => x.length >= 10);
  KEY = items.map((i) => ({ position: i.position, type: i.section, answer: JSON.parse(i.questionVersion.answer), explanation: i.questionVersion.explanation, source: i.questionVersion.source }));
});
afterAll(() => app?.stop());

describe("before admission", () => {
  it("the sign-in page and a waiting candidate's state, page and stream hold nothing of the paper", async () => {
    const k = kiosk();
    assertNoKeyInText("GET /kiosk", await (await k.get("/kiosk")).text());
    expect((await k.signIn(ses.candidates[1])).status).toBe(302);
    const state = await k.api("state");
    expect(state.data.state).toBe("AWAITING");
    assertNoKeyInJson("state (awaiting)", state.data);
    const paper = await k.api("paper");
    expect(paper.status).toBe(403);
    expect(paper.data).not.toHaveProperty("items");
    const html = await (await k.get("/kiosk/exam")).text();
    assertNoKeyInText("GET /kiosk/exam (awaiting)", html);
    const stream = listen(await k.get("/kiosk/events"));
    await stream.until(/retry: \d+\n\n/);
    assertNoKeyInText("stream (awaiting)", stream.text);
    await stream.close();
    for (const q of STEMS) expect(html.includes(q), "a stem before admission").toBe(false);
  });
});

describe("during the exam", () => {
  const k = { current: null as Kiosk | null };
  const c = () => ses.candidates[0];

  it("the paper, the state and the exam page carry stems and options only", async () => {
    k.current = kiosk();
    expect((await k.current.signIn(c())).status).toBe(302);
    expect((await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c().registrationId, action: "admit" })).data.ok).toBe(true);
    const paper = await k.current.api("paper");
    expect((paper.data.items as unknown[]).length).toBe(KEY.length);
    assertNoKeyInJson("paper", paper.data);
    for (const item of paper.data.items as Array<Record<string, unknown>>) expect(Object.keys(item).sort()).toEqual(["index", "options", "position", "section", "stem"]);
    assertNoKeyInJson("state", (await k.current.api("state")).data);
    assertNoKeyInText("GET /kiosk/exam", await (await k.current.get("/kiosk/exam")).text());
  });

  it("a right and a wrong answer are acknowledged alike, and the state echoes only the candidate's answers", async () => {
    const kk = k.current!;
    const judge = KEY.filter((x) => x.type === "judge");
    const multi = KEY.filter((x) => x.type === "multiple");
    let seq = 0;
    const results: Array<Record<string, unknown>> = [];
    for (const [item, answer] of [
      [judge[0], judge[0].answer],
      [judge[1], wrongFor(judge[1])],
      [multi[0], multi[0].answer],
      [multi[1], wrongFor(multi[1])],
    ] as Array<[Key, unknown]>) {
      const r = await kk.save(item.position, answer, ++seq);
      expect(r.status).toBe(200);
      saved.set(item.position, answer);
      assertNoKeyInJson(`save ${item.position}`, r.data);
      results.push(shape(r.data));
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[3]).toEqual(results[2]);
    const state = await kk.api("state");
    assertNoKeyInJson("state after saves", state.data);
    expect((state.data.responses as unknown[]).length).toBe(4);
  });

  it("heartbeat, integrity events and snapshots answer without the key", async () => {
    const kk = k.current!;
    for (const [op, body] of [
      ["heartbeat", {}],
      ["event", { kind: "BLUR", detail: "测试" }],
    ] as const) {
      const r = await kk.api(op, body);
      expect(r.status).toBe(200);
      assertNoKeyInJson(op, r.data);
    }
    const snap = await kk.request("/kiosk/api/snapshot", { method: "POST", headers: { "Content-Type": "image/jpeg" }, body: JPEG });
    expect(snap.status).toBe(200);
    assertNoKeyInJson("snapshot", await snap.json());
  });

  it("the live stream carries state changes only, never the key, for this candidate", async () => {
    const kk = k.current!;
    const res = await kk.get("/kiosk/events");
    expect(res.headers.get("Content-Type")).toMatch(/^text\/event-stream/);
    const stream = listen(res);
    try {
      await stream.until(/retry: \d+/);
      const act = (action: string, extra: Record<string, string> = {}) => proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c().registrationId, action, ...extra });
      expect((await act("pause", { reason: "检查" })).data.ok).toBe(true);
      expect((await act("resume")).data.ok).toBe(true);
      expect((await act("extend", { minutes: "5", reason: "考试机故障" })).data.ok).toBe(true);
      // Another candidate's events never reach this kiosk.
      const other = kiosk();
      await other.signIn(ses.candidates[2]);
      await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: ses.candidates[2].registrationId, action: "admit" });
      await stream.until(/event: attempt\.extend/);
      const frames = stream.text.split("\n\n").filter((f) => f.includes("data:"));
      expect(frames.length).toBeGreaterThanOrEqual(3);
      const mine = (await app.db.attempt.findFirstOrThrow({ where: { registrationId: c().registrationId } })).id;
      for (const f of frames) {
        const data = JSON.parse(f.split("\n").find((l) => l.startsWith("data:"))!.slice(5));
        assertNoKeyInJson(`stream frame ${f.split("\n")[1]}`, data);
        expect(data.attemptId === mine || data.attemptId === null, f).toBe(true);
      }
      assertNoKeyInText("stream", stream.text);
    } finally {
      await stream.close();
    }
  });

  it("after submit the kiosk shows no score, no answers and no key until results are released", async () => {
    const kk = k.current!;
    const r = await kk.api("submit", {});
    expect(r.status).toBe(200);
    assertNoKeyInJson("submit", r.data);
    const state = await kk.api("state");
    expect(state.data).toMatchObject({ state: "SUBMITTED", result: null, responses: [] });
    assertNoKeyInJson("state after submit", state.data);
    expect((await kk.api("paper")).status).toBe(403);
    assertNoKeyInText("GET /kiosk/exam after submit", await (await kk.get("/kiosk/exam")).text());
  });
});
