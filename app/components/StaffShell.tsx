import { Form, NavLink } from "@remix-run/react";
import { ROLE_LABEL, type Role } from "~/domain/vocabulary";
import { L, useLang, useT } from "~/utils/i18n";

export interface NavItem {
  to: string;
  label: { zh: string; en: string };
  end?: boolean;
}

/** The frame of every staff page: brand, the role's navigation, who is signed in, language. */
export function StaffShell({ user, nav, children }: { user: { displayName: string; role: Role }; nav: NavItem[]; children: React.ReactNode }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <header className="topbar">
        <div className="brand">
          {t("app.name")}
          <small>{t("app.bureau")}</small>
        </div>
        <nav aria-label="main">
          {nav.map((n) => (
            <NavLink key={n.to} to={n.to} end={n.end}>
              {L(lang, n.label)}
            </NavLink>
          ))}
        </nav>
        <div className="who">
          <span>
            {user.displayName} · {L(lang, ROLE_LABEL[user.role])}
          </span>
          <Form method="post" action="/lang">
            <input type="hidden" name="lang" value={lang === "en" ? "zh" : "en"} />
            <button type="submit">{t("nav.lang")}</button>
          </Form>
          <Form method="post" action="/logout">
            <button type="submit">{t("nav.signOut")}</button>
          </Form>
        </div>
      </header>
      <main className="page">{children}</main>
    </>
  );
}
