import { createRequire } from "node:module";
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { RemixServer, Scripts, useMatches } from "@remix-run/react";
import { createElement, type ReactNode, Suspense } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import handleRequest from "~/entry.server";
import { layoutRendersScripts, pageHydrates } from "~/lib/hydration";
import { serverRuntime as runtime, testServerBuild } from "../support/remix-build";

/** Remix's own document entry (what `remix reveal` writes), rendering while it reads the data. */
function remixDefaultEntry(
  request: Request,
  status: number,
  headers: Headers,
  context: EntryContext,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const { pipe } = renderToPipeableStream(
      createElement(RemixServer, { context, url: request.url }),
      {
        onAllReady() {
          const body = new PassThrough();
          resolve(new Response(createReadableStreamFromReadable(body), { status, headers }));
          pipe(body);
        },
        onShellError: reject,
      },
    );
  });
}

/** `<html><body>` around the given elements. */
const htmlDocument = (...body: ReactNode[]) =>
  createElement("html", null, createElement("body", null, ...body));

/** A root page that, like the app's layout, writes the scripts only on a page that hydrates. */
const page = () =>
  htmlDocument(
    createElement("p", null, "side"),
    pageHydrates(useMatches().map((match) => match.handle)) ? createElement(Scripts) : null,
  );

// The CommonJS build, the one the server runtime calls (see handoff-stream-lazy.test.ts).
const singleFetch = createRequire(import.meta.url)(
  "@remix-run/server-runtime/dist/single-fetch.js",
) as { encodeViaTurboStream: (...args: unknown[]) => ReadableStream<Uint8Array> };

async function respond(
  entry: typeof remixDefaultEntry,
  route: { handle?: unknown; Component?: () => unknown; loader?: () => unknown } = {},
) {
  const build = testServerBuild(
    [
      {
        id: "root",
        path: "",
        loader: route.loader ?? (() => ({ greeting: "hej", list: [1, 2] })),
        Component: route.Component ?? page,
        handle: route.handle,
      },
    ],
    entry as never,
  );
  const response = await runtime.createRequestHandler(build)(new Request("http://x/"));
  // The app's entry writes a fresh nonce into every script tag.
  return { status: response.status, html: (await response.text()).replace(/ nonce="[^"]*"/g, "") };
}

async function render(entry: typeof remixDefaultEntry, handle?: unknown) {
  return (await respond(entry, { handle })).html;
}

describe("the hydration data, read before the page renders (decision 038)", () => {
  // Also decision 039: the app's entry renders to a string, Remix's own streams.
  it("writes the page Remix writes: the data, then the end of the stream", async () => {
    const app = await render(handleRequest as unknown as typeof remixDefaultEntry);
    const remix = await render(remixDefaultEntry);
    expect(app).toBe(remix);
    const enqueued = app.indexOf("streamController.enqueue(");
    expect(enqueued).toBeGreaterThan(0);
    expect(app.indexOf("streamController.enqueue(", enqueued + 1)).toBe(-1);
    expect(app.indexOf("streamController.close()")).toBeGreaterThan(enqueued);
    expect(app.slice(enqueued)).toContain("hej");
  });

  it("leaves it unread, and unserialised, on a page without client JavaScript", async () => {
    const encode = vi.spyOn(singleFetch, "encodeViaTurboStream");
    try {
      await render(handleRequest as unknown as typeof remixDefaultEntry, { hydrate: false });
      expect(encode).not.toHaveBeenCalled();
      await render(handleRequest as unknown as typeof remixDefaultEntry);
      expect(encode).toHaveBeenCalledTimes(1);
    } finally {
      encode.mockRestore();
    }
  });

  it("a page hydrates unless one of its routes says `hydrate: false`", () => {
    expect(pageHydrates([undefined, {}, { hydrate: true }])).toBe(true);
    expect(pageHydrates([undefined, { hydrate: false, bare: true }])).toBe(false);
    expect(pageHydrates([])).toBe(true);
  });

  it("the layout renders the scripts in the browser always, on the server as the page says", () => {
    const htmlOnly = [undefined, { hydrate: false }];
    expect(layoutRendersScripts(htmlOnly, false)).toBe(false);
    expect(layoutRendersScripts(htmlOnly, true)).toBe(true);
    expect(layoutRendersScripts([undefined, {}], false)).toBe(true);
    expect(layoutRendersScripts([undefined, {}], true)).toBe(true);
  });
});

/** A component that never finishes: it suspends on a promise that never settles. */
const never = new Promise(() => undefined);
function Suspends(): never {
  throw never;
}

/** A page whose one Suspense boundary waits on `Suspends`. */
const suspendingPage = () =>
  htmlDocument(
    createElement(
      Suspense,
      { fallback: createElement("p", null, "fallback") },
      createElement(Suspends),
    ),
  );

/** What happened in which order, as `pageNotingItsRender` and a test note it. */
const renderOrder: string[] = [];

/** The page above, noting when it renders. */
const pageNotingItsRender = () => {
  renderOrder.push("render");
  return page();
};

describe("pages rendered to a string (decision 039)", () => {
  const appEntry = handleRequest as unknown as typeof remixDefaultEntry;

  it("writes the doctype Remix's streaming entry writes before an <html> root", async () => {
    const app = await render(appEntry);
    expect(app.startsWith("<!DOCTYPE html><html>")).toBe(true);
    expect(app.match(/<!DOCTYPE/g)).toHaveLength(1);
  });

  it("waits for data a loader defers and writes it into the page, as Remix's entry does", async () => {
    const loader = () => ({
      now: "hej",
      later: new Promise((resolve) => setTimeout(() => resolve("sent later"), 20)),
    });
    const app = await respond(appEntry, { loader });
    const remix = await respond(remixDefaultEntry, { loader });
    expect(app.status).toBe(200);
    expect(app.html).toContain("sent later");
    // Remix's entry streams the deferred part in a script of its own; both carry the same data.
    const data = (html: string) =>
      [...html.matchAll(/streamController\.enqueue\((".*?")\);/g)]
        .map((m) => JSON.parse(m[1]) as string)
        .join("");
    expect(data(app.html)).toBe(data(remix.html));
  });

  it("lets the event loop turn before rendering, so requests that arrived meanwhile are read", async () => {
    const order = renderOrder;
    order.length = 0;
    const responded = respond(appEntry, { Component: pageNotingItsRender });
    // Stands for a socket read (a posted answer) that is due when the page is about to render.
    setImmediate(() => order.push("socket read"));
    await responded;
    expect(order).toEqual(["socket read", "render"]);
  });

  it("fails a page whose Suspense boundary did not finish, rather than send its fallback", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const { status, html } = await respond(appEntry, { Component: suspendingPage });
      expect(status).toBe(500);
      expect(html).not.toContain("fallback");
    } finally {
      error.mockRestore();
    }
  });
});
