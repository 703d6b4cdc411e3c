// npm run -s audit -- verify [--head HASH]
// Checks the hash-chained audit log (app/domain/audit-chain.ts): exit 0 when every row links to
// the one before and matches its own hash; exit 1 naming the first bad row and why.
import { parseArgs } from "node:util";
import { DEFAULT_DATABASE_URL } from "../app/utils/db-url.js";
import { describeChain, verifyAuditLog } from "./lib/audit-verify.js";

const USAGE = `usage: npm run -s audit -- verify [--head HASH]
  verify           walk the audit log in id order: every row must match its own hash and link to
                   the row before it. Exit 0 intact, 1 broken (the first bad row id and why).
  --head HASH      also require that HASH — a head hash recorded earlier, e.g. printed by
                   \`npm run backup\` — is still in the chain (the log was not cut back or rewritten
                   past it).`;

const { positionals, values } = parseArgs({ allowPositionals: true, options: { head: { type: "string" }, help: { type: "boolean", short: "h" } } });
process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;

if (values.help || positionals[0] !== "verify") {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}

const { db } = await import("../app/utils/db.server.js");
const prisma = await db();
try {
  const r = await verifyAuditLog(prisma);
  console.log(describeChain(r));
  let ok = r.ok;
  if (ok && values.head) {
    const anchor = await prisma.auditLog.findFirst({ where: { hash: values.head.toLowerCase() }, select: { id: true } });
    if (anchor) console.log(`recorded head ${values.head.slice(0, 12)}… is row ${anchor.id}: still in the chain`);
    else {
      console.log(`recorded head ${values.head.slice(0, 12)}… is NOT in the chain: rows were deleted from the end or the log was rewritten`);
      ok = false;
    }
  }
  process.exitCode = ok ? 0 : 1;
} finally {
  await prisma.$disconnect();
}
