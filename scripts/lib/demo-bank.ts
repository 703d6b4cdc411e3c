// Loads the shipped question bank into an empty bank, so a fresh install has questions.
import type { Db } from "../../app/utils/db.server.js";

export async function ensureBank(prisma: Db): Promise<void> {
  if ((await prisma.question.count()) > 0) return;
  const { loadBankDir } = await import("./bank-files.js").catch(() => ({ loadBankDir: null }));
  if (!loadBankDir) return;
  const { questions, problems } = await loadBankDir("question-bank");
  if (problems.length) {
    console.warn(`question bank: ${problems.length} problems, not imported (run npm run bank -- validate)`);
    return;
  }
  const { importBank } = await import("../../app/services/bank-import.server.js");
  const report = await importBank(questions, { actor: { id: "system", role: "ADMIN", countyId: null, providerId: null } });
  console.log(`question bank: ${report.added.length} questions imported`);
}

/** The demo's 2024 exam history (papers, graded sittings, certificates), once the bank is in. */
export async function ensureDemoExams(prisma: Db): Promise<void> {
  const { seedDemoExams } = await import("../../prisma/demo-exams.js");
  const r = await seedDemoExams(prisma);
  if (r.sessions) console.log(`demo exams: ${r.sessions} sessions of 2024 graded, ${r.certificates} certificates issued`);
}
