// The bank on disk: read every *.yaml under a folder (parse + validate), or write the canonical files.
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { validateBank } from "../../app/domain/bank/validate.js";
import { formatBank } from "../../app/domain/bank/format.js";
import type { BankQuestion, ParsedQuestion, Problem } from "../../app/domain/bank/types.js";

export interface LoadedBank {
  questions: ParsedQuestion[];
  problems: Problem[];
}

/** Every *.yaml file under `dir`, as sorted paths relative to it (with `/`). */
export function bankFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".yaml") && statSync(join(dir, f)).isFile())
    .map((f) => f.split(sep).join("/"))
    .sort();
}

/** Parse and validate every file under `dir`; problems name files relative to `dir`. */
export function loadBankDir(dir: string): LoadedBank {
  return validateBank(bankFiles(dir).map((file) => ({ file, text: readFileSync(join(dir, file), "utf8") })));
}

/** Parse and validate a folder or a single file (named relative to its own folder). */
export function loadBankPath(path: string): LoadedBank & { base: string } {
  if (statSync(path).isDirectory()) return { ...loadBankDir(path), base: path };
  const base = dirname(path);
  return { ...validateBank([{ file: relative(base, path), text: readFileSync(path, "utf8") }]), base };
}

/**
 * Write `questions` as the canonical files under `dir`. Files that the canonical layout no longer
 * uses (a question moved to its topic's folder, a type emptied) are removed, so the folder holds
 * exactly these questions. Returns the paths written whose text changed.
 */
export function writeBankDir(dir: string, questions: readonly BankQuestion[]): string[] {
  const files = formatBank(questions);
  const keep = new Set(files.map((f) => f.path));
  const changed: string[] = [];
  mkdirSync(dir, { recursive: true });
  for (const old of bankFiles(dir))
    if (!keep.has(old)) {
      rmSync(join(dir, old));
      changed.push(old);
    }
  for (const f of files) {
    const path = join(dir, f.path);
    const before = (() => {
      try {
        return readFileSync(path, "utf8");
      } catch {
        return null;
      }
    })();
    if (before === f.text) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.text);
    changed.push(f.path);
  }
  return changed.sort();
}
