// The retraining-hours ledger (再培训学时台账), read side. A trainee's requirement for a year is
// the rule (RuleSet.retrainingHours) of the industry × category of their latest class up to that
// year; years before their first class are not counted. Credits of revoked certificates do not
// count (the rows stay, for the record).
import { loadRules } from "~/data/rules.server";
import { chinaYear, ledgerYears, retrainingStatus, type RetrainingStatus } from "~/domain/certificate";
import { findRule, type TrainingRule } from "~/domain/rules";
import type { Category, Industry } from "~/domain/vocabulary";
import { db } from "~/utils/db.server";

export interface LedgerRow {
  traineeId: string;
  name: string;
  idMasked: string;
  enterpriseId: string;
  enterprise: string;
  industry: Industry;
  category: Category;
  status: RetrainingStatus;
}

const traineeInclude = {
  enterprise: true,
  enrolments: { include: { class: true } },
  credits: { include: { certificate: { select: { status: true, number: true } } } },
} as const;

type TraineeFacts = Awaited<ReturnType<typeof loadTrainees>>[number];

async function loadTrainees(where: { id?: string; enterpriseId?: string }) {
  const p = await db();
  return p.trainee.findMany({ where, include: traineeInclude, orderBy: [{ enterpriseId: "asc" }, { name: "asc" }] });
}

const countedCredits = (t: TraineeFacts) => t.credits.filter((c) => !c.certificate || c.certificate.status === "VALID");

/** The class whose category sets the requirement in `year`: the latest one that year or before. */
function classFor(t: TraineeFacts, year: number) {
  return t.enrolments
    .map((e) => e.class)
    .filter((c) => c.year <= year)
    .sort((a, b) => b.year - a.year || b.startDate.getTime() - a.startDate.getTime())[0];
}

function rowOf(t: TraineeFacts, year: number, rules: TrainingRule[]): LedgerRow | null {
  const cls = classFor(t, year);
  if (!cls) return null;
  const industry = cls.industry as Industry;
  const category = cls.category as Category;
  const rule = findRule(rules, industry, category);
  return {
    traineeId: t.id,
    name: t.name,
    idMasked: t.idMasked,
    enterpriseId: t.enterpriseId,
    enterprise: t.enterprise.name,
    industry,
    category,
    status: retrainingStatus(countedCredits(t), rule.retrainingHours, year),
  };
}

export const thisYear = () => chinaYear(new Date());

/** Every trainee (of one enterprise, if given) with a class in or before `year`, and their status that year. */
export async function ledgerRows(year: number, opts: { enterpriseId?: string; shortOnly?: boolean } = {}): Promise<LedgerRow[]> {
  const [trainees, rules] = await Promise.all([loadTrainees(opts.enterpriseId ? { enterpriseId: opts.enterpriseId } : {}), loadRules(await db())]);
  const rows = trainees.map((t) => rowOf(t, year, rules)).filter((r): r is LedgerRow => r !== null);
  return (opts.shortOnly ? rows.filter((r) => !r.status.met) : rows).sort((a, b) => a.enterprise.localeCompare(b.enterprise, "zh") || a.name.localeCompare(b.name, "zh"));
}

/** Per enterprise: how many trainees are counted in `year`, how many met the requirement, how many are short. */
export function summarise(rows: LedgerRow[]) {
  const by = new Map<string, { enterpriseId: string; enterprise: string; trainees: number; met: number; short: number }>();
  for (const r of rows) {
    const s = by.get(r.enterpriseId) ?? { enterpriseId: r.enterpriseId, enterprise: r.enterprise, trainees: 0, met: 0, short: 0 };
    s.trainees++;
    if (r.status.met) s.met++;
    else s.short++;
    by.set(r.enterpriseId, s);
  }
  return [...by.values()].sort((a, b) => b.short - a.short || a.enterprise.localeCompare(b.enterprise, "zh"));
}

/** One trainee's ledger: every year from their first class to this year, and the credits behind it. */
export async function traineeLedger(traineeId: string) {
  const [t] = await loadTrainees({ id: traineeId });
  if (!t) return null;
  const rules = await loadRules(await db());
  const first = Math.min(...t.enrolments.map((e) => e.class.year), ...t.credits.map((c) => c.year), thisYear());
  const last = Math.max(thisYear(), ...t.credits.map((c) => c.year));
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i).filter((y) => classFor(t, y));
  const requirement = (y: number) => findRule(rules, classFor(t, y)!.industry as Industry, classFor(t, y)!.category as Category).retrainingHours;
  return {
    trainee: { id: t.id, name: t.name, idMasked: t.idMasked, enterprise: t.enterprise.name, enterpriseId: t.enterpriseId },
    years: ledgerYears(countedCredits(t), years, requirement).map((s) => ({ ...s, category: classFor(t, s.year)!.category as Category, industry: classFor(t, s.year)!.industry as Industry })),
    credits: t.credits
      .sort((a, b) => b.year - a.year || b.createdAt.getTime() - a.createdAt.getTime())
      .map((c) => ({ year: c.year, minutes: c.minutes, note: c.note, certificate: c.certificate?.number ?? null, counted: !c.certificate || c.certificate.status === "VALID" })),
  };
}

export async function enterprises() {
  const p = await db();
  return p.enterprise.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}
