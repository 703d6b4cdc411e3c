import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError, useRouteLoaderData } from "@remix-run/react";
// The machine and the bureau's intranet have no CJK fonts and no CDN: ship Noto Sans SC.
import font400 from "@fontsource/noto-sans-sc/400.css";
import font700 from "@fontsource/noto-sans-sc/700.css";
import appCss from "~/styles/app.css";
import { langFromCookie, t, type Lang } from "~/utils/i18n";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: font400 },
  { rel: "stylesheet", href: font700 },
  { rel: "stylesheet", href: appCss },
];

export async function loader({ request }: LoaderFunctionArgs) {
  return json({ lang: langFromCookie(request.headers.get("Cookie")) });
}

export function Layout({ children }: { children: React.ReactNode }) {
  // useRouteLoaderData, not useLoaderData: the layout also renders error pages, where the
  // root loader may not have run.
  const data = useRouteLoaderData<typeof loader>("root") as { lang?: Lang } | undefined;
  const lang = data?.lang ?? "zh";
  return (
    <html lang={lang === "en" ? "en" : "zh-CN"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error)
    ? (error.data as { message?: string })?.message ?? error.statusText
    : "系统错误，请联系管理员。 Something went wrong.";
  return (
    <main className="error-page">
      <h1>{status === 403 ? t("zh", "common.forbidden") : status === 404 ? t("zh", "common.notFound") : status}</h1>
      <p>{message}</p>
      <p>
        <a href="/">{t("zh", "common.back")}</a>
      </p>
    </main>
  );
}
