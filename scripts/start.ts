// npm start: migrate, load the demo data into an empty database, build if needed, serve.
import { execFileSync } from "node:child_process";
import { DEFAULT_DATABASE_URL } from "../app/utils/db-url.js";
import { openEngine, applyAll } from "./lib/schema-engine.js";
import { buildIsStale } from "./lib/build-state.js";
import { DEMO_PASSWORD, USERS } from "../prisma/demo-data.js";

process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;
process.env.NODE_ENV ||= "production";
const url = process.env.DATABASE_URL;

const h = await openEngine(url);
try {
  const applied = await applyAll(h);
  if (applied.length) console.log(`database: applied ${applied.join(", ")}`);
} finally {
  await h.close();
}

const { db } = await import("../app/utils/db.server.js");
const prisma = await db();
const seeded = (await prisma.user.count()) === 0;
if (seeded) {
  const { seedDemo } = await import("../prisma/seed.js");
  const r = await seedDemo(prisma);
  console.log(`demo data: ${r.trainees} trainees in ${r.classes} classes`);
}
const { ensureBank, ensureDemoExams } = await import("./lib/demo-bank.js");
await ensureBank(prisma);
if (seeded) await ensureDemoExams(prisma);

if (buildIsStale()) {
  console.log("building the app…");
  execFileSync("npx", ["remix", "build"], { stdio: "inherit" });
}

const { startServer } = await import("./serve.js");
const s = await startServer();
console.log(`\nAnkao (安考) is running: http://localhost:${s.port}\n`);
console.log(`Demo accounts (password: ${DEMO_PASSWORD}):`);
for (const u of USERS) console.log(`  ${u.username.padEnd(18)} ${u.role}${"county" in u ? ` · ${u.county}` : ""}`);
console.log(`Kiosk for candidates: http://localhost:${s.port}/kiosk\n`);
