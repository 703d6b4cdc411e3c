// npm run -s cert -- <rotate-key | keys | verify NUMBER>
// Certificate signing keys (DATA_DIR/keys/certs) and checking a certificate from the command line.
import { DEFAULT_DATABASE_URL } from "../app/utils/db-url.js";

const USAGE = `usage: npm run -s cert -- <command>
  rotate-key      make a new current signing key; old keys stay and keep verifying their certificates
  keys            list the signing keys (id, current, created) as published at /verify/keys.json
  verify NUMBER   check a stored certificate: signature against its key id, and its status
                  (exit 0 valid, 1 revoked/invalid/unknown)`;

const [cmd, arg] = process.argv.slice(2);
process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;

if (cmd === "rotate-key") {
  const { rotateKey } = await import("../app/utils/cert-keys.server.js");
  const r = rotateKey();
  console.log(`new current key ${r.kid}${r.previous ? ` (previous ${r.previous} kept for verification)` : ""}`);
} else if (cmd === "keys") {
  const { publicKeys } = await import("../app/utils/cert-keys.server.js");
  for (const k of publicKeys()) console.log(`${k.kid}  ${k.current ? "current" : "       "}  ${k.createdAt}`);
} else if (cmd === "verify" && arg) {
  const { verifyCertificate } = await import("../app/services/certificates.server.js");
  const { db } = await import("../app/utils/db.server.js");
  const r = await verifyCertificate(arg);
  if (r.status === "unknown") console.log(`${arg}: unknown (未找到)`);
  else if (r.status === "invalid") console.log(`${arg}: INVALID — ${r.reason}`);
  else {
    console.log(`${arg}: ${r.status === "valid" ? "valid (有效)" : `revoked (已撤销 ${r.revokedAt})`}, signature ok with key ${r.keyId}`);
    const d = r.details;
    console.log(`  ${d.name} ${d.idMasked} · ${d.enterprise} · ${d.category}（${d.industry}）· ${d.classCode} · ${d.totalHours} 学时 · 考试 ${d.examDate} · ${d.issuer} ${d.issueDate}`);
  }
  process.exitCode = r.status === "valid" ? 0 : 1;
  await (await db()).$disconnect();
} else {
  console.error(USAGE);
  process.exitCode = cmd === "help" || cmd === "-h" || cmd === "--help" ? 0 : 2;
}
