// The demo's story (DESIGN.md §9), as plain data. All people and enterprises are fictitious;
// the counties are Yichun's real divisions. ID numbers are generated with valid check digits.
import type { Category, Industry } from "../app/domain/vocabulary";

export const DEMO_PASSWORD = "ankao-demo-2025";

export const COUNTIES = [
  { code: "230717", name: "伊美区", kind: "DISTRICT" },
  { code: "230718", name: "乌翠区", kind: "DISTRICT" },
  { code: "230719", name: "友好区", kind: "DISTRICT" },
  { code: "230751", name: "金林区", kind: "DISTRICT" },
  { code: "230722", name: "嘉荫县", kind: "COUNTY" },
  { code: "230723", name: "汤旺县", kind: "COUNTY" },
  { code: "230724", name: "丰林县", kind: "COUNTY" },
  { code: "230725", name: "大箐山县", kind: "COUNTY" },
  { code: "230726", name: "南岔县", kind: "COUNTY" },
  { code: "230781", name: "铁力市", kind: "CITY" },
] as const;

export const VENUES = [
  { county: "铁力市", name: "铁力市应急管理局考试点", address: "铁力市铁力镇中心大街 88 号三楼机房", seats: 80 },
  { county: "伊美区", name: "伊春市安全生产考试中心", address: "伊美区新兴西大街 12 号", seats: 120 },
  { county: "嘉荫县", name: "嘉荫县应急管理局考试点", address: "嘉荫县朝阳镇沿江路 6 号", seats: 40 },
  { county: "南岔县", name: "南岔县职业技术学校考点", address: "南岔县南岔镇学府路 3 号", seats: 60 },
] as const;

// 21 mining enterprises (the seed's 2024 survey) and 5 machinery enterprises: [name, county].
const MINING: Array<[string, string]> = [
  ["铁力市青山矿业有限公司", "铁力市"], ["铁力市北岭石材有限公司", "铁力市"], ["铁力市红星矿产有限公司", "铁力市"],
  ["铁力市兴隆采石有限公司", "铁力市"], ["嘉荫县江北矿业有限公司", "嘉荫县"], ["嘉荫县乌云石场有限公司", "嘉荫县"],
  ["嘉荫县龙江矿产开发有限公司", "嘉荫县"], ["伊春林海矿业有限公司", "伊美区"], ["伊春翠峰矿业有限公司", "乌翠区"],
  ["伊春双子河矿产有限公司", "友好区"], ["伊春金山矿业有限公司", "金林区"], ["伊春西林石材有限公司", "金林区"],
  ["汤旺县汤旺河矿业有限公司", "汤旺县"], ["汤旺县松涛矿产有限公司", "汤旺县"], ["丰林县五营矿业有限公司", "丰林县"],
  ["丰林县红松采石有限公司", "丰林县"], ["大箐山县带岭矿业有限公司", "大箐山县"], ["大箐山县青峰矿产有限公司", "大箐山县"],
  ["南岔县浩良河矿业有限公司", "南岔县"], ["南岔县晨明石材有限公司", "南岔县"], ["南岔县东风矿产有限公司", "南岔县"],
];
const MACHINERY: Array<[string, string]> = [
  ["伊春林机制造有限公司", "伊美区"], ["铁力市北方农机有限公司", "铁力市"], ["南岔县重型装备有限公司", "南岔县"],
  ["伊春精工机械有限公司", "伊美区"], ["伊春兴林机电有限公司", "乌翠区"],
];

export const ENTERPRISES: Array<{ name: string; industry: Industry; county: string }> = [
  ...MINING.map(([name, county]) => ({ name, county, industry: "MINING" as const })),
  ...MACHINERY.map(([name, county]) => ({ name, county, industry: "MACHINERY" as const })),
];

export const PROVIDERS = [
  { key: "linxing", name: "伊春林兴安全技术培训中心", contact: "王老师 0458-3600001" },
  { key: "xingan", name: "伊春兴安职业技能培训学校", contact: "李老师 0458-3600002" },
] as const;

export const USERS = [
  { username: "admin", displayName: "赵志刚", role: "ADMIN" },
  { username: "examiner", displayName: "陈静", role: "EXAMINER" },
  { username: "proctor.tieli", displayName: "孙海涛", role: "PROCTOR", county: "铁力市" },
  { username: "proctor.jiayin", displayName: "周丽", role: "PROCTOR", county: "嘉荫县" },
  { username: "provider.linxing", displayName: "王建国", role: "PROVIDER", provider: "linxing" },
  { username: "provider.xingan", displayName: "李秀梅", role: "PROVIDER", provider: "xingan" },
  { username: "auditor", displayName: "刘洋", role: "AUDITOR" },
] as const;

