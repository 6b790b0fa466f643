import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useLocale, useT } from "./components/i18n";
import { Link } from "./components/link";
import { useNonce } from "./components/nonce";
import { currentNavItem, navigationFor } from "./domain/navigation";
import { isPrivateRoute } from "./domain/privacy-routes";
import { pageMessagesJson } from "./i18n/route-messages.server";
import { env } from "./lib/env.server";
import { getCurrentUser } from "./lib/guards.server";
import { layoutRendersScripts } from "./lib/hydration";
import { getLocale } from "./lib/locale.server";
import stylesUrl from "./styles/app.css?url";

// The stylesheet is not among the links: the Layout picks it per page (see `usePageStyles`).
export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ error }) => [{ title: error ? "Fejl · Frirum" : "Frirum" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  // The anonymous feedback pages never look up a signed-in user (nothing ties an answer to one).
  // The server says which route matched; the path check covers callers without that context.
  const { privateRoute, routeIds } = context as {
    privateRoute?: boolean;
    routeIds?: readonly string[];
  };
  const anonymous = privateRoute === true || isPrivateRoute(new URL(request.url).pathname);
  const [locale, user] = await Promise.all([
    getLocale(request),
    anonymous ? null : getCurrentUser(request),
  ]);
  return {
    requestId: (context as { requestId?: string }).requestId ?? null,
    locale,
    user: user ? { name: user.name, role: user.role } : null,
    // The role's links come as data: the table of every role's links would be in every page's
    // JavaScript (issue 12).
    nav: navigationFor(user?.role ?? null, { localMailbox: !env().SMTP_URL }),
    messages: pageMessagesJson(locale, routeIds),
  };
}

/**
 * The root's data holds the messages of the page's routes, so it is loaded again whenever the
 * path changes (Remix keeps a parent's data across navigation by default).
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}) => defaultShouldRevalidate || currentUrl.pathname !== nextUrl.pathname;

type RootData = Awaited<ReturnType<typeof loader>>;

/**
 * Per-route document settings. A route's loader data may set `htmlLang` and `htmlDir` (the public
 * feedback pages are in the form's language, e.g. `<html lang="ar" dir="rtl">`, whatever the staff
 * UI language); the deepest route that sets them wins. `handle = { bare: true }` drops the staff
 * header and navigation (public feedback pages, the full-screen QR view).
 */
function useDocumentSettings() {
  const matches = useMatches();
  let lang: string | undefined;
  let dir: "ltr" | "rtl" | undefined;
  let bare = false;
  for (const match of matches) {
    const data = match.data as { htmlLang?: unknown; htmlDir?: unknown } | null | undefined;
    if (data && typeof data === "object" && typeof data.htmlLang === "string") {
      lang = data.htmlLang;
      dir = data.htmlDir === "rtl" ? "rtl" : "ltr";
    }
    if ((match.handle as { bare?: boolean } | undefined)?.bare === true) bare = true;
  }
  return { lang, dir, bare };
}

/**
 * The page's styles. A route may carry its whole stylesheet in `handle.inlineStyles` (the
 * anonymous feedback pages: base.css and feedback-public.css, 4 KB): it goes into the HTML,
 * under the CSP nonce, instead of the app's stylesheet. A linked stylesheet would cost a phone a
 * second round trip before the first paint, and Chromium lays out the page twice: once at the end
 * of parsing, before the stylesheet has arrived (with default fonts), and again when it has.
 * Staff pages, and any page showing the root's error boundary (its header and footer), link
 * app.css. The string lives in the route modules, so the staff pages' JavaScript never holds it.
 */
function usePageStyles(): string | null {
  const matches = useMatches();
  // null (React Router's "no error"), unless the root's error boundary is showing.
  const error = useRouteError();
  if (error !== null && error !== undefined) return null;
  for (const match of matches) {
    const styles = (match.handle as { inlineStyles?: unknown } | undefined)?.inlineStyles;
    if (typeof styles === "string") return styles;
  }
  return null;
}

/** Links every staff page carries: the accessibility statement and the privacy notice. */
function Footer() {
  const t = useT();
  return (
    <footer className="site-footer">
      <ul className="inline-list">
        <li>
          <Link to="/tilgaengelighed">{t("footer.accessibility")}</Link>
        </li>
        <li>
          <a href="/privatliv">{t("footer.privacy")}</a>
        </li>
      </ul>
    </footer>
  );
}

function Header() {
  const data = useRouteLoaderData<RootData>("root");
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const user = data?.user ?? null;
  const items = data?.nav ?? [];
  const currentItem = currentNavItem(items, location.pathname);
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          {t("app.name")}
          <span className="brand__tagline">{t("app.tagline")}</span>
        </Link>
        <form method="post" action="/language" className="language-switch">
          <input type="hidden" name="locale" value={locale === "da" ? "en" : "da"} />
          <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
          <button
            type="submit"
            className="button button--link"
            lang={locale === "da" ? "en" : "da"}
          >
            {t("nav.switchTo")}
          </button>
        </form>
      </div>
      {items.length > 0 || user ? (
        <nav aria-label={t("nav.main")} className="site-nav">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={item.to === currentItem ? "page" : undefined}>
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
          {user ? (
            <div className="site-nav__user">
              <span>
                {t("nav.signedInAs", { name: user.name })} ({t(`role.${user.role}`)})
              </span>
              <form method="post" action="/logout">
                <button type="submit" className="button button--link">
                  {t("nav.signOut")}
                </button>
              </form>
            </div>
          ) : null}
        </nav>
      ) : null}
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const nonce = useNonce();
  const locale = data?.locale ?? "da";
  const documentSettings = useDocumentSettings();
  const inlineStyles = usePageStyles();
  const hydrate = layoutRendersScripts(
    useMatches().map((match) => match.handle),
    typeof document !== "undefined",
  );
  return (
    <html lang={documentSettings.lang ?? locale} dir={documentSettings.dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {inlineStyles === null ? (
          <link rel="stylesheet" href={stylesUrl} />
        ) : (
          // Our own stylesheet from the build, never user data.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: CSS text must not be escaped
          <style nonce={nonce} dangerouslySetInnerHTML={{ __html: inlineStyles }} />
        )}
        <Links />
      </head>
      <body>
        {documentSettings.bare ? null : (
          <a href="#main" className="skip-link">
            {locale === "en" ? "Skip to content" : "Spring til indhold"}
          </a>
        )}
        {children}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  if (useDocumentSettings().bare) {
    return (
      <main id="main" className="bare-main">
        <Outlet />
      </main>
    );
  }
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <Footer />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const requestId = useRouteLoaderData<RootData>("root")?.requestId ?? "-";
  let title = t("error.title");
  let body: string = t("error.body", { id: requestId });
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = t("error.notFound.title");
      body = t("error.notFound.body");
    } else if (error.status === 403) {
      title = t("error.forbidden.title");
      body = t("error.forbidden.body");
    }
  } else {
    console.error(error);
  }
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1} className="site-main">
        <h1>{title}</h1>
        <p>{body}</p>
        <p>
          <Link to="/">{t("error.backHome")}</Link>
        </p>
      </main>
    </>
  );
}
