// The demo's history: the 2024 classes have sat their exams. Papers are drawn and sealed with the
// real services; candidates' answers are generated (seeded) and graded by the real grader;
// results are released and certificates issued. 2025 is left for the tour to examine.
import seedrandom from "seedrandom";
import type { Actor } from "../app/domain/access";
import type { Answer } from "../app/domain/question";
import type { Db } from "../app/utils/db.server";
import { contentOfRow } from "../app/data/questions.server";
import { drawFirstPapers, sealPaper } from "../app/services/papers.server";
import { gradeAndStore } from "../app/services/grade.server";
import { issueForClass } from "../app/services/certificates.server";

const DAY = 86400_000;

/** A plausible answer: right with probability p, else a wrong one. */
function answerFor(rng: () => number, q: { type: string; options: string[]; answer: Answer }, p: number): Answer {
  if (rng() < p) return q.answer;
  if (q.type === "judge") return !q.answer;
  const letters = q.options.map((_, i) => String.fromCharCode(65 + i));
  if (q.type === "single") return letters.filter((l) => l !== q.answer)[Math.floor(rng() * (letters.length - 1))];
  const right = q.answer as string[];
  return right.length > 1 && rng() < 0.6 ? right.slice(0, right.length - 1) : [...right, letters.find((l) => !right.includes(l))!].sort();
}

export async function seedDemoExams(prisma: Db): Promise<{ sessions: number; certificates: number }> {
  if ((await prisma.paper.count()) > 0 || (await prisma.question.count()) === 0) return { sessions: 0, certificates: 0 };
  const u = await prisma.user.findFirstOrThrow({ where: { role: "EXAMINER" } });
  const actor: Actor = { id: u.id, role: "EXAMINER", countyId: null, providerId: null };
  const classes = await prisma.trainingClass.findMany({ where: { year: 2024 }, orderBy: { code: "asc" } });
  const drawn = await drawFirstPapers(actor, { period: "2024-1", classIds: classes.map((c) => c.id) });
  if (!drawn.ok) throw new Error(`demo draw failed: ${JSON.stringify(drawn.failures)}`);
  const venue = await prisma.venue.findFirstOrThrow({ where: { county: { name: "铁力市" } } });
  const proctor = await prisma.user.findFirstOrThrow({ where: { role: "PROCTOR", countyId: venue.countyId } });
  const rng = seedrandom("ankao-demo-exams");
  let certificates = 0;
  for (const [i, cls] of classes.entries()) {
    const paper = await prisma.paper.findFirstOrThrow({ where: { classId: cls.id, period: "2024-1" }, include: { items: { orderBy: { position: "asc" }, include: { questionVersion: true } } } });
    await sealPaper(actor, paper.id);
    const at = new Date(cls.endDate.getTime() + 7 * DAY + 1.5 * 3600_000); // 09:30 Beijing time, a week after the class
    const enrolments = await prisma.enrolment.findMany({ where: { classId: cls.id }, orderBy: { createdAt: "asc" } });
    const session = await prisma.examSession.create({
      data: {
        code: `KC${at.toISOString().slice(0, 10).replace(/-/g, "")}-${String(i + 1).padStart(3, "0")}`,
        name: `${cls.name}考试`,
        venueId: venue.id,
        countyId: venue.countyId,
        startsAt: at,
        endsAt: new Date(at.getTime() + 3 * 3600_000),
        durationMin: 120,
        status: "CLOSED",
        openedAt: at,
        closedAt: new Date(at.getTime() + 2.5 * 3600_000),
        resultsReleasedAt: new Date(at.getTime() + DAY),
        createdBy: u.id,
        classes: { create: { classId: cls.id, paperId: paper.id } },
        proctors: { create: { userId: proctor.id } },
      },
    });
    const items = paper.items.map((it) => ({ position: it.position, q: contentOfRow(it.questionVersion) }));
    for (const [k, e] of enrolments.entries()) {
      const reg = await prisma.registration.create({ data: { sessionId: session.id, enrolmentId: e.id, sitting: 1, ticketCode: `DEMO${i}${String(k).padStart(3, "0")}`, seat: String(k + 1).padStart(2, "0") } });
      // Ability: most trainees know the material well; a few do not.
      const p = rng() < 0.1 ? 0.6 + rng() * 0.15 : 0.82 + rng() * 0.16;
      const startedAt = new Date(at.getTime() + 10 * 60_000);
      const attempt = await prisma.attempt.create({
        data: {
          registrationId: reg.id, paperId: paper.id, state: "SUBMITTED", shuffleSeed: `demo-${reg.id}`, admittedAt: startedAt, startedAt, durationSec: 7200,
          deadlineAt: new Date(startedAt.getTime() + 7200_000), submittedAt: new Date(startedAt.getTime() + (60 + rng() * 50) * 60_000), submitReason: "CANDIDATE", lastSeq: items.length,
        },
      });
      await prisma.response.createMany({ data: items.map((it, n) => ({ attemptId: attempt.id, position: it.position, answer: JSON.stringify(answerFor(rng, it.q, p)), seq: n + 1 })) });
      await prisma.$transaction((tx) => gradeAndStore(tx, attempt.id));
    }
    // Issued as the bureau would have, two weeks after the exam: a pass certifies for 12 months.
    const report = await issueForClass(actor, cls.id, new Date(at.getTime() + 14 * DAY));
    certificates += report?.issued.length ?? 0;
  }
  return { sessions: classes.length, certificates };
}
