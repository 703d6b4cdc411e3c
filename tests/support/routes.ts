// Every route module in app/routes, read from the directory: its URL pattern under Remix's flat
// route convention, its $params, and whether it has a loader, an action or a page. The security
// suite probes them all, so a new route file is probed (and must be classified) automatically.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

export interface RouteFile {
  /** The route id: the file name without extension, e.g. `proctor.sessions.$id.act`. */
  id: string;
  /** e.g. `/proctor/sessions/:id/act` */
  pattern: string;
  params: string[];
  loader: boolean;
  action: boolean;
  /** No default export: a resource route (file, JSON, stream). */
  resource: boolean;
  /** Other routes nest under it (admin.tsx for admin.*). */
  layout: boolean;
}

/** Split a flat-route name on dots, except inside [escapes]. */
function segmentsOf(id: string): string[] {
  const out: string[] = [];
  let cur = "";
  let escaped = false;
  for (const ch of id) {
    if (ch === "[") escaped = true;
    else if (ch === "]") escaped = false;
    if (ch === "." && !escaped) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** A flat-route id → URL pattern: `_index` and `_layout` segments add nothing, `$x` is `:x`, `[.]` is literal. */
export function patternOf(id: string): string {
  const parts: string[] = [];
  for (const raw of segmentsOf(id)) {
    if (raw === "_index" || (raw.startsWith("_") && !raw.startsWith("_["))) continue;
    if (/^\(.*\)$/.test(raw)) throw new Error(`optional segment in ${id}: teach tests/support/routes.ts about it`);
    const seg = raw.replace(/_$/, "");
    if (seg === "$") parts.push("*");
    else if (seg.startsWith("$")) parts.push(`:${seg.slice(1)}`);
    else parts.push(seg.replace(/\[([^\]]*)\]/g, "$1"));
  }
  return "/" + parts.join("/");
}

export function routeFiles(dir = "app/routes"): RouteFile[] {
  const entries = readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      const file = ["route.tsx", "route.ts"].map((f) => join(p, f)).find(existsSync);
      return file ? [{ id: name, file }] : [];
    }
    return /\.(tsx?|jsx?)$/.test(name) ? [{ id: name.replace(/\.(tsx?|jsx?)$/, ""), file: p }] : [];
  });
  const ids = entries.map((e) => e.id);
  return entries
    .map(({ id, file }) => {
      const src = readFileSync(file, "utf8");
      const pattern = patternOf(id);
      return {
        id,
        pattern,
        params: [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1]),
        loader: /export\s+(async\s+)?function\s+loader\b|export\s+const\s+loader\b/.test(src),
        action: /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(src),
        resource: !/export\s+default\b/.test(src),
        layout: ids.some((other) => other.startsWith(id + ".")),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Fill a pattern's :params. */
export function urlOf(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/:(\w+)/g, (_, k: string) => {
    if (!(k in values)) throw new Error(`no value for :${k} in ${pattern}`);
    return encodeURIComponent(values[k]);
  });
}
