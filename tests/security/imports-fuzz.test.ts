// Imports under fuzz (fast-check): malformed bank YAML (random bytes, truncated files, wrong value
// types, huge numbers, deep nesting, alias bombs) and malformed XLSX/CSV through the parsers and
// through the upload routes; malformed roster CSV/XLSX through readTable and the roster import.
// Each gets a clear error — a problem list or a 400 with a message — never a crash or a 500, and
// writes nothing. Run counts are modest to keep CI quick; the seed is printed on failure.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { parseBankFile } from "~/domain/bank/parse";
import { validateBank } from "~/domain/bank/validate";
import { readTable, writeXlsx } from "~/utils/spreadsheet.server";
import { Client, startApp, type TestApp } from "../support/app";
import { importShippedBank } from "../support/bank";
import { rowCounts } from "../support/db-fingerprint";

const REAL = readFileSync("question-bank/criminal-law/single.yaml", "utf8");
const LINES = REAL.split("\n");

/** YAML values of the wrong kind (and the right kind with absurd sizes). */
const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.constantFrom("1e308", "-1e308", "99999999999999999999999999", "-0", ".nan", ".inf", "-.inf", "0x7fffffffffffffff", "1_000_000", "~", "null", "!!binary aGVsbG8=", "!!js/function 'f'", "&x [*x]", "*nope", "{", "[", "'", '"', "|", ">", "@", "`"),
  fc.string({ maxLength: 50 }),
);
const nested = (d: number, open: string, close: string) => open.repeat(d) + close.repeat(d);

/** Malformed bank YAML texts, each from a real file or from nothing. */
const badYaml = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }).map((b) => Buffer.from(b).toString("utf8")),
  fc.nat(REAL.length - 1).map((n) => REAL.slice(0, n)),
  fc.tuple(fc.nat(LINES.length - 1), oddValue).map(([i, v]) => LINES.map((l, j) => (j === i && l.includes(":") ? `${l.slice(0, l.indexOf(":") + 1)} ${v}` : l)).join("\n")),
  fc.tuple(fc.constantFrom("difficulty", "answer", "options", "id", "stem", "industry", "audience", "type", "topic"), oddValue).map(([k, v]) => REAL.replace(new RegExp(`^(\\s*${k}:).*$`, "m"), `$1 ${v}`)),
  fc.integer({ min: 50, max: 5000 }).chain((d) => fc.constantFrom(`questions:\n  - id: x\n    stem: ${nested(d, "[", "]")}\n`, `questions: ${nested(d, "{a: ", "}")}\n`, `${"- ".repeat(d)}x\n`)),
  fc.constant(`a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nquestions: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`),
);

function assertClearProblems(where: string, problems: Array<{ file: string; line: number; field: string; message: string }>) {
  for (const p of problems) {
    expect(p.line, where).toBeGreaterThanOrEqual(0);
    expect(typeof p.message === "string" && p.message.length > 0, `${where}: a problem without a message`).toBe(true);
  }
}

