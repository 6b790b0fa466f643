import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";

// The patch (patches/@remix-run+server-runtime+*.patch, decision 033) changes the CommonJS build
// Node loads for the server; it is required explicitly, as vitest may pick the ES module build.
const require = createRequire(import.meta.url);
const runtime = require("@remix-run/server-runtime") as typeof import("@remix-run/server-runtime");
const singleFetch = require("@remix-run/server-runtime/dist/single-fetch.js") as {
  encodeViaTurboStream: (...args: unknown[]) => ReadableStream<Uint8Array>;
};

type EntryContext = { serverHandoffStream?: ReadableStream<Uint8Array> };

/** A one-route build whose document entry either reads the hydration data or leaves it. */
function build(readHandoff: boolean) {
  const route = {
    id: "root",
    path: "",
    module: {
      loader: () => ({ greeting: "hej" }),
      default: () => null,
    },
  };
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
        root: {
          id: "root",
          path: "",
          module: "/root.js",
          hasLoader: true,
          hasAction: false,
          hasClientLoader: false,
          hasClientAction: false,
          hasErrorBoundary: false,
        },
      },
    },
    routes: { root: route },
    entry: {
      module: {
        default: async (
          _request: Request,
          status: number,
          headers: Headers,
          context: EntryContext,
        ) => {
          let body = "<p>page</p>";
          if (readHandoff && context.serverHandoffStream) {
            body += await new Response(context.serverHandoffStream).text();
          }
          return new Response(body, { status, headers });
        },
      },
    },
  } as unknown as Parameters<typeof runtime.createRequestHandler>[0];
}

describe("hydration data stream (@remix-run/server-runtime patch)", () => {
  it("does not serialise the loader data for a page that never reads it", async () => {
    const encode = vi.spyOn(singleFetch, "encodeViaTurboStream");
    try {
      const response = await runtime.createRequestHandler(build(false))(new Request("http://x/"));
      expect(await response.text()).toBe("<p>page</p>");
      expect(encode).not.toHaveBeenCalled();
    } finally {
      encode.mockRestore();
    }
  });

  it("serialises it, whole, for a page that reads it", async () => {
    const encode = vi.spyOn(singleFetch, "encodeViaTurboStream");
    try {
      const response = await runtime.createRequestHandler(build(true))(new Request("http://x/"));
      const text = await response.text();
      expect(encode).toHaveBeenCalledTimes(1);
      expect(text).toContain("<p>page</p>");
      expect(text).toContain("loaderData");
      expect(text).toContain("hej");
    } finally {
      encode.mockRestore();
    }
  });
});
