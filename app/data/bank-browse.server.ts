// Reading the bank for the examiner's workspace: a filtered, paginated list that filters on each
// question's current version (one indexed relation, so it stays fast at 10,000 questions), one
// question with its versions and where it was used, and the light rows the coverage matrix needs.
import type { Prisma } from "../generated/sqlite/client";
import { parseBlueprint, DEFAULT_BLUEPRINT, type BlueprintSpec } from "../domain/blueprint";
import type { CoverageQuestion } from "../domain/bank/coverage";
import { BANK_INDUSTRIES, CATEGORIES, QUESTION_TYPES, isOneOf, type BankIndustry, type Category, type QuestionType } from "../domain/vocabulary";
import { db } from "../utils/db.server";
import { QUESTION_STATUS, bankQuestionOfRow, contentOfRow, tagsOf } from "./questions.server";

export const PAGE_SIZE = 50;
export const STATUSES = ["ACTIVE", "RETIRED", "ALL"] as const;
export type StatusFilter = (typeof STATUSES)[number];

export interface BrowseFilter {
  q: string;
  type: QuestionType | "";
  topic: string;
  industry: BankIndustry | "";
  audience: Category | "";
  difficulty: number | null;
  status: StatusFilter;
  page: number;
}

/** Query string → filter; anything unknown is dropped, never trusted. */
export function browseFilterOf(params: URLSearchParams): BrowseFilter {
  const get = (k: string) => (params.get(k) ?? "").trim();
  const d = Number(get("difficulty"));
  const status = get("status");
  const page = Math.floor(Number(get("page")));
  return {
    q: get("q").slice(0, 100),
    type: isOneOf(QUESTION_TYPES, get("type")) ? (get("type") as QuestionType) : "",
    topic: get("topic").slice(0, 50),
    industry: isOneOf(BANK_INDUSTRIES, get("industry")) ? (get("industry") as BankIndustry) : "",
    audience: isOneOf(CATEGORIES, get("audience")) ? (get("audience") as Category) : "",
    difficulty: Number.isInteger(d) && d >= 1 && d <= 5 ? d : null,
    status: isOneOf(STATUSES, status) ? status : "ACTIVE",
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/**
 * Prisma's `contains` passes % and _ through to LIKE as wildcards, so a search holding them
 * finds its matches with an escaped LIKE (same SQL on SQLite and PostgreSQL) and filters by id.
 */
async function literalMatches(term: string): Promise<string[] | null> {
  if (!/[%_\\]/.test(term)) return null;
  const pattern = `%${term.replace(/[\\%_]/g, "\\$&")}%`;
  const client = await db();
  const rows = await client.$queryRaw<Array<{ id: string }>>`
    SELECT q."id" AS id FROM "Question" q JOIN "QuestionVersion" v ON v."id" = q."currentVersionId"
    WHERE v."stem" LIKE ${pattern} ESCAPE '\\' OR q."id" LIKE ${pattern} ESCAPE '\\'`;
  return rows.map((r) => r.id);
}

export async function whereFor(f: BrowseFilter): Promise<Prisma.QuestionWhereInput> {
  const ids = f.q ? await literalMatches(f.q) : null;
  return whereOf(f, ids);
}

export function whereOf(f: BrowseFilter, literalIds: string[] | null = null): Prisma.QuestionWhereInput {
  const current: Prisma.QuestionVersionWhereInput = {};
  if (f.type) current.type = f.type;
  if (f.topic) current.topic = f.topic;
  if (f.difficulty) current.difficulty = f.difficulty;
  const and: Prisma.QuestionVersionWhereInput[] = [];
  if (f.industry) and.push({ industries: { contains: `,${f.industry},` } });
  if (f.audience) and.push({ audiences: { contains: `,${f.audience},` } });
  if (and.length) current.AND = and;
  const where: Prisma.QuestionWhereInput = { current: { is: current } };
  if (f.status !== "ALL") where.status = f.status;
  if (literalIds) where.id = { in: literalIds };
  else if (f.q) where.OR = [{ id: { contains: f.q } }, { current: { is: { stem: { contains: f.q } } } }];
  return where;
}

export async function browseQuestions(f: BrowseFilter) {
  const client = await db();
  const where = await whereFor(f);
  const total = await client.question.count({ where });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(f.page, pages);
  const rows = await client.question.findMany({
    where,
    include: { current: true },
    orderBy: { id: "asc" },
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
  });
  const exposure = await exposureOf(rows.map((r) => r.id));
  return {
    total,
    page,
    pages,
    rows: rows.flatMap((r) =>
      r.current
        ? [{
            id: r.id,
            status: r.status,
            version: r.currentVersion,
            type: r.current.type as QuestionType,
            topic: r.current.topic,
            stem: r.current.stem,
            industry: tagsOf(r.current.industries) as BankIndustry[],
            audience: tagsOf(r.current.audiences) as Category[],
            difficulty: r.current.difficulty,
            exposure: exposure.get(r.id) ?? 0,
          }]
        : [],
    ),
  };
}

/** Question id → number of PaperItem rows that pin any of its versions. */
export async function exposureOf(ids: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!ids.length) return out;
  const client = await db();
  const versions = await client.questionVersion.findMany({ where: { questionId: { in: [...ids] } }, select: { id: true, questionId: true } });
  const owner = new Map(versions.map((v) => [v.id, v.questionId]));
  const counts = await client.paperItem.groupBy({
    by: ["questionVersionId"],
    where: { questionVersionId: { in: versions.map((v) => v.id) } },
    _count: { _all: true },
  });
  for (const c of counts) {
    const id = owner.get(c.questionVersionId)!;
    out.set(id, (out.get(id) ?? 0) + c._count._all);
  }
  return out;
}

/** Topics present in the bank, for the filter list. */
export async function bankTopics(): Promise<string[]> {
  const client = await db();
  const rows = await client.questionVersion.findMany({ distinct: ["topic"], select: { topic: true }, orderBy: { topic: "asc" } });
  return rows.map((r) => r.topic);
}

/** One question: every version (newest first), the papers that pin them, and its audit trail. */
export async function questionDetail(id: string) {
  const client = await db();
  const q = await client.question.findUnique({ where: { id }, include: { versions: { orderBy: { version: "desc" } } } });
  if (!q) return null;
  const items = await client.paperItem.findMany({
    where: { questionVersion: { questionId: id } },
    select: {
      position: true,
      voided: true,
      questionVersion: { select: { version: true } },
      paper: { select: { id: true, code: true, period: true, kind: true, status: true, createdAt: true, class: { select: { code: true, name: true } } } },
    },
    orderBy: { paper: { createdAt: "desc" } },
  });
  const papers = new Map<string, { code: string; period: string; kind: string; status: string; className: string; classCode: string; versions: number[]; positions: number[]; voided: boolean }>();
  for (const it of items) {
    const p = papers.get(it.paper.id) ?? {
      code: it.paper.code,
      period: it.paper.period,
      kind: it.paper.kind,
      status: it.paper.status,
      className: it.paper.class.name,
      classCode: it.paper.class.code,
      versions: [],
      positions: [],
      voided: false,
    };
    if (!p.versions.includes(it.questionVersion.version)) p.versions.push(it.questionVersion.version);
    p.positions.push(it.position);
    p.voided ||= !!it.voided;
    papers.set(it.paper.id, p);
  }
  const perVersion = new Map<number, number>();
  for (const it of items) perVersion.set(it.questionVersion.version, (perVersion.get(it.questionVersion.version) ?? 0) + 1);

  const authors = new Map(
    (await client.user.findMany({ where: { id: { in: [...new Set(q.versions.map((v) => v.createdBy))] } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]),
  );
  const trail = await client.auditLog.findMany({
    where: { entity: "Question", entityId: id },
    orderBy: { id: "desc" },
    take: 50,
    select: { at: true, action: true, actorId: true, reason: true },
  });
  const actors = new Map(
    (await client.user.findMany({ where: { id: { in: [...new Set(trail.flatMap((t) => (t.actorId ? [t.actorId] : [])))] } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]),
  );

  return {
    id: q.id,
    status: q.status,
    currentVersion: q.currentVersion,
    exposure: items.length,
    versions: q.versions.map((v) => ({
      version: v.version,
      contentHash: v.contentHash,
      createdAt: v.createdAt.toISOString(),
      createdBy: authors.get(v.createdBy) ?? v.createdBy,
      exposure: perVersion.get(v.version) ?? 0,
      question: bankQuestionOfRow(v),
    })),
    papers: [...papers.values()],
    trail: trail.map((t) => ({ at: t.at.toISOString(), action: t.action, actor: (t.actorId && actors.get(t.actorId)) || t.actorId || "", reason: t.reason })),
  };
}

/** The current content of a question (for the edit form), or null. */
export async function currentQuestion(id: string) {
  const client = await db();
  const q = await client.question.findUnique({ where: { id }, include: { current: true } });
  if (!q?.current) return null;
  return { status: q.status, version: q.currentVersion, question: bankQuestionOfRow(q.current) };
}

/** The current version of every question matching the filter, as bank questions (the export). */
export async function filteredQuestions(f: BrowseFilter) {
  const client = await db();
  const rows = await client.question.findMany({ where: await whereFor(f), include: { current: true }, orderBy: { id: "asc" } });
  return rows.flatMap((r) => (r.current ? [bankQuestionOfRow(r.current)] : []));
}

/** What the coverage matrix needs of every ACTIVE question's current version. */
export async function coverageQuestions(): Promise<CoverageQuestion[]> {
  const client = await db();
  const rows = await client.questionVersion.findMany({
    where: { currentOf: { is: { status: QUESTION_STATUS.ACTIVE } } },
    select: { type: true, topic: true, industries: true, audiences: true, difficulty: true },
  });
  return rows.map((r) => ({
    type: r.type as QuestionType,
    topic: r.topic,
    industry: tagsOf(r.industries) as BankIndustry[],
    audience: tagsOf(r.audiences) as Category[],
    difficulty: r.difficulty,
  }));
}

/** Current stems of ACTIVE questions other than `except`, for the near-duplicate check. */
export async function activeStems(except: ReadonlySet<string>): Promise<Array<{ id: string; stem: string }>> {
  const client = await db();
  const rows = await client.questionVersion.findMany({
    where: { currentOf: { is: { status: QUESTION_STATUS.ACTIVE } } },
    select: { questionId: true, stem: true },
    orderBy: { questionId: "asc" },
  });
  return rows.filter((r) => !except.has(r.questionId)).map((r) => ({ id: r.questionId, stem: r.stem }));
}

/** Current content of these questions, by id (the upload preview's "what changes"). */
export async function currentContents(ids: readonly string[]) {
  if (!ids.length) return new Map<string, ReturnType<typeof contentOfRow>>();
  const client = await db();
  const rows = await client.question.findMany({ where: { id: { in: [...ids] } }, include: { current: true } });
  return new Map(rows.flatMap((r) => (r.current ? [[r.id, contentOfRow(r.current)] as const] : [])));
}

/** Ids of questions with an id pattern, to suggest the next id of a topic and type. */
export async function idsOf(topic: string, type: QuestionType): Promise<string[]> {
  const client = await db();
  const rows = await client.question.findMany({ where: { current: { is: { topic, type } } }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** The blueprint the coverage matrix measures against: the default one in the database, else the national default. */
export async function coverageBlueprints(): Promise<Array<{ id: string; name: string; spec: BlueprintSpec; isDefault: boolean }>> {
  const client = await db();
  const rows = await client.blueprint.findMany({ orderBy: [{ isDefault: "desc" }, { name: "asc" }] });
  const parsed = rows.flatMap((r) => {
    let raw: unknown;
    try {
      raw = JSON.parse(r.spec);
    } catch {
      return [];
    }
    const p = parseBlueprint(raw);
    return p.ok ? [{ id: r.id, name: r.name, spec: p.spec, isDefault: r.isDefault }] : [];
  });
  const builtIn = { id: "national", name: DEFAULT_BLUEPRINT.name, spec: DEFAULT_BLUEPRINT, isDefault: !parsed.some((p) => p.isDefault) };
  return parsed.some((p) => p.isDefault) ? [...parsed, builtIn] : [builtIn, ...parsed];
}
