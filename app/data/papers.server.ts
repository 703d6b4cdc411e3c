// Papers and blueprints as stored rows ↔ the domain's Paper. Only EXAMINER code reads these.
import { DEFAULT_BLUEPRINT, parseBlueprint, type BlueprintSpec } from "~/domain/blueprint";
import { canonicalJson } from "~/domain/canonical";
import { DRAW_ALGORITHM, type Paper } from "~/domain/draw";
import type { QuestionType, Category, Industry } from "~/domain/vocabulary";
import type { Db, Tx } from "~/utils/db.server";

export interface DrawInputs {
  bankVersionIds: string[];
  exclude: string[];
  periodPapers: string[][];
  exposure: Record<string, number>;
}

/** The default blueprint exists from the first start on. */
export async function ensureDefaultBlueprint(client: Db | Tx) {
  const found = await client.blueprint.findFirst({ where: { isDefault: true } });
  return found ?? client.blueprint.create({ data: { name: DEFAULT_BLUEPRINT.name, spec: canonicalJson(DEFAULT_BLUEPRINT), isDefault: true } });
}

export function specOf(row: { spec: string }): BlueprintSpec {
  const r = parseBlueprint(JSON.parse(row.spec));
  if (!r.ok) throw new Error(`stored blueprint is invalid: ${r.problems.map((p) => p.message).join("; ")}`);
  return r.spec;
}

type PaperRow = {
  seed: string;
  algorithm: string;
  hash: string;
  blueprintSpec: string;
  class: { industry: string; category: string };
  items: Array<{ position: number; section: string; points: number; questionVersionId: string; questionVersion: { questionId: string; version: number; contentHash: string } }>;
};

/** The stored paper in the domain's shape (what the hash covers). */
export function paperOfRow(row: PaperRow): Paper {
  return {
    algorithm: row.algorithm || DRAW_ALGORITHM,
    seed: row.seed,
    industry: row.class.industry as Industry,
    category: row.class.category as Category,
    blueprint: JSON.parse(row.blueprintSpec) as BlueprintSpec,
    items: [...row.items]
      .sort((a, b) => a.position - b.position)
      .map((i) => ({
        position: i.position,
        section: i.section as QuestionType,
        questionId: i.questionVersion.questionId,
        version: i.questionVersion.version,
        contentHash: i.questionVersion.contentHash,
        points: i.points,
      })),
    hash: row.hash,
  };
}

export const paperInclude = {
  class: { include: { provider: true } },
  blueprint: true,
  items: { orderBy: { position: "asc" as const }, include: { questionVersion: true } },
} as const;

export async function getPaper(client: Db, id: string) {
  return client.paper.findUnique({ where: { id }, include: paperInclude });
}

/** questionId → how many papers have used it (Moodle's "least used" signal). */
export async function exposureMap(client: Db | Tx): Promise<Map<string, number>> {
  const rows = await client.paperItem.findMany({ select: { questionVersion: { select: { questionId: true } } } });
  const m = new Map<string, number>();
  for (const r of rows) m.set(r.questionVersion.questionId, (m.get(r.questionVersion.questionId) ?? 0) + 1);
  return m;
}
