/**
 * A minimal Remix server build for tests of the patched server runtime (decision 033): routes
 * with loaders and a document entry, run through `createRequestHandler` of the CommonJS build,
 * the one Node loads for the server (vitest may pick the ES module build for a plain import).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
export const serverRuntime =
  require("@remix-run/server-runtime") as typeof import("@remix-run/server-runtime");

type ServerBuild = Parameters<typeof serverRuntime.createRequestHandler>[0];

export interface TestRoute {
  id: string;
  parentId?: string;
  path: string;
  loader: (args: { request: Request }) => unknown;
  /** The route's page (none by default). */
  Component?: () => unknown;
  handle?: unknown;
}

type DocumentEntry = (
  request: Request,
  status: number,
  headers: Headers,
  // Remix's EntryContext: what the tests read of it, and the rest for a real document entry.
  context: { serverHandoffStream?: ReadableStream<Uint8Array> } & Record<string, unknown>,
) => Promise<Response>;

/** A production build of `routes` (single fetch, lazy route discovery) rendered by `entry`. */
export function testServerBuild(routes: TestRoute[], entry: DocumentEntry): ServerBuild {
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
      routes: Object.fromEntries(
        routes.map((route) => [
          route.id,
          {
            id: route.id,
            parentId: route.parentId,
            path: route.path,
            module: `/${route.id}.js`,
            hasLoader: true,
            hasAction: false,
            hasClientLoader: false,
            hasClientAction: false,
            hasErrorBoundary: false,
          },
        ]),
      ),
    },
    routes: Object.fromEntries(
      routes.map((route) => [
        route.id,
        {
          id: route.id,
          parentId: route.parentId,
          path: route.path,
          module: {
            loader: route.loader,
            default: route.Component ?? (() => null),
            handle: route.handle,
          },
        },
      ]),
    ),
    entry: { module: { default: entry } },
  } as unknown as ServerBuild;
}
