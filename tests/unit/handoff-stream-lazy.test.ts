import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";
import { serverRuntime as runtime, testServerBuild } from "../support/remix-build";

// The patch (patches/@remix-run+server-runtime+*.patch, decision 033) changes the CommonJS build
// Node loads for the server; it is required explicitly, as vitest may pick the ES module build.
const require = createRequire(import.meta.url);
const singleFetch = require("@remix-run/server-runtime/dist/single-fetch.js") as {
  encodeViaTurboStream: (...args: unknown[]) => ReadableStream<Uint8Array>;
};

/** A one-route build whose document entry either reads the hydration data or leaves it. */
function build(readHandoff: boolean) {
  return testServerBuild(
    [{ id: "root", path: "", loader: () => ({ greeting: "hej" }) }],
    async (_request, status, headers, context) => {
      let body = "<p>page</p>";
      if (readHandoff && context.serverHandoffStream) {
        body += await new Response(context.serverHandoffStream).text();
      }
      return new Response(body, { status, headers });
    },
  );
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
