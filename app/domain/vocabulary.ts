// The domain's closed vocabularies (DESIGN.md §2). The database stores these as strings;
// everything entering the system is checked against these lists.

export const ROLES = ["ADMIN", "EXAMINER", "PROCTOR", "PROVIDER", "AUDITOR"] as const;
export type Role = (typeof ROLES)[number];

export const CATEGORIES = ["SAFETY_LEADER", "SAFETY_MANAGER", "TEAM_LEADER"] as const;
export type Category = (typeof CATEGORIES)[number];

export const INDUSTRIES = ["MINING", "MACHINERY"] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** Bank industry tags: `general` questions qualify for every industry. */
export const BANK_INDUSTRIES = ["general", "mining", "machinery"] as const;
export type BankIndustry = (typeof BANK_INDUSTRIES)[number];
export const bankIndustryOf = (i: Industry): BankIndustry => (i === "MINING" ? "mining" : "machinery");

export const QUESTION_TYPES = ["judge", "single", "multiple"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const TRAINING_MODES = ["ONLINE", "OFFLINE", "PRACTICAL"] as const;
export type TrainingMode = (typeof TRAINING_MODES)[number];

/** The five laws every trainee must study (必学), and the other bank topics. */
export const REQUIRED_LAWS = ["刑法", "社会保险法", "安全生产法", "职业病防治法", "工伤保险条例"] as const;
export const TOPICS = [
  ...REQUIRED_LAWS,
  "工伤预防",
  "职业病预防",
  "矿山安全",
  "机械制造安全",
  "事故案例",
  "应急救援",
  "安全培训",
] as const;
export type Topic = (typeof TOPICS)[number];

export const CATEGORY_LABEL: Record<Category, { zh: string; en: string }> = {
  SAFETY_LEADER: { zh: "安全生产分管负责人", en: "Safety leader in charge" },
  SAFETY_MANAGER: { zh: "专职安全管理人员", en: "Full-time safety manager" },
  TEAM_LEADER: { zh: "班组长", en: "Team leader" },
};
export const INDUSTRY_LABEL: Record<Industry, { zh: string; en: string }> = {
  MINING: { zh: "矿山", en: "Mining" },
  MACHINERY: { zh: "机械制造", en: "Machinery" },
};
export const TYPE_LABEL: Record<QuestionType, { zh: string; en: string }> = {
  judge: { zh: "判断题", en: "True/false" },
  single: { zh: "单选题", en: "Single choice" },
  multiple: { zh: "多选题", en: "Multiple choice" },
};
export const MODE_LABEL: Record<TrainingMode, { zh: string; en: string }> = {
  ONLINE: { zh: "线上", en: "Online" },
  OFFLINE: { zh: "线下", en: "Offline" },
  PRACTICAL: { zh: "实训", en: "Practical" },
};
export const ROLE_LABEL: Record<Role, { zh: string; en: string }> = {
  ADMIN: { zh: "系统管理员", en: "Administrator" },
  EXAMINER: { zh: "市局考务（出卷）", en: "Examiner" },
  PROCTOR: { zh: "县级监考", en: "Proctor" },
  PROVIDER: { zh: "施教单位", en: "Training provider" },
  AUDITOR: { zh: "人社局审计", en: "Auditor" },
};

export function isOneOf<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === "string" && (list as readonly string[]).includes(v);
}