describe("bank YAML parser and validator (pure)", () => {
  it("never throw, and every problem says where and what", () => {
    fc.assert(
      fc.property(badYaml, (text) => {
        const parsed = parseBankFile("fuzz.yaml", text);
        assertClearProblems("parseBankFile", parsed.problems);
        const all = validateBank([{ file: "fuzz.yaml", text }]);
        assertClearProblems("validateBank", all.problems);
        // Whatever is not reported as a problem is a well-formed question.
        if (!all.problems.length) for (const q of all.questions) expect(q.stem.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe("readTable (pure)", () => {
  it("returns a table or a message for any bytes, never throws", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), fc.constantFrom("x.csv", "x.xlsx", "x.XLSX", "x.txt"), async (bytes, name) => {
        const r = await readTable(Buffer.from(bytes), name);
        if (!r.ok) expect(r.message).toMatch(new RegExp(`^${name.replace(".", "\\.")}：`));
      }),
      { numRuns: 200 },
    );
  });
});

describe("over HTTP", () => {
  let app: TestApp;
  let examiner: Client;
  let provider: Client;
  let classId: string;
  let goodXlsx: Buffer;
  const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as { ok?: boolean; errors?: Record<string, string>; problems?: unknown[] } });

  beforeAll(async () => {
    app = await startApp();
    await importShippedBank();
    examiner = new Client(app.base);
    await examiner.login("examiner");
    provider = new Client(app.base);
    await provider.login("provider.xingan");
    classId = (await app.db.trainingClass.findFirstOrThrow({ where: { name: "2025年矿山班组长工伤预防培训班" } })).id;
    const exported = await examiner.get("/examiner/bank/export");
    goodXlsx = Buffer.from(await exported.arrayBuffer());
  }, 180_000);
  afterAll(() => app?.stop());

  /** A 400 with a message or a problem list: the clear error the user sees. */
  function assertClearRefusal(where: string, r: { status: number; body: { ok?: boolean; errors?: Record<string, string>; problems?: unknown[] } }) {
    expect(r.status, where).toBe(400);
    expect(r.body.ok, where).toBe(false);
    const message = r.body.errors?._ ?? "";
    expect(message.length + (r.body.problems?.length ?? 0), `${where}: no message and no problems`).toBeGreaterThan(0);
  }

  const badBankFile = fc.oneof(
    badYaml.map((text) => ({ name: "fuzz.yaml", bytes: Buffer.from(text) })),
    fc.uint8Array({ maxLength: 3000 }).map((b) => ({ name: "fuzz.xlsx", bytes: Buffer.from(b) })),
    fc.integer({ min: 0, max: 100 }).map((pct) => ({ name: "fuzz.xlsx", bytes: goodXlsx.subarray(0, Math.floor((goodXlsx.length * pct) / 101)) })),
    fc.uint8Array({ maxLength: 2000 }).map((b) => ({ name: "fuzz.csv", bytes: Buffer.from(b) })),
  );

  it("bank upload: every malformed file is refused with its problems, at preview and at confirm, and nothing is written", async () => {
    const upload = "/examiner/bank/upload?_data=routes%2Fexaminer.bank.upload";
    const before = await rowCounts(app.db, ["RateLimit"]);
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(badBankFile, async (f) => {
        const form = new FormData();
        form.set("intent", "preview");
        form.append("files", new Blob([new Uint8Array(f.bytes)]), f.name);
        const preview = await json(await examiner.post(upload, form));
        if (preview.status === 200) return; // a truncation that left a whole, valid file: a dry run writes nothing either
        assertClearRefusal(`preview ${f.name}`, preview);
        // Confirm straight away with the same file (a tampered payload): checked again, refused.
        const payload = JSON.stringify([{ name: f.name, data: f.bytes.toString("base64") }]);
        assertClearRefusal(`confirm ${f.name}`, await json(await examiner.post(upload, { intent: "confirm", payload })));
        refused++;
      }),
      { numRuns: 40 },
    );
    expect(refused).toBeGreaterThan(30);
    expect(await rowCounts(app.db, ["RateLimit"])).toEqual(before);
  });

  it("roster import: malformed CSV and XLSX are refused with a message or problems, and nothing is written", async () => {
    const roster = `/provider/classes/${classId}?_data=${encodeURIComponent("routes/provider.classes.$id")}`;
    const HEAD = "姓名,身份证号,企业名称,统一社会信用代码,手机号,岗位";
    const cell = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('"', '""', '"a"b', "\n", "\r\n", ",", "=cmd|' /C calc'!A0", "2307811985031", "9".repeat(400)));
    const csvOf = (rows: string[][]) => [HEAD, ...rows.map((r) => r.join(","))].join("\n");
    const xlsxRoster = await writeXlsx("名册", HEAD.split(","), [["张三", "230781198503151234", "x", "", "", ""]]);
    const badRoster = fc.oneof(
      fc.uint8Array({ maxLength: 3000 }).map((b) => ({ name: "r.csv", bytes: Buffer.from(b) })),
      fc.uint8Array({ maxLength: 3000 }).map((b) => ({ name: "r.xlsx", bytes: Buffer.from(b) })),
      fc.array(fc.array(cell, { minLength: 1, maxLength: 9 }), { minLength: 1, maxLength: 20 }).map((rows) => ({ name: "r.csv", bytes: Buffer.from(csvOf(rows)) })),
      fc.integer({ min: 0, max: 100 }).map((pct) => ({ name: "r.xlsx", bytes: xlsxRoster.subarray(0, Math.floor((xlsxRoster.length * pct) / 100)) })),
      fc.constant({ name: "r.csv", bytes: Buffer.from(csvOf(Array.from({ length: 5001 }, (_, i) => [`学员${i}`, "1", "x", "", "", ""]))) }),
      fc.constant({ name: "r.pdf", bytes: Buffer.from("%PDF-1.4") }),
    );
    const before = await rowCounts(app.db, ["RateLimit"]);
    await fc.assert(
      fc.asyncProperty(badRoster, async (f) => {
        const form = new FormData();
        form.set("intent", "import");
        form.set("roster", new Blob([new Uint8Array(f.bytes)]), f.name);
        const r = await provider.post(roster, form);
        if (r.status === 400 && f.bytes.length === 0) return; // "请选择名册文件": a clear message too
        assertClearRefusal(`roster ${f.name} (${f.bytes.length} bytes)`, await json(r));
      }),
      { numRuns: 40 },
    );
    expect(await rowCounts(app.db, ["RateLimit"])).toEqual(before);
  });
});
