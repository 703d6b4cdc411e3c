// loadBankDir / writeBankDir on a temporary folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bankFiles, loadBankDir, writeBankDir } from "../../scripts/lib/bank-files";
import { bankQuestionOf } from "~/domain/bank/types";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ankao-bank-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const misplaced = `defaults:
  topic: 刑法
  type: judge
  industry: [general]
  audience: [TEAM_LEADER]
  difficulty: 2
questions:
  - id: xf-j-001
    stem: 危险作业罪不以实际发生事故为要件。
    answer: true
    explanation: 具有现实危险即可构成。
    source: 《刑法》第一百三十四条之一
    difficulty: 2
  - id: xf-s-001
    type: single
    stem: 重大责任事故罪的基本刑为（  ）以下有期徒刑或者拘役。
    options: [一年, 三年, 五年]
    answer: B
    explanation: 刑法第一百三十四条第一款。
    source: 《刑法》第一百三十四条
`;

test("format in place: canonical files, questions moved to their type's file, stale files removed", () => {
  mkdirSync(join(dir, "criminal-law"));
  writeFileSync(join(dir, "criminal-law", "judge.yaml"), misplaced);
  writeFileSync(join(dir, "notes.txt"), "not a bank file");
  const before = loadBankDir(dir);
  expect(before.problems).toEqual([]);

  const changed = writeBankDir(dir, before.questions);
  expect(changed).toEqual(["criminal-law/judge.yaml", "criminal-law/single.yaml"]);
  expect(bankFiles(dir)).toEqual(["criminal-law/judge.yaml", "criminal-law/single.yaml"]);
  expect(readFileSync(join(dir, "criminal-law", "judge.yaml"), "utf8")).not.toContain("difficulty: 2\n  - ");
  expect(existsSync(join(dir, "notes.txt"))).toBe(true);

  const after = loadBankDir(dir);
  expect(after.problems).toEqual([]);
  expect(after.questions.map(bankQuestionOf)).toEqual(before.questions.map(bankQuestionOf));
  expect(writeBankDir(dir, after.questions)).toEqual([]); // already canonical
});

test("a file that no longer has questions is removed", () => {
  mkdirSync(join(dir, "criminal-law"));
  writeFileSync(join(dir, "criminal-law", "judge.yaml"), misplaced);
  writeBankDir(dir, loadBankDir(dir).questions.filter((q) => q.type === "single"));
  expect(bankFiles(dir)).toEqual(["criminal-law/single.yaml"]);
});
