/**
 * Remix's server runtime gave each loader and action call a copy of the request (two new Requests
 * per call, to strip its own `index` and `_routes` parameters); the patch to
 * @remix-run/server-runtime (decision 033) hands the request on when its URL cannot hold them.
 * app/lib/guards.server.ts relies on it: a page's loaders share the signed-in user's lookup.
 */
import { describe, expect, it } from "vitest";
import { serverRuntime as runtime, testServerBuild } from "../support/remix-build";

/** A two-route build (root and a page below it) whose loaders record the request they got. */
function recordingBuild(seen: Request[]) {
  const loader = ({ request }: { request: Request }) => {
    seen.push(request);
    return { ok: true };
  };
  return testServerBuild(
    [
      { id: "root", path: "", loader },
      { id: "page", parentId: "root", path: "catalogue", loader },
    ],
    async (_request, status, headers) => new Response("<p>page</p>", { status, headers }),
  );
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
