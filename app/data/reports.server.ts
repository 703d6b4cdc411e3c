// What the reports read: enrolment facts (hours, released sittings, certificates), the plan,
// incidents and item observations. Read-only. A PROVIDER sees only its own classes' rows.
import type { Actor } from "~/domain/access";
import { chinaDate } from "~/domain/certificate";
import type { BlueprintSpec, MultipleScoring } from "~/domain/blueprint";
import type { Answer } from "~/domain/question";
import type { EnrolmentFact, PlanFact, SittingFact } from "~/domain/reports/facts";
import type { ItemObservation } from "~/domain/reports/items";
import { findRule } from "~/domain/rules";
import { totalsOf } from "~/domain/eligibility";
import type { Category, Industry, QuestionType } from "~/domain/vocabulary";
import { loadRules } from "./rules.server";
import { db } from "~/utils/db.server";
import { classScope } from "~/data/classes.server";

const RELEASED = { resultsReleasedAt: { not: null } } as const;

/** Years with classes or a plan, newest first. */
export async function reportYears(actor: Actor): Promise<number[]> {
  const p = await db();
  const [classes, plans] = await Promise.all([
    p.trainingClass.findMany({ where: classScope(actor), select: { year: true }, distinct: ["year"] }),
    actor.role === "PROVIDER" ? Promise.resolve([]) : p.trainingPlan.findMany({ select: { year: true }, distinct: ["year"] }),
  ]);
  return [...new Set([...classes, ...plans].map((r) => r.year))].sort((a, b) => b - a);
}

/** The year asked for in `?year=`, else the newest with data; null when there is no data. */
export function pickYear(years: number[], asked: string | null): number | null {
  const y = Number(asked);
  return asked && years.includes(y) ? y : years[0] ?? null;
}

/** One fact per enrolment (withdrawn ones excluded) of `year` (or every year), scoped. */
export async function loadFacts(actor: Actor, year: number | null): Promise<EnrolmentFact[]> {
  const p = await db();
  const [rows, rules] = await Promise.all([
    p.enrolment.findMany({
      where: { status: { not: "WITHDRAWN" }, class: { ...classScope(actor), ...(year ? { year } : {}) } },
      orderBy: [{ class: { code: "asc" } }, { createdAt: "asc" }],
      include: {
        class: { include: { provider: { select: { name: true } } } },
        trainee: { include: { enterprise: { include: { county: { select: { name: true } } } } } },
        records: { select: { mode: true, minutes: true } },
        registrations: {
          where: { session: RELEASED },
          include: { session: { select: { id: true, code: true, startsAt: true } }, attempt: { select: { state: true, score: true, maxScore: true, passed: true } } },
        },
        certificate: { select: { number: true, status: true, issuedAt: true, revokedAt: true } },
      },
    }),
    loadRules(p),
  ]);
  return rows.map((e) => {
    const c = e.class;
    const ent = e.trainee.enterprise;
    const sittings: SittingFact[] = e.registrations.map((r) => {
      const a = r.attempt;
      const graded = !r.absent && !!a && a.score !== null && (a.state === "SUBMITTED" || a.state === "TERMINATED");
      return {
        sessionId: r.session.id,
        sessionCode: r.session.code,
        date: chinaDate(r.session.startsAt),
        sitting: r.sitting === 2 ? 2 : 1,
        absent: !graded,
        score: graded ? a!.score : null,
        maxScore: graded ? a!.maxScore : null,
        passed: graded && a!.state === "SUBMITTED" && a!.passed === true,
      };
    });
    return {
      enrolmentId: e.id,
      traineeId: e.traineeId,
      name: e.trainee.name,
      idMasked: e.trainee.idMasked,
      year: c.year,
      industry: c.industry as Industry,
      category: c.category as Category,
      classId: c.id,
      classCode: c.code,
      className: c.name,
      providerId: c.providerId,
      providerName: c.provider.name,
      enterpriseId: ent.id,
      enterpriseName: ent.name,
      countyId: ent.countyId,
      countyName: ent.county.name,
      hours: totalsOf(e.records),
      rule: findRule(rules, c.industry as Industry, c.category as Category),
      sittings,
      certificate: e.certificate
        ? {
            number: e.certificate.number,
            status: e.certificate.status === "REVOKED" ? "REVOKED" : "VALID",
            issuedAt: chinaDate(e.certificate.issuedAt),
            revokedAt: e.certificate.revokedAt ? chinaDate(e.certificate.revokedAt) : null,
          }
        : null,
    };
  });
}

