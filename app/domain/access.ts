// Who may do what (DESIGN.md §1), as one pure table. Every loader and action asks `allowed`
// through app/utils/guard.server.ts; scope (county, provider) is applied by app/data queries.
import type { Role } from "./vocabulary";

export type Capability =
  | "admin.manage" // accounts, counties, venues, enterprises, providers
  | "bank.read"
  | "bank.write"
  | "paper.manage" // blueprints, draws, seals — the exam content
  | "session.manage" // schedule sessions, release, regrade
  | "session.proctor" // own county's sessions only
  | "class.manage" // own provider's classes only
  | "class.read" // classes and rosters, read-only
  | "certificate.manage"
  | "report.read" // reports: auditors and the exam office
  | "audit.area"; // the auditor's own read-only area

const TABLE: Record<Capability, readonly Role[]> = {
  "admin.manage": ["ADMIN"],
  "bank.read": ["EXAMINER", "ADMIN"],
  "bank.write": ["EXAMINER"],
  "paper.manage": ["EXAMINER"],
  "session.manage": ["EXAMINER"],
  "session.proctor": ["PROCTOR"],
  "class.manage": ["PROVIDER"],
  "class.read": ["PROVIDER", "EXAMINER", "ADMIN", "AUDITOR"],
  "certificate.manage": ["EXAMINER"],
  "report.read": ["AUDITOR", "EXAMINER"],
  "audit.area": ["AUDITOR"],
};

export function allowed(role: Role, cap: Capability): boolean {
  return TABLE[cap].includes(role);
}

/** The landing area of each role. */
export const HOME: Record<Role, string> = {
  ADMIN: "/admin",
  EXAMINER: "/examiner",
  PROCTOR: "/proctor",
  PROVIDER: "/provider",
  AUDITOR: "/auditor",
};

/** A staff user as the policy sees it: role plus scope. */
export interface Actor {
  id: string;
  role: Role;
  countyId: string | null;
  providerId: string | null;
}

/** Scope: a proctor acts only in their county, a provider only on its own classes. */
export function inScope(actor: Actor, resource: { countyId?: string | null; providerId?: string | null }): boolean {
  if (actor.role === "PROCTOR") return !!actor.countyId && resource.countyId === actor.countyId;
  if (actor.role === "PROVIDER") return !!actor.providerId && resource.providerId === actor.providerId;
  return true;
}
