// UI strings: zh-CN by default, English on request (cookie `lang`). Each key holds both
// languages side by side so a missing translation is visible in review.
import { useRouteLoaderData } from "@remix-run/react";

export type Lang = "zh" | "en";

const M = {
  "app.name": ["安考", "Ankao"],
  "app.tagline": ["工伤预防能力提升培训 · 考试与题库系统", "Work-injury prevention training · exams and question bank"],
  "app.bureau": ["伊春市应急管理局", "Yichun Emergency Management Bureau"],
  "nav.signOut": ["退出登录", "Sign out"],
  "nav.lang": ["English", "中文"],
  "login.title": ["工作人员登录", "Staff sign-in"],
  "login.username": ["用户名", "Username"],
  "login.password": ["密码", "Password"],
  "login.submit": ["登录", "Sign in"],
  "login.failed": ["用户名或密码错误", "Wrong username or password"],
  "login.limited": ["尝试次数过多，请 {min} 分钟后再试", "Too many attempts; try again in {min} min"],
  "login.kiosk": ["考生请到考场考试机登录", "Candidates sign in at the exam kiosk"],
  "common.save": ["保存", "Save"],
  "common.create": ["新建", "Create"],
  "common.cancel": ["取消", "Cancel"],
  "common.actions": ["操作", "Actions"],
  "common.none": ["暂无", "None"],
  "common.back": ["返回", "Back"],
  "common.name": ["名称", "Name"],
  "common.total": ["合计", "Total"],
  "common.download": ["下载", "Download"],
  "common.forbidden": ["无权访问", "Forbidden"],
  "common.notFound": ["未找到", "Not found"],
  "area.admin": ["系统管理", "Administration"],
  "area.examiner": ["市局考务", "Exam office"],
  "area.proctor": ["县级监考", "Proctoring"],
  "area.provider": ["施教单位", "Training provider"],
  "area.auditor": ["审计报表", "Audit"],
} satisfies Record<string, [string, string]>;

export type MessageKey = keyof typeof M;

export function t(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  let s = M[key][lang === "en" ? 1 : 0];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}

export function langFromCookie(cookieHeader: string | null): Lang {
  return /(?:^|;\s*)lang=en(?:;|$)/.test(cookieHeader ?? "") ? "en" : "zh";
}

/** Pick the label of a {zh,en} pair. */
export const L = (lang: Lang, pair: { zh: string; en: string }) => pair[lang];

/** In components: the current language from the root loader. */
export function useLang(): Lang {
  const data = useRouteLoaderData("root") as { lang?: Lang } | undefined;
  return data?.lang ?? "zh";
}

export function useT() {
  const lang = useLang();
  return (key: MessageKey, vars?: Record<string, string | number>) => t(lang, key, vars);
}
