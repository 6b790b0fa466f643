/**
 * Routes whose requests must leave no trace in logs: anonymous feedback (the path holds the
 * session's code, and the client's address must never sit beside it) and private calendar feeds
 * (the path holds a secret token).
 *
 * The server decides "private" from the route the router actually matched (routes say so with
 * `handle.private`, see app/lib/route-privacy.server.ts). This module is the path-only fallback
 * for near misses and for code that has no route match: it reads a path the way the router does
 * (percent-decoded, case-insensitive, repeated and trailing slashes ignored, a single-fetch
 * `.data` suffix removed), so `/F/ABC234`, `/%66/ABC234` and `/f//ABC234/` count like `/f/ABC234`.
 */

/** A path as the router reads it: decoded, lower-cased, one slash between segments. */
export function normalizeRoutePath(path: string): string {
  const withoutQuery = path.split(/[?#]/, 1)[0] ?? "";
  const segments = withoutQuery.split("/").map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  let normalized = `/${segments.join("/")}`
    .toLowerCase()
    .replace(/\/{2,}/g, "/")
    .replace(/(.)\/+$/, "$1");
  // Single fetch asks for route data at `<path>.data` (the index route at `/_root.data`).
  if (normalized.endsWith(".data")) {
    normalized = normalized.slice(0, -".data".length).replace(/^\/_root$/, "/") || "/";
  }
  return normalized;
}

/** Is this path (any spelling the router accepts) a feedback or feed route? */
export function isPrivateRoute(path: string): boolean {
  const normalized = normalizeRoutePath(path);
  return (
    normalized === "/f" ||
    normalized.startsWith("/f/") ||
    normalized.startsWith("/f.") ||
    normalized === "/feeds" ||
    normalized.startsWith("/feeds/")
  );
}

/**
 * What the request log may show of a URL: the path, and the names of query parameters but never
 * their values (`/auth/verify?token=…`): values can be sign-in tokens, codes or search terms.
 */
export function loggableUrl(url: string): string {
  const queryStart = url.indexOf("?");
  const path = (queryStart === -1 ? url : url.slice(0, queryStart)).split("#", 1)[0] ?? "";
  if (queryStart === -1) return path;
  const names = [...new URLSearchParams(url.slice(queryStart + 1)).keys()];
  if (names.length === 0) return path;
  return `${path}?${names.map((name) => `${encodeURIComponent(name)}=…`).join("&")}`;
}
