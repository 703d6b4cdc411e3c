// Loads the demo data (prisma/demo-data.ts) into an empty database, in one transaction.
// Deterministic: the same seed gives the same people, ID numbers and hours.
import seedrandom from "seedrandom";
import { makeCreditCode } from "../app/domain/credit-code";
import { birthDateOf, genderOf, makeIdNumber, maskIdNumber } from "../app/domain/id-number";
import { defaultRules } from "../app/domain/rules";
import type { Db } from "../app/utils/db.server";
import { hashPassword } from "../app/utils/password.server";
import { encryptId, idLookupHash } from "../app/utils/secrets.server";
import { CLASSES, COUNTIES, DEMO_PASSWORD, ENTERPRISES, GIVEN, HOURS, PLANS, PROVIDERS, SHORT_OFFLINE, SHORT_PRACTICAL, SURNAMES, USERS, VENUES } from "./demo-data";

const CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

export async function seedDemo(prisma: Db): Promise<{ trainees: number; classes: number }> {
  const rng = seedrandom("ankao-demo");
  const pick = (s: string) => s[Math.floor(rng() * s.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const creditCode = (county: string) => makeCreditCode(`91${county}` + Array.from({ length: 9 }, () => CREDIT_CHARS[int(0, 30)]).join(""));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const usedIds = new Set<string>();

  return prisma.$transaction(
    async (tx) => {
      for (const r of defaultRules()) await tx.ruleSet.create({ data: r });
      for (const p of PLANS) await tx.trainingPlan.create({ data: p });
      const county = new Map<string, { id: string; code: string }>();
      for (const c of COUNTIES) county.set(c.name, await tx.county.create({ data: { ...c } }));
      for (const v of VENUES) await tx.venue.create({ data: { name: v.name, address: v.address, seats: v.seats, countyId: county.get(v.county)!.id } });
      const enterprises = { MINING: [] as Array<{ id: string; code: string }>, MACHINERY: [] as Array<{ id: string; code: string }> };
      for (const e of ENTERPRISES) {
        const c = county.get(e.county)!;
        const row = await tx.enterprise.create({ data: { name: e.name, industry: e.industry, countyId: c.id, creditCode: creditCode(c.code) } });
        enterprises[e.industry].push({ id: row.id, code: c.code });
      }
      const provider = new Map<string, string>();
      for (const p of PROVIDERS)
        provider.set(p.key, (await tx.provider.create({ data: { name: p.name, contact: p.contact, creditCode: makeCreditCode(`52230700MJ${Array.from({ length: 7 }, () => CREDIT_CHARS[int(0, 30)]).join("")}`) } })).id);
      for (const u of USERS)
        await tx.user.create({
          data: {
            username: u.username,
            displayName: u.displayName,
            role: u.role,
            passwordHash,
            countyId: "county" in u ? county.get(u.county)!.id : null,
            providerId: "provider" in u ? provider.get(u.provider)! : null,
          },
        });

      let trainees = 0;
      const classCounters = new Map<number, number>();
      for (const c of CLASSES) {
        const n = (classCounters.get(c.year) ?? 0) + 1;
        classCounters.set(c.year, n);
        const cls = await tx.trainingClass.create({
          data: {
            code: `${c.year}-${c.industry === "MINING" ? "KS" : "JX"}-${String(n).padStart(3, "0")}`,
            name: c.name,
            year: c.year,
            industry: c.industry,
            category: c.category,
            providerId: provider.get(c.provider)!,
            startDate: new Date(`${c.start}T00:00:00Z`),
            endDate: new Date(`${c.end}T00:00:00Z`),
            location: c.location,
          },
        });
        const days = Math.round((Date.parse(c.end) - Date.parse(c.start)) / 86400_000) + 1;
        for (let i = 0; i < c.size; i++) {
          const ent = enterprises[c.industry][(trainees + i) % enterprises[c.industry].length];
          let id: string;
          do {
            const birth = `${int(1968, 1995)}${String(int(1, 12)).padStart(2, "0")}${String(int(1, 28)).padStart(2, "0")}`;
            id = makeIdNumber(ent.code, birth, int(1, 999));
          } while (usedIds.has(id));
          usedIds.add(id);
          const male = genderOf(id) === "M";
          const name = pick(SURNAMES) + pick(GIVEN) + (rng() < 0.6 ? pick(GIVEN) : "");
          const trainee = await tx.trainee.create({
            data: {
              name,
              idHash: idLookupHash(id),
              idCipher: encryptId(id),
              idMasked: maskIdNumber(id),
              gender: male ? "M" : "F",
              birthDate: birthDateOf(id),
              phone: `13${int(0, 9)}${String(int(0, 99999999)).padStart(8, "0")}`,
              jobTitle: c.category === "TEAM_LEADER" ? (rng() < 0.5 ? "班组长" : "车间主任") : c.category === "SAFETY_MANAGER" ? "安全员" : "分管安全副经理",
              enterpriseId: ent.id,
            },
          });
          const enrolment = await tx.enrolment.create({ data: { classId: cls.id, traineeId: trainee.id } });
          const pattern = i < (c.shortPractical ?? 0) ? SHORT_PRACTICAL : i < (c.shortOffline ?? 0) ? SHORT_OFFLINE : HOURS[c.category];
          const modes = ["ONLINE", "OFFLINE", "PRACTICAL"] as const;
          const records = modes.flatMap((mode, m) => splitHours(pattern[m]).map((h, k) => ({
            enrolmentId: enrolment.id,
            mode,
            minutes: h * 60,
            date: new Date(Date.parse(`${c.start}T00:00:00Z`) + ((k + m) % days) * 86400_000),
            subject: SUBJECTS[mode][k % SUBJECTS[mode].length],
            recordedBy: "seed",
          })));
          await tx.trainingRecord.createMany({ data: records });
        }
        trainees += c.size;
      }
      return { trainees, classes: CLASSES.length };
    },
    { timeout: 120_000 },
  );
}

/** Split a block of hours into training days of at most 4 hours. */
function splitHours(total: number): number[] {
  const out: number[] = [];
  for (let left = total; left > 0; left -= 4) out.push(Math.min(4, left));
  return out;
}

const SUBJECTS = {
  ONLINE: ["安全生产系列电视专题片", "工伤保险条例解读（线上）", "职业病预防知识（线上）"],
  OFFLINE: ["《安全生产法》《刑法》相关条款研讨", "《职业病防治法》与职业健康管理", "《工伤保险条例》《社会保险法》与工伤预防", "事故案例分析与互动研讨"],
  PRACTICAL: ["矿山应急救援与自救器使用实训", "有限空间作业与劳动防护用品实操", "隐患排查现场实训"],
};
