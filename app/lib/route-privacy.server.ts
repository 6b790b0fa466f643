import type { ServerBuild } from "@remix-run/node";
import { type AgnosticRouteObject, matchRoutes } from "@remix-run/router";
import { isPrivateRoute } from "../domain/privacy-routes";

type ManifestRoute = ServerBuild["routes"][string];

/**
 * Decides "private" (not logged, no user lookup, feedback Referrer-Policy) from the route the
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

  return (pathname: string): boolean => {
    if (isPrivateRoute(pathname)) return true;
    // As Remix does for single-fetch data requests.
    const routePath = build.future.v3_singleFetch
      ? pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/")
      : pathname;
    const matches = matchRoutes(routes, routePath, build.basename) ?? [];
    return matches.some((match) => isPrivateModule(match.route.id ?? ""));
  };
}
