// A bank edited in the UI and exported round-trips: the exported YAML imports as "no change"
// and exports again byte for byte; the edit is in it; the untouched files equal the shipped ones.
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBankDir, writeBankDir } from "../../scripts/lib/bank-files";
import { exportBank, importBank } from "~/services/bank-import.server";
import { Client, startApp, type TestApp } from "../support/app";
import { importShippedBank } from "../support/bank";

let app: TestApp;
const actor = { id: "test", role: "ADMIN" as const, countyId: null, providerId: null };

beforeAll(async () => {
  app = await startApp({ seed: true });
  await importShippedBank();
});
afterAll(() => app?.stop());

const filesOf = (dir: string) =>
  Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(".yaml")).map((e) => {
    const p = join(e.parentPath ?? (e as unknown as { path: string }).path, e.name);
    return [p.slice(dir.length + 1), readFileSync(p, "utf8")];
  }));

it("edit in the UI, export, re-import: no change, same bytes", async () => {
  const examiner = new Client(app.base);
  await examiner.login("examiner");
  const q = await app.db.question.findUniqueOrThrow({ where: { id: "gsbx-j-002" }, include: { current: true } });
  const v = q.current!;
  const res = await examiner.post(`/examiner/bank/${q.id}`, {
    intent: "save", baseVersion: String(q.currentVersion), type: v.type, topic: v.topic, stem: v.stem + "（修订）",
    option: ["", "", "", "", ""], answer: JSON.parse(v.answer) ? "true" : "false", explanation: v.explanation, source: v.source,
    industry: v.industries.split(",").filter(Boolean), audience: v.audiences.split(",").filter(Boolean), difficulty: String(v.difficulty),
  });
  expect(res.status).toBe(302);

  const out1 = mkdtempSync(join(tmpdir(), "ankao-export-"));
  writeBankDir(out1, await exportBank());
  const exported = filesOf(out1);
  expect(exported["work-injury-insurance/judge.yaml"]).toContain(v.stem + "（修订）");
  // Every file the edit did not touch is byte-identical to the shipped bank.
  const shipped = filesOf("question-bank");
  for (const [f, text] of Object.entries(exported)) if (f !== "work-injury-insurance/judge.yaml") expect(text, f).toBe(shipped[f]);

  const { questions, problems } = loadBankDir(out1);
  expect(problems).toEqual([]);
  const report = await importBank(questions, { actor });
  expect(report.added.concat(report.updated, report.retired, report.restored)).toEqual([]);
  const out2 = mkdtempSync(join(tmpdir(), "ankao-export-"));
  writeBankDir(out2, await exportBank());
  expect(filesOf(out2)).toEqual(exported);
});
