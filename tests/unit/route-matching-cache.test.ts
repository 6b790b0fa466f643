import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";

// The patch (patches/@remix-run+router+*.patch, decision 033) changes only the CommonJS build,
// the one Node loads for the server; vitest's resolver may pick the ESM build for a plain
// import, so the CommonJS build is required explicitly.
const require = createRequire(import.meta.url);
const router = require("@remix-run/router") as typeof import("@remix-run/router");

type Route = import("@remix-run/router").AgnosticRouteObject;

/** A route whose `path` counts its reads: flattening the tree reads every path. */
function countedRoute(id: string, path: string, reads: { count: number }): Route {
  const route = { id } as Route;
  Object.defineProperty(route, "path", {
    enumerable: true,
    get() {
      reads.count += 1;
      return path;
    },
  });
  return route;
}

describe("route matching cache (@remix-run/router patch)", () => {
  it("is applied to the build Node loads", () => {
    expect(require.resolve("@remix-run/router")).toMatch(/router\.cjs\.js$/);
  });

  it("flattens and ranks a routes array once, not on every match", () => {
    const reads = { count: 0 };
    const routes = [
      countedRoute("item", "/items/:id", reads),
      countedRoute("new", "/items/new", reads),
    ];
    expect(router.matchRoutes(routes, "/items/new")?.map((m) => m.route.id)).toEqual(["new"]);
    const afterFirst = reads.count;
    expect(afterFirst).toBeGreaterThan(0);
    // Ranking (static segment before parameter) still holds on the cached branches.
    expect(router.matchRoutes(routes, "/items/new")?.map((m) => m.route.id)).toEqual(["new"]);
    expect(router.matchRoutes(routes, "/items/7")?.[0]?.params).toEqual({ id: "7" });
    expect(reads.count).toBe(afterFirst);
  });

  it("hands out each path's matches as a copy the caller may change", () => {
    const routes: Route[] = [
      { id: "root", path: "/", children: [{ id: "form", path: "f/:code" }] },
    ];
    const first = router.matchRoutes(routes, "/f/ABC123");
    expect(first?.map((m) => [m.route.id, m.params, m.pathname])).toEqual([
      ["root", { code: "ABC123" }, "/"],
      ["form", { code: "ABC123" }, "/f/ABC123"],
    ]);
    // Within one result the matches share one params object, as the unpatched router's do.
    expect(first?.[0]?.params).toBe(first?.[1]?.params);
    if (first?.[1]) {
      (first[1].params as Record<string, string>).code = "changed";
      first[1].pathname = "/changed";
    }
    first?.pop();
    const second = router.matchRoutes(routes, "/f/ABC123");
    expect(second).not.toBe(first);
    expect(second?.map((m) => [m.route.id, m.params, m.pathname])).toEqual([
      ["root", { code: "ABC123" }, "/"],
      ["form", { code: "ABC123" }, "/f/ABC123"],
    ]);
    expect(router.matchRoutes(routes, "/f/XYZ789")?.[1]?.params).toEqual({ code: "XYZ789" });
    expect(router.matchRoutes(routes, "/g/ABC123")).toBeNull();
    expect(router.matchRoutes(routes, "/g/ABC123")).toBeNull();
  });

  it("keeps matching right beyond the bound of remembered paths", () => {
    const routes: Route[] = [{ id: "item", path: "/items/:id" }];
    for (let i = 0; i < 2500; i++) {
      expect(router.matchRoutes(routes, `/items/${i}`)?.[0]?.params).toEqual({ id: String(i) });
    }
    expect(router.matchRoutes(routes, "/items/3")?.[0]?.params).toEqual({ id: "3" });
  });

  it("keeps separate arrays apart", () => {
    const a: Route[] = [{ id: "a", path: "/x" }];
    const b: Route[] = [{ id: "b", path: "/x" }];
    expect(router.matchRoutes(a, "/x")?.[0]?.route.id).toBe("a");
    expect(router.matchRoutes(b, "/x")?.[0]?.route.id).toBe("b");
    expect(router.matchRoutes(a, "/y")).toBeNull();
  });

  it("sees routes patched in on navigation (the router's in-place mutation)", async () => {
    const client = router
      .createRouter({
        routes: [{ id: "root", path: "/", children: [{ id: "home", index: true }] }],
        history: router.createMemoryHistory({ initialEntries: ["/"] }),
        patchRoutesOnNavigation: ({ path, patch }) => {
          if (path === "/late") patch("root", [{ id: "late", path: "late" }]);
          if (path === "/top") patch(null, [{ id: "top", path: "/top" }]);
        },
      })
      .initialize();
    try {
      await client.navigate("/");
      expect(client.state.matches.map((m) => m.route.id)).toEqual(["root", "home"]);
      await client.navigate("/late");
      expect(client.state.matches.map((m) => m.route.id)).toEqual(["root", "late"]);
      await client.navigate("/top");
      expect(client.state.matches.map((m) => m.route.id)).toEqual(["top"]);
    } finally {
      client.dispose();
    }
  });

  it("compiles a path pattern once and keeps case and end apart", () => {
    // Compiling "/files*" warns (the `*` must follow a `/`): one warning means one compilation.
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      expect(router.matchPath("/files*", "/files/a")?.params).toEqual({ "*": "a" });
      expect(router.matchPath("/files*", "/files/b")?.params).toEqual({ "*": "b" });
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
    expect(router.matchPath({ path: "/a", end: false }, "/a/b")).not.toBeNull();
    expect(router.matchPath({ path: "/a" }, "/a/b")).toBeNull();
    expect(router.matchPath({ path: "/a", end: true }, "/a/b")).toBeNull();
    expect(router.matchPath({ path: "/A", caseSensitive: true }, "/a")).toBeNull();
    expect(router.matchPath({ path: "/A" }, "/a")).not.toBeNull();
    expect(router.matchPath({ path: "/A", caseSensitive: true }, "/A")).not.toBeNull();
  });

  it("resolves a link's absolute target once, and hands out copies", () => {
    // Resolving reads the route pathnames (to find where a relative target starts from).
    let reads = 0;
    const routePathnames = new Proxy(["/", "/coordinator/requests"], {
      get(target, key, receiver) {
        reads += 1;
        return Reflect.get(target, key, receiver);
      },
    });
    const first = router.resolveTo("/coordinator/requests/7?tab=a#x", routePathnames, "/x/", false);
    expect(first).toEqual({ pathname: "/coordinator/requests/7", search: "?tab=a", hash: "#x" });
    const readsAfterFirst = reads;
    first.pathname = "/changed";
    const again = router.resolveTo("/coordinator/requests/7?tab=a#x", routePathnames, "/y", true);
    expect(again).toEqual({ pathname: "/coordinator/requests/7", search: "?tab=a", hash: "#x" });
    expect(reads).toBe(readsAfterFirst);
    // Relative targets still depend on where they are resolved from.
    expect(router.resolveTo("..", ["/", "/a", "/a/b"], "/a/b", false).pathname).toBe("/a");
    expect(router.resolveTo("..", ["/", "/c", "/c/d"], "/c/d", false).pathname).toBe("/c");
    expect(router.resolveTo("e", ["/", "/c"], "/c", false).pathname).toBe("/c/e");
    // "//host/path" is a URL, not an absolute path.
    expect(router.resolveTo("//host/p", ["/"], "/", false).pathname).toBe("//host/p");
  });
});