/**
 * Hour patterns, in hours: [online, offline, practical]. Team leaders need ≥ 25 % practical;
 * everyone needs ≥ 60 % in person. `short` patterns make the not-yet-eligible trainees.
 */
export const HOURS: Record<Category, [number, number, number]> = {
  SAFETY_LEADER: [4, 12, 0],
  SAFETY_MANAGER: [6, 14, 0],
  TEAM_LEADER: [6, 12, 6],
};
export const SHORT_PRACTICAL: [number, number, number] = [6, 14, 4]; // 实训学时 4/24 < 25%
export const SHORT_OFFLINE: [number, number, number] = [13, 7, 0]; // 线下学时 7/20 < 60%

export interface DemoClass {
  provider: "linxing" | "xingan";
  name: string;
  year: number;
  industry: Industry;
  category: Category;
  size: number;
  start: string;
  end: string;
  location: string;
  shortPractical?: number; // how many trainees lack practical hours
  shortOffline?: number;
}

// Mining: 131 = 15 leaders + 52 managers + 64 team leaders; 82 trained in 2024, 49 in 2025.
export const CLASSES: DemoClass[] = [
  { provider: "linxing", name: "2024年矿山安全生产分管负责人工伤预防培训班", year: 2024, industry: "MINING", category: "SAFETY_LEADER", size: 10, start: "2024-05-13", end: "2024-05-16", location: "伊美区林兴培训中心" },
  { provider: "linxing", name: "2024年矿山专职安全管理人员工伤预防培训班", year: 2024, industry: "MINING", category: "SAFETY_MANAGER", size: 32, start: "2024-06-10", end: "2024-06-14", location: "伊美区林兴培训中心" },
  { provider: "linxing", name: "2024年矿山班组长工伤预防培训班", year: 2024, industry: "MINING", category: "TEAM_LEADER", size: 40, start: "2024-09-02", end: "2024-09-07", location: "铁力市实训基地" },
  { provider: "xingan", name: "2025年矿山班组长工伤预防培训班", year: 2025, industry: "MINING", category: "TEAM_LEADER", size: 24, start: "2025-03-03", end: "2025-03-08", location: "铁力市实训基地", shortPractical: 2 },
  { provider: "xingan", name: "2025年矿山专职安全管理人员工伤预防培训班", year: 2025, industry: "MINING", category: "SAFETY_MANAGER", size: 20, start: "2025-03-17", end: "2025-03-21", location: "南岔县兴安培训学校", shortOffline: 1 },
  { provider: "xingan", name: "2025年矿山安全生产分管负责人工伤预防培训班", year: 2025, industry: "MINING", category: "SAFETY_LEADER", size: 5, start: "2025-03-24", end: "2025-03-27", location: "南岔县兴安培训学校" },
  { provider: "linxing", name: "2025年机械制造班组长工伤预防培训班", year: 2025, industry: "MACHINERY", category: "TEAM_LEADER", size: 18, start: "2025-04-07", end: "2025-04-12", location: "伊美区林兴培训中心" },
  { provider: "linxing", name: "2025年机械制造专职安全管理人员工伤预防培训班", year: 2025, industry: "MACHINERY", category: "SAFETY_MANAGER", size: 12, start: "2025-04-14", end: "2025-04-18", location: "伊美区林兴培训中心" },
];

export const PLANS: Array<{ year: number; industry: Industry; category: Category; planned: number }> = [
  { year: 2024, industry: "MINING", category: "SAFETY_LEADER", planned: 10 },
  { year: 2024, industry: "MINING", category: "SAFETY_MANAGER", planned: 32 },
  { year: 2024, industry: "MINING", category: "TEAM_LEADER", planned: 40 },
  { year: 2025, industry: "MINING", category: "SAFETY_LEADER", planned: 5 },
  { year: 2025, industry: "MINING", category: "SAFETY_MANAGER", planned: 20 },
  { year: 2025, industry: "MINING", category: "TEAM_LEADER", planned: 24 },
  { year: 2025, industry: "MACHINERY", category: "SAFETY_MANAGER", planned: 12 },
  { year: 2025, industry: "MACHINERY", category: "TEAM_LEADER", planned: 18 },
];

export const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
export const GIVEN = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽";
