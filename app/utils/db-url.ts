// Database URL handling shared by the app and the scripts: which provider a URL means,
// and where a SQLite file lives.
import { resolve } from "node:path";

export type Provider = "sqlite" | "postgresql";

export const DEFAULT_DATABASE_URL = "file:./data/ankao.db";

export function providerOf(url: string): Provider {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (/^file:/i.test(url)) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${url.split(":")[0]}:…"`);
}

/** `file:./data/ankao.db` → absolute path (relative to the working directory, like Prisma). */
export function sqlitePath(url: string): string {
  const p = url.replace(/^file:/i, "").replace(/\?.*$/, "");
  return p === ":memory:" ? p : resolve(p);
}
