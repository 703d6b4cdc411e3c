// npm run seed: load the demo data into an empty, migrated database (npm start does this itself).
import { DEFAULT_DATABASE_URL } from "../app/utils/db-url.js";

process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;
const { db } = await import("../app/utils/db.server.js");
const prisma = await db();
if ((await prisma.user.count()) > 0) {
  console.error("seed: the database already has data; nothing done (the demo loads only into an empty database)");
  process.exitCode = 1;
} else {
  const { seedDemo } = await import("../prisma/seed.js");
  const r = await seedDemo(prisma);
  const { ensureBank, ensureDemoExams } = await import("./lib/demo-bank.js");
  await ensureBank(prisma);
  await ensureDemoExams(prisma);
  console.log(`seed: ${r.trainees} trainees in ${r.classes} classes`);
}
await prisma.$disconnect();
