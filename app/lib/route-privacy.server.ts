import type { ServerBuild } from "@remix-run/node";
import { type AgnosticRouteObject, matchRoutes } from "@remix-run/router";
import { isPrivateRoute } from "../domain/privacy-routes";

type ManifestRoute = ServerBuild["routes"][string];

/** What the server needs to know about the routes that will answer a path. */
export interface RouteClass {
  /** Feedback or feed route: not logged, no user lookup, feedback Referrer-Policy. */
  private: boolean;
  /** The matched route ids, root first (the root loader sends their messages). */
  routeIds: readonly string[];
}

/** Paths whose answer the classifier keeps (oldest dropped first). */
const CLASSIFIER_CACHE_SIZE = 2_000;

/**
 * Matches a path to its routes once (the ids go to the root loader, which sends the page's
 * messages, app/i18n/route-messages.server.ts) and decides "private" (not logged, no user lookup, feedback Referrer-Policy) from the route the
 * router matches, with the same matcher and the same route tree Remix builds from the server
 * build (`@remix-run/router`'s matchRoutes: case-insensitive, percent-decoded). A route is
 * private when its module exports `handle = { private: true }`; the path-only fallback
 * (`isPrivateRoute`) also counts, for near misses that match no private route.
 */
export function createPrivacyClassifier(build: ServerBuild) {
  const byParent = new Map<string, ManifestRoute[]>();
  for (const route of Object.values(build.routes)) {
    if (!route) continue;
    const key = route.parentId ?? "";
    byParent.set(key, [...(byParent.get(key) ?? []), route]);
  }
  const tree = (parentId: string): AgnosticRouteObject[] =>
    (byParent.get(parentId) ?? []).map((route) =>
      route.index
        ? { id: route.id, index: true, path: route.path, caseSensitive: route.caseSensitive }
        : {
            id: route.id,
            path: route.path,
            caseSensitive: route.caseSensitive,
            children: tree(route.id),
          },
    );
  const routes = tree("");
  const isPrivateModule = (id: string) =>
    (build.routes[id]?.module.handle as { private?: unknown } | undefined)?.private === true;

  const classify = (pathname: string): RouteClass => {
    // As Remix does for single-fetch data requests.
    const routePath = build.future.v3_singleFetch
      ? pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/")
      : pathname;
    const routeIds = (matchRoutes(routes, routePath, build.basename) ?? []).map(
      (match) => match.route.id ?? "",
    );
    return {
      private: isPrivateRoute(pathname) || routeIds.some(isPrivateModule),
      routeIds,
    };
  };
  // matchRoutes flattens and ranks the whole route tree on every call (the profile's largest
  // router cost); the answer for a path never changes while the build is loaded, so recent paths
  // are remembered. Bounded: unknown paths from scanners cannot grow it without limit.
  const recent = new Map<string, RouteClass>();
  return (pathname: string): RouteClass => {
    const known = recent.get(pathname);
    if (known !== undefined) return known;
    const result = classify(pathname);
    if (recent.size >= CLASSIFIER_CACHE_SIZE) {
      const oldest = recent.keys().next().value;
      if (oldest !== undefined) recent.delete(oldest);
    }
    recent.set(pathname, result);
    return result;
  };
}
