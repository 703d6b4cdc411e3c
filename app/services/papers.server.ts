// 按班次单独出卷: the examiner draws a separate paper for every class, seals it, verifies it,
// and draws one resit paper that shares no item with the first. Each action is one transaction.
import { randomBytes } from "node:crypto";
import { audit } from "~/data/audit.server";
import { ensureDefaultBlueprint, exposureMap, getPaper, paperOfRow, specOf, type DrawInputs } from "~/data/papers.server";
import { activeCurrentVersions, toVersionRef } from "~/data/questions.server";
import type { Actor } from "~/domain/access";
import { canonicalJson } from "~/domain/canonical";
import { drawPaper, verifyPaperHash, type Paper, type Shortfall } from "~/domain/draw";
import { CATEGORY_LABEL, INDUSTRY_LABEL, type Category, type Industry } from "~/domain/vocabulary";
import { db, type Tx } from "~/utils/db.server";

const by = (a: Actor) => ({ actorId: a.id, actorRole: a.role });
const newSeed = () => randomBytes(12).toString("hex");

export type DrawOutcome =
  | { ok: true; papers: Array<{ id: string; code: string; className: string; hash: string }> }
  | { ok: false; failures: Array<{ className: string; messages: string[] }> };

type ClassRow = { id: string; code: string; name: string; industry: string; category: string };

async function storePaper(tx: Tx, p: { paper: Paper; cls: ClassRow; kind: "FIRST" | "RESIT"; period: string; blueprintId: string; inputs: DrawInputs; basePaperId?: string }) {
  const code = `${p.period}-${p.cls.code}-${p.kind === "FIRST" ? "A" : "B"}`;
  const versionIds = new Map<string, string>();
  for (const v of await tx.questionVersion.findMany({
    where: { OR: p.paper.items.map((i) => ({ questionId: i.questionId, version: i.version })) },
    select: { id: true, questionId: true, version: true },
  }))
    versionIds.set(`${v.questionId}@${v.version}`, v.id);
  return tx.paper.create({
    data: {
      code,
      period: p.period,
      kind: p.kind,
      classId: p.cls.id,
      blueprintId: p.blueprintId,
      blueprintSpec: canonicalJson(p.paper.blueprint),
      seed: p.paper.seed,
      algorithm: p.paper.algorithm,
      hash: p.paper.hash,
      basePaperId: p.basePaperId ?? null,
      drawInputs: canonicalJson(p.inputs),
      items: {
        create: p.paper.items.map((i) => ({
          position: i.position,
          section: i.section,
          points: i.points,
          questionVersionId: versionIds.get(`${i.questionId}@${i.version}`)!,
        })),
      },
    },
  });
}

const classLabel = (c: ClassRow) => `${c.code} ${c.name}（${CATEGORY_LABEL[c.category as Category].zh}/${INDUSTRY_LABEL[c.industry as Industry].zh}）`;
const messagesOf = (s: Shortfall[]) => s.map((x) => x.message);

/**
 * Draw first-sitting papers for the chosen classes of a period, all or none: if the bank cannot
 * serve one class, nothing is written and every shortfall is reported.
 */
