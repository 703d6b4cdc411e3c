// Blueprints (组卷规则): the examiner's form becomes a spec, validated by the domain before it is kept.
import { audit } from "~/data/audit.server";
import { parseBlueprint, DIFFICULTIES, type BlueprintInput } from "~/domain/blueprint";
import type { Actor } from "~/domain/access";
import { canonicalJson } from "~/domain/canonical";
import { QUESTION_TYPES, REQUIRED_LAWS } from "~/domain/vocabulary";
import { db } from "~/utils/db.server";

const num = (form: FormData, k: string) => {
  const v = String(form.get(k) ?? "").trim();
  return v === "" ? NaN : Number(v);
};

/** The form's fields → a blueprint input. Percentages in the form, shares in the spec. */
export function blueprintFromForm(form: FormData): BlueprintInput {
  const partial = form.get("multipleMode") === "PARTIAL";
  return {
    name: String(form.get("name") ?? "").trim(),
    sections: QUESTION_TYPES.filter((t) => num(form, `${t}.count`) > 0).map((t) => ({ type: t, count: num(form, `${t}.count`), pointsPerItem: num(form, `${t}.points`) })),
    totalPoints: num(form, "totalPoints"),
    passMark: num(form, "passMark"),
    durationMin: num(form, "durationMin"),
    multipleScoring: partial ? { mode: "PARTIAL", perCorrectShare: num(form, "perCorrectShare") / 100 } : { mode: "ALL_OR_NOTHING" },
    topicMinimums: REQUIRED_LAWS.filter((law) => num(form, `min.${law}`) > 0).map((topic) => ({ topic, min: num(form, `min.${topic}`) })),
    difficultyMix: Object.fromEntries(DIFFICULTIES.map((d) => [d, num(form, `mix.${d}`) / 100])),
    maxOverlapWithPeriod: num(form, "maxOverlap") / 100,
    resitNoOverlap: form.get("resitNoOverlap") === "on",
  };
}

export async function saveBlueprint(actor: Actor, input: BlueprintInput, id?: string) {
  const parsed = parseBlueprint(input);
  if (!parsed.ok) return { ok: false as const, problems: parsed.problems.map((p) => p.message) };
  const prisma = await db();
  const clash = await prisma.blueprint.findFirst({ where: { name: parsed.spec.name, ...(id ? { id: { not: id } } : {}) } });
  if (clash) return { ok: false as const, problems: [`已有名为“${parsed.spec.name}”的组卷规则`] };
  const row = await prisma.$transaction(async (tx) => {
    const data = { name: parsed.spec.name, spec: canonicalJson(parsed.spec) };
    const r = id ? await tx.blueprint.update({ where: { id }, data }) : await tx.blueprint.create({ data });
    await audit(tx, { actorId: actor.id, actorRole: actor.role, action: id ? "blueprint.update" : "blueprint.create", entity: "Blueprint", entityId: r.id, data: parsed.spec });
    return r;
  });
  return { ok: true as const, id: row.id };
}

export async function makeDefault(actor: Actor, id: string) {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    await tx.blueprint.updateMany({ where: { isDefault: true }, data: { isDefault: false } });
    await tx.blueprint.update({ where: { id }, data: { isDefault: true } });
    await audit(tx, { actorId: actor.id, actorRole: actor.role, action: "blueprint.default", entity: "Blueprint", entityId: id });
  });
}