/** The yearly plan (of `year`, or all years). Providers have no plan of their own. */
export async function loadPlans(actor: Actor, year: number | null): Promise<PlanFact[]> {
  if (actor.role === "PROVIDER") return [];
  const p = await db();
  const rows = await p.trainingPlan.findMany({ where: year ? { year } : {}, orderBy: [{ year: "desc" }] });
  return rows.map((r) => ({ year: r.year, industry: r.industry as Industry, category: r.category as Category, planned: r.planned }));
}

/** Incidents written in the sessions that examined `year`'s classes. */
export async function loadIncidents(year: number): Promise<Array<{ category: string }>> {
  const p = await db();
  return p.incident.findMany({ where: { session: { classes: { some: { class: { year } } } } }, select: { category: true } });
}

/**
 * Every item of every graded attempt in a released session (optionally of one year's classes),
 * with the candidate's answer: the input of the item statistics.
 */
export async function loadItemObservations(year: number | null): Promise<ItemObservation[]> {
  const p = await db();
  const attempts = await p.attempt.findMany({
    where: {
      state: "SUBMITTED",
      score: { not: null },
      registration: { absent: false, session: RELEASED },
      ...(year ? { paper: { class: { year } } } : {}),
    },
    select: {
      id: true,
      score: true,
      paperId: true,
      responses: { select: { position: true, answer: true } },
    },
  });
  const paperIds = [...new Set(attempts.map((a) => a.paperId))];
  const papers = await p.paper.findMany({
    where: { id: { in: paperIds } },
    select: {
      id: true,
      blueprintSpec: true,
      items: { select: { position: true, points: true, voided: true, questionVersion: { select: { questionId: true, version: true, type: true, options: true, answer: true } } } },
    },
  });
  const byPaper = new Map(papers.map((x) => [x.id, x]));
  const out: ItemObservation[] = [];
  for (const a of attempts) {
    const paper = byPaper.get(a.paperId);
    if (!paper) continue;
    const scoring = scoringOf(paper.blueprintSpec);
    const answers = new Map(a.responses.map((r) => [r.position, parseJson(r.answer)]));
    for (const it of paper.items) {
      const v = it.questionVersion;
      out.push({
        attemptId: a.id,
        total: a.score ?? 0,
        questionId: v.questionId,
        version: v.version,
        type: v.type as QuestionType,
        points: it.points,
        key: parseJson(v.answer) as Answer,
        optionCount: (parseJson(v.options) as unknown[] | null)?.length ?? 0,
        answer: answers.get(it.position),
        scoring,
        voided: it.voided,
      });
    }
  }
  return out;
}

/** Stem and topic of the current version of each question, for labelling statistics. */
export async function questionLabels(ids: string[]): Promise<Map<string, { stem: string; topic: string; options: string[] }>> {
  const p = await db();
  const rows = await p.question.findMany({ where: { id: { in: ids } }, select: { id: true, current: { select: { stem: true, topic: true, options: true } } } });
  return new Map(rows.map((r) => [r.id, { stem: r.current?.stem ?? "", topic: r.current?.topic ?? "", options: (parseJson(r.current?.options ?? "[]") as string[] | null) ?? [] }]));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The paper's multiple-choice rule, as the grader reads it (app/services/grade.server.ts). */
function scoringOf(spec: string): MultipleScoring {
  return (parseJson(spec) as Partial<BlueprintSpec> | null)?.multipleScoring ?? { mode: "ALL_OR_NOTHING" };
}