export async function drawFirstPapers(actor: Actor, input: { period: string; classIds: string[]; blueprintId?: string }): Promise<DrawOutcome> {
  const prisma = await db();
  return prisma.$transaction(
    async (tx) => {
      const blueprint = input.blueprintId ? await tx.blueprint.findUniqueOrThrow({ where: { id: input.blueprintId } }) : await ensureDefaultBlueprint(tx);
      const spec = specOf(blueprint);
      const bankRows = await activeCurrentVersions(tx);
      const bank = bankRows.map(toVersionRef);
      const bankVersionIds = bankRows.map((r) => r.id).sort();
      const exposure = await exposureMap(tx);
      const period = await tx.paper.findMany({ where: { period: input.period }, include: { items: { include: { questionVersion: { select: { questionId: true } } } } } });
      const periodPapers = period.map((p) => p.items.map((i) => i.questionVersion.questionId));
      const classes = await tx.trainingClass.findMany({ where: { id: { in: input.classIds } }, orderBy: { code: "asc" } });
      const drawn: Array<{ id: string; code: string; className: string; hash: string }> = [];
      const failures: Array<{ className: string; messages: string[] }> = [];
      for (const cls of classes) {
        if (period.some((p) => p.classId === cls.id && p.kind === "FIRST")) {
          failures.push({ className: classLabel(cls), messages: [`本期（${input.period}）已为该班次抽取试卷`] });
          continue;
        }
        const inputs: DrawInputs = { bankVersionIds, exclude: [], periodPapers: periodPapers.map((p) => [...p].sort()), exposure: Object.fromEntries([...exposure].sort()) };
        const r = drawPaper({ bank, blueprint: spec, industry: cls.industry as Industry, category: cls.category as Category, seed: newSeed(), periodPapers: inputs.periodPapers, exposure: inputs.exposure });
        if (!r.ok) {
          failures.push({ className: classLabel(cls), messages: messagesOf(r.shortfalls) });
          continue;
        }
        const row = await storePaper(tx, { paper: r.paper, cls, kind: "FIRST", period: input.period, blueprintId: blueprint.id, inputs });
        drawn.push({ id: row.id, code: row.code, className: classLabel(cls), hash: row.hash });
        const ids = r.paper.items.map((i) => i.questionId);
        periodPapers.push(ids);
        for (const id of ids) exposure.set(id, (exposure.get(id) ?? 0) + 1);
      }
      if (failures.length) throw new DrawFailed(failures);
      await audit(tx, { ...by(actor), action: "paper.draw", entity: "Paper", entityId: input.period, data: { papers: drawn.map((d) => d.code) } });
      return { ok: true as const, papers: drawn };
    },
    { timeout: 60_000 },
  ).catch((e) => {
    if (e instanceof DrawFailed) return { ok: false as const, failures: e.failures };
    throw e;
  });
}

class DrawFailed extends Error {
  constructor(public failures: Array<{ className: string; messages: string[] }>) {
    super("draw failed");
  }
}

/** One resit paper for a class: no item of its first paper when the blueprint says so. */
export async function drawResitPaper(actor: Actor, firstPaperId: string): Promise<DrawOutcome> {
  const prisma = await db();
  const first = await getPaper(prisma, firstPaperId);
  if (!first || first.kind !== "FIRST") return { ok: false, failures: [{ className: "", messages: ["只能为首次考试试卷抽取补考卷"] }] };
  if (await prisma.paper.findFirst({ where: { basePaperId: first.id } }))
    return { ok: false, failures: [{ className: classLabel(first.class), messages: ["该试卷的补考卷已抽取"] }] };
  return prisma.$transaction(async (tx) => {
    const spec = specOf(first.blueprint);
    const bankRows = await activeCurrentVersions(tx);
    const exposure = Object.fromEntries([...(await exposureMap(tx))].sort());
    const exclude = spec.resitNoOverlap ? first.items.map((i) => i.questionVersion.questionId).sort() : [];
    const inputs: DrawInputs = { bankVersionIds: bankRows.map((r) => r.id).sort(), exclude, periodPapers: [], exposure };
    const r = drawPaper({ bank: bankRows.map(toVersionRef), blueprint: spec, industry: first.class.industry as Industry, category: first.class.category as Category, seed: newSeed(), exclude, exposure });
    if (!r.ok) return { ok: false as const, failures: [{ className: classLabel(first.class), messages: messagesOf(r.shortfalls) }] };
    const row = await storePaper(tx, { paper: r.paper, cls: first.class, kind: "RESIT", period: first.period, blueprintId: first.blueprintId, inputs, basePaperId: first.id });
    await audit(tx, { ...by(actor), action: "paper.drawResit", entity: "Paper", entityId: row.id, data: { code: row.code, base: first.code } });
    return { ok: true as const, papers: [{ id: row.id, code: row.code, className: classLabel(first.class), hash: row.hash }] };
  });
}

