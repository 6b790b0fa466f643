import { Link as RemixLink } from "@remix-run/react";
import { createElement } from "react";
import { createPath, resolvePath } from "react-router-dom";

type LinkProps = Parameters<typeof RemixLink>[0];

/** Props of Remix's <Link> that are not attributes of its <a>. */
const LINK_ONLY = new Set([
  "to",
  "prefetch",
  "discover",
  "reloadDocument",
  "relative",
  "replace",
  "state",
  "preventScrollReset",
  "viewTransition",
  "target",
  "onClick",
]);

// Hrefs as resolved, by link target: a page's links point where the last page's did, and
// resolving one (React Router's resolvePath, segment by segment) cost about 1 µs, 62 times on the
// inbox. Bounded: emptied when full.
const HREFS_KEPT = 5_000;
const hrefs = new Map<string, string>();

/** The `href` Remix's <Link> writes for a path inside the app. */
function appHref(to: string): string {
  let href = hrefs.get(to);
  if (href === undefined) {
    href = createPath(resolvePath(to));
    if (hrefs.size >= HREFS_KEPT) hrefs.clear();
    hrefs.set(to, href);
  }
  return href;
}

/**
 * A link as the server writes it: the markup Remix's <Link> renders for a path inside the app
 * (its attributes, the route-discovery attribute, `href`), without the ~15 router hooks behind
 * it, whose work on the server is only that href. Server-rendering a <Link> cost ~6 µs, this
 * ~1.7 µs (issue 12, decision 036: a staff page has 20-60 links). Anything else (relative paths,
 * other origins, reloadDocument, prefetching, discover="none") is Remix's <Link>.
 * tests/unit/link.test.ts renders both and compares.
 */
export function ServerLink(props: LinkProps) {
  const { to } = props;
  const inApp =
    typeof to === "string" &&
    to.startsWith("/") &&
    !to.startsWith("//") &&
    (props.prefetch ?? "none") === "none" &&
    (props.discover ?? "render") === "render" &&
    !props.reloadDocument;
  if (!inApp) return createElement(RemixLink, props);
  // Built by hand, not by rest/spread: copying with excluded keys was most of a link's cost.
  const anchor: Record<string, unknown> = {};
  for (const key in props) {
    if (!LINK_ONLY.has(key)) anchor[key] = props[key as keyof LinkProps];
  }
  anchor["data-discover"] = "true";
  anchor.href = appHref(to);
  if (props.target !== undefined) anchor.target = props.target;
  return createElement("a", anchor);
}

/**
 * The app's <Link> (import it from here, not from @remix-run/react: biome.json). In the browser
 * it is Remix's <Link>, which hydrates onto the server's markup and navigates client-side (Vite
 * sets `import.meta.env.SSR` at build time, so the browser's bundle leaves ServerLink out).
 */
export const Link = (import.meta.env.SSR ? ServerLink : RemixLink) as typeof RemixLink;
