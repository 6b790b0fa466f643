/**
 * Remix's server runtime gave each loader and action call a copy of the request (two new Requests
 * per call, to strip its own `index` and `_routes` parameters); the patch to
 * @remix-run/server-runtime (decision 033) hands the request on when its URL cannot hold them.
 * app/lib/guards.server.ts relies on it: a page's loaders share the signed-in user's lookup.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// The CommonJS build, the one Node loads for the server (vitest may pick the ES module build).
const require = createRequire(import.meta.url);
const runtime = require("@remix-run/server-runtime") as typeof import("@remix-run/server-runtime");

/** A two-route build (root and a page below it) whose loaders record the request they got. */
function recordingBuild(seen: Request[]) {
  const loader = ({ request }: { request: Request }) => {
    seen.push(request);
    return { ok: true };
  };
  const manifestRoute = (id: string, parentId: string | undefined, path: string) => ({
    id,
    parentId,
    path,
    module: `/${id}.js`,
    hasLoader: true,
    hasAction: false,
    hasClientLoader: false,
    hasClientAction: false,
    hasErrorBoundary: false,
  });
  return {
    mode: "production",
    basename: "/",
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    isSpaMode: false,
    future: { v3_singleFetch: true, v3_lazyRouteDiscovery: true },
    assets: {
      entry: { module: "/entry.js", imports: [] },
      url: "/manifest.js",
      version: "1",
      routes: {
        root: manifestRoute("root", undefined, ""),
        page: manifestRoute("page", "root", "catalogue"),
      },
    },
    routes: {
      root: { id: "root", path: "", module: { loader, default: () => null } },
      page: {
        id: "page",
        parentId: "root",
        path: "catalogue",
        module: { loader, default: () => null },
      },
    },
    entry: {
      module: {
        default: async (_request: Request, status: number, headers: Headers) =>
          new Response("<p>page</p>", { status, headers }),
      },
    },
  } as unknown as Parameters<typeof runtime.createRequestHandler>[0];
}

describe("the request a page's loaders get (@remix-run/server-runtime patch)", () => {
  it.each([
    ["a document request", "http://frirum.test/catalogue"],
    ["a document request with a query", "http://frirum.test/catalogue?audience=pupils"],
    ["a client navigation's data request", "http://frirum.test/catalogue.data"],
  ])("is the one request for every loader: %s", async (_kind, url) => {
    const seen: Request[] = [];
    const response = await runtime.createRequestHandler(recordingBuild(seen))(new Request(url));
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
  });

  it("still has Remix's own parameters taken out of its URL", async () => {
    const seen: Request[] = [];
    const handler = runtime.createRequestHandler(recordingBuild(seen));
    await handler(new Request("http://frirum.test/catalogue?audience=pupils&index="));
    await handler(new Request("http://frirum.test/catalogue.data?_routes=page&audience=pupils"));
    expect(seen.map((request) => request.url)).toEqual([
      "http://frirum.test/catalogue?audience=pupils",
      "http://frirum.test/catalogue?audience=pupils",
      "http://frirum.test/catalogue?audience=pupils",
    ]);
  });
});
