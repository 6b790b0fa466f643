import { createRequire } from "node:module";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

// The patches (patches/@remix-run+react+*.patch and patches/react-router-dom+*.patch, decision
// 033) change the CommonJS builds Node loads for the server; they are required explicitly, as
// vitest's resolver may pick the ES module builds for a plain import.
const require = createRequire(import.meta.url);
const remixRoutes = require("@remix-run/react/dist/routes.js") as {
  createServerRoutes: (...args: unknown[]) => unknown[];
};
const { RemixServer } = require("@remix-run/react/dist/server.js") as {
  RemixServer: (props: { context: unknown; url: string }) => JSX.Element;
};
const routerServer =
  require("react-router-dom/server.js") as typeof import("react-router-dom/server");
const router = require("@remix-run/router") as typeof import("@remix-run/router");

type Route = import("@remix-run/router").AgnosticDataRouteObject;

const future = {
  v3_fetcherPersist: true,
  v3_relativeSplatPath: true,
  v3_throwAbortReason: true,
  v3_singleFetch: true,
  v3_lazyRouteDiscovery: true,
};

function manifestRoute(id: string, path: string | undefined, parentId?: string) {
  return {
    id,
    path,
    parentId,
    module: `/${id}.js`,
    hasAction: false,
    hasLoader: false,
    hasClientAction: false,
    hasClientLoader: false,
    hasErrorBoundary: false,
  };
}

/** A server render's context for two routes, as @remix-run/server-runtime builds one per request. */
async function entryContext(
  manifestRoutes: Record<string, ReturnType<typeof manifestRoute>>,
  modules: Record<string, unknown>,
  url: string,
) {
  const handler = router.createStaticHandler([
    { id: "root", path: "", children: [{ id: "page", path: "page" }] },
  ]);
  const staticHandlerContext = await handler.query(new Request(url));
  if (staticHandlerContext instanceof Response) throw new Error("unexpected response");
  return {
    manifest: {
      routes: manifestRoutes,
      entry: { module: "/entry.js", imports: [] },
      url: "/m.js",
      version: "1",
    },
    // A new object per request, with the same modules, as the server runtime makes it.
    routeModules: { ...modules },
    staticHandlerContext,
    future,
    isSpaMode: false,
    serverHandoffString: "{}",
    serializeError: (error: Error) => ({ message: error.message }),
    renderMeta: {},
  };
}

describe("server route tree cache (@remix-run/react and react-router-dom patches)", () => {
  it("builds a page's route tree once per build and renders every request with it", async () => {
    const manifestRoutes = {
      root: manifestRoute("root", ""),
      page: manifestRoute("page", "page", "root"),
    };
    const { Outlet } = require("react-router-dom") as typeof import("react-router-dom");
    const modules = {
      root: { default: () => createElement("main", null, createElement(Outlet)) },
      page: { default: () => createElement("p", null, "the page") },
    };
    const create = vi.spyOn(remixRoutes, "createServerRoutes");
    try {
      const render = async () => {
        const context = await entryContext(manifestRoutes, modules, "http://x/page");
        return renderToString(createElement(RemixServer, { context, url: "http://x/page" }));
      };
      expect(await render()).toContain("<main><p>the page</p></main>");
      const firstRequestCalls = create.mock.calls.length;
      expect(firstRequestCalls).toBe(1);
      expect(await render()).toContain("<main><p>the page</p></main>");
      expect(await render()).toContain("<main><p>the page</p></main>");
      expect(create.mock.calls.length).toBe(firstRequestCalls);

      // A changed route module (a new build in development) gets a new tree.
      const rebuilt = { ...modules, page: { default: () => createElement("p", null, "rebuilt") } };
      const context = await entryContext(manifestRoutes, rebuilt, "http://x/page");
      expect(
        renderToString(createElement(RemixServer, { context, url: "http://x/page" })),
      ).toContain("<p>rebuilt</p>");
      expect(create.mock.calls.length).toBeGreaterThan(firstRequestCalls);
    } finally {
      create.mockRestore();
    }
  });

  it("converts a routes array to data routes once and maps each request's matches onto them", async () => {
    const routes = [{ id: "root", path: "/", children: [{ id: "child", path: "child" }] }];
    const handler = router.createStaticHandler(routes as Route[]);
    const contextA = await handler.query(new Request("http://x/child"));
    const contextB = await handler.query(new Request("http://x/"));
    if (contextA instanceof Response || contextB instanceof Response)
      throw new Error("unexpected response");
    const a = routerServer.createStaticRouter(routes, contextA);
    const b = routerServer.createStaticRouter(routes, contextB);
    expect(b.routes).toBe(a.routes);
    expect(a.state.matches.map((m) => m.route.id)).toEqual(["root", "child"]);
    expect(b.state.matches.map((m) => m.route.id)).toEqual(["root"]);
    // The matches carry the converted data routes (with the router's own properties).
    expect(a.state.matches[1]?.route).toBe(a.routes[0]?.children?.[0]);
    expect(a.state.matches[1]?.route).toHaveProperty("hasErrorBoundary", false);
    const other = routerServer.createStaticRouter([...routes], contextA);
    expect(other.routes).not.toBe(a.routes);
  });
});
