// Real ids for every $param of every route file, from the security world: for each id, whose it
// is (county, provider) so the matrix knows who may see it, and what an entitled caller gets.
import type { RouteFile } from "./routes";
import type { County, ProviderKey, World } from "./security-world";

/** Whose resource a probe names; only proctors and providers are scoped. */
export type Scope = { county?: County; provider?: ProviderKey } | null;
export interface Probe {
  params: Record<string, string>;
  scope: Scope;
  /** What an entitled, in-scope caller gets (default 200). */
  ok?: number | number[];
  label: string;
}

/** Refused: 403 and 404 both say nothing about the resource. */
export const OUT_OF_SCOPE = [403, 404];

export function probesFor(r: RouteFile, w: World): Probe[] {
  const { tieli, jiayin } = w.exams;
  const sessions = (k: "sessionId" | "paperId" | "snapshotId") => [
    { v: tieli[k], scope: { county: "tieli" as const, provider: "xingan" as const }, label: `铁力市 ${k}` },
    { v: jiayin[k], scope: { county: "jiayin" as const, provider: "linxing" as const }, label: `嘉荫县 ${k}` },
  ];
  const byProvider = (k: "classId" | "certificateId") => [
    { v: w.certs.xingan[k], scope: { provider: "xingan" as const }, label: `xingan ${k}` },
    { v: w.certs.linxing[k], scope: { provider: "linxing" as const }, label: `linxing ${k}` },
  ];
  const one = (param: string, rows: Array<{ v: string; scope: Scope; label: string; ok?: number | number[] }>): Probe[] =>
    rows.map((x) => ({ params: { [param]: x.v }, scope: x.scope, ok: x.ok, label: x.label }));
  const reports = (allowed: string[]) =>
    one("file", ["fee-list.xlsx", "fee-list.pdf", "acceptance.pdf", "passwd"].map((f) => ({ v: f, scope: null, label: f, ok: allowed.includes(f) ? 200 : 404 })));
  const missing = { scope: null, ok: 404, label: "no such id" };

  if (!r.params.length) return [{ params: {}, scope: null, label: "" }];
  switch (r.id) {
    case "admin.org.$kind":
      return one("kind", [...["counties", "venues", "enterprises", "providers"].map((k) => ({ v: k, scope: null, label: k })), { v: "users", ...missing }]);
    case "auditor.files.$file":
    case "examiner.reports.files.$file":
      return reports(["fee-list.xlsx", "fee-list.pdf", "acceptance.pdf"]);
    case "provider.reports.files.$file":
      return reports(["fee-list.xlsx", "fee-list.pdf"]);
    case "examiner.bank.$id":
      return one("id", [{ v: w.questionId, scope: null, label: "question" }, { v: "no-such-question", ...missing }]);
    case "examiner.certificates.$id.pdf":
    case "provider.certificates.$id.pdf":
      return one("id", [...byProvider("certificateId"), { v: "c0000000000000000000000", ...missing }]);
    case "examiner.certificates.class.$classId":
    case "provider.certificates.class.$classId":
      return one("classId", [...byProvider("classId"), { v: "no-such-class", ...missing }]);
    case "provider.classes.$id":
      return one("id", [...byProvider("classId"), { v: "no-such-class", ...missing }]);
    case "examiner.papers.$id":
    case "examiner.papers.$id.file":
      return one("id", [...sessions("paperId"), { v: "no-such-paper", ...missing }]);
    case "examiner.sessions.$id":
    case "examiner.sessions.$id.tickets":
    case "proctor.sessions.$id":
    case "proctor.sessions.$id.stream":
    case "proctor.sessions.$id.act":
    case "proctor.sessions.$id.record":
      // A proctor gets the same refusal for a missing session as for another county's.
      return one("id", [...sessions("sessionId"), { v: "no-such-session", ...missing, ok: r.id.startsWith("proctor.") ? OUT_OF_SCOPE : 404 }]);
    case "examiner.sessions.$id.seb":
      // The demo sessions do not require SEB, but the file is still valid for them.
      return one("id", [...sessions("sessionId"), { v: "no-such-session", ...missing }]);
    case "provider.tickets.$sessionId":
      return one("sessionId", [...sessions("sessionId"), { v: "no-such-session", ...missing }]);
    case "proctor.snapshots.$id":
      return one("id", [...sessions("snapshotId"), { v: "no-such-snapshot", ...missing, ok: OUT_OF_SCOPE }]);
    case "verify.$number":
      return one("number", [{ v: w.certs.xingan.number, scope: null, label: "certificate" }, { v: "YCYJ-1999-99999", ...missing }]);
    case "kiosk.api.$op":
      return one("op", [{ v: "state", scope: null, label: "state" }, { v: "paper", scope: null, label: "paper" }, { v: "nope", ...missing }]);
  }
  throw new Error(`${r.id}: no ids for ${r.params.join(", ")} — add them to probesFor()`);
}

