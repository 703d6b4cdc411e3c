import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** True when build/ is missing or older than any file under app/ or remix.config.js. */
export function buildIsStale(): boolean {
  if (!existsSync("build/index.js")) return true;
  const built = statSync("build/index.js").mtimeMs;
  return newest("app") > built || statSync("remix.config.js").mtimeMs > built;
}