/** Sealing makes a paper immutable; the stored hash is what everyone can re-derive. */
export async function sealPaper(actor: Actor, paperId: string) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const r = await tx.paper.updateMany({ where: { id: paperId, status: "DRAFT" }, data: { status: "SEALED", sealedAt: new Date(), sealedBy: actor.id } });
    if (r.count === 0) return { ok: false as const, message: "试卷不存在或已封存" };
    await audit(tx, { ...by(actor), action: "paper.seal", entity: "Paper", entityId: paperId });
    return { ok: true as const };
  });
}

/**
 * A draft can be discarded (and redrawn); a sealed paper never. Nor can a draft that anything
 * points at — a session, an attempt, a resit drawn against it: exam records are kept 5 years, so
 * this is the app's one delete of exam content, and only of a paper nobody has used.
 */
export async function discardDraft(actor: Actor, paperId: string) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const p = await tx.paper.findUnique({ where: { id: paperId } });
    if (!p || p.status !== "DRAFT") return { ok: false as const, message: "只能作废未封存的草稿试卷" };
    const sessions = await tx.sessionClass.count({ where: { paperId } });
    const attempts = await tx.attempt.count({ where: { paperId } });
    const resits = await tx.paper.count({ where: { basePaperId: paperId } });
    if (sessions || attempts || resits)
      return { ok: false as const, message: `该试卷已被使用（考试场次 ${sessions} 个、作答记录 ${attempts} 份、补考卷 ${resits} 份），须保存 5 年，不能作废` };
    await tx.paperItem.deleteMany({ where: { paperId } });
    await tx.paper.delete({ where: { id: paperId } });
    await audit(tx, { ...by(actor), action: "paper.discard", entity: "Paper", entityId: paperId, data: { code: p.code } });
    return { ok: true as const };
  });
}

export interface VerifyReport {
  stored: string;
  /** The hash of the stored items: has anything been edited since the draw? */
  items: string;
  /** The hash of a fresh draw from the stored inputs: is the draw what the algorithm gives? */
  rederived: string | null;
  ok: boolean;
  message: string;
}

export async function verifyPaper(paperId: string): Promise<VerifyReport | null> {
  const prisma = await db();
  const row = await getPaper(prisma, paperId);
  if (!row) return null;
  const paper = paperOfRow(row);
  const h = verifyPaperHash(paper);
  const inputs = JSON.parse(row.drawInputs) as DrawInputs;
  const versions = await prisma.questionVersion.findMany({ where: { id: { in: inputs.bankVersionIds ?? [] } } });
  const again = drawPaper({
    bank: versions.map(toVersionRef),
    blueprint: paper.blueprint,
    industry: paper.industry,
    category: paper.category,
    seed: paper.seed,
    exclude: inputs.exclude,
    periodPapers: inputs.periodPapers,
    exposure: inputs.exposure,
  });
  const rederived = again.ok ? again.paper.hash : null;
  const ok = h.ok && rederived === row.hash;
  const message = ok
    ? "一致：试卷内容未被改动，且可由存储的输入重新推导出同一试卷"
    : !h.ok
      ? `不一致：试卷题目已被改动（存储 ${h.stored.slice(0, 12)}…，实际 ${h.computed.slice(0, 12)}…）`
      : `不一致：由存储的输入重新抽取得到 ${rederived?.slice(0, 12) ?? "（失败）"}…`;
  return { stored: row.hash, items: h.computed, rederived, ok, message };
}

/** The paper as JSON with the rest of its draw inputs: what `npm run paper -- verify` reads. */
export async function paperExport(paperId: string) {
  const prisma = await db();
  const row = await getPaper(prisma, paperId);
  if (!row) return null;
  const inputs = JSON.parse(row.drawInputs) as DrawInputs;
  return { code: row.code, ...paperOfRow(row), inputs: { exclude: inputs.exclude, periodPapers: inputs.periodPapers, exposure: inputs.exposure } };
}
