/**
 * The server's links (app/components/link.tsx): the markup Remix's <Link> would render, written
 * without its router hooks. The browser hydrates Remix's <Link> onto it, so any difference would
 * be a hydration mismatch (React 18 keeps the server's attributes in production without a word):
 * each case renders both, in the same router, and compares the HTML.
 */
import { Link as RemixLink } from "@remix-run/react";
import { createElement, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { StaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { Link, ServerLink } from "~/components/link";

type Props = Parameters<typeof RemixLink>[0];

function render(component: typeof RemixLink | typeof ServerLink, props: Props): string {
  return renderToString(
    createElement(
      StaticRouter,
      { location: "/coordinator/requests/7?page=2" },
      createElement(component as typeof RemixLink, props),
    ),
  );
}

const children: ReactNode = [createElement("strong", { key: "n" }, "12"), "Henvendelser"];

const cases: Array<[string, Props]> = [
  ["the home page", { to: "/", children: "Forside" }],
  ["a path with a query", { to: "/coordinator/requests?status=requested&page=2", children }],
  ["a class and aria-current", { to: "/catalogue", className: "brand", "aria-current": "page" }],
  ["rel and a target", { to: "/coordinator/requests?page=3", rel: "next", target: "_blank" }],
  ["an empty query and hash", { to: "/coordinator/requests?#", children: "x" }],
  ["a hash", { to: "/coordinator/tracks/3#step-2", children: "x" }],
  ["a trailing slash", { to: "/coordinator/", children: "x" }],
  ["dot segments", { to: "/coordinator/../catalogue/./5", children: "x" }],
  ["characters to escape", { to: '/catalogue?q="æ<ø>&å"', title: "a <b> & 'c'" }],
  // Not written by the server link (Remix's <Link> renders them), compared all the same:
  ["a relative query", { to: "?version=2", children: "x" }],
  ["a path relative to the route", { to: "../8", children: "x" }],
  ["another origin", { to: "https://example.org/x", children: "x" }],
  ["a protocol-relative URL", { to: "//example.org/x", children: "x" }],
  ["a document reload", { to: "/logout", reloadDocument: true, children: "x" }],
  ["discover none", { to: "/catalogue", discover: "none", children: "x" }],
  ["a path object", { to: { pathname: "/catalogue", search: "?a=1" }, children: "x" }],
];

describe("the server's link", () => {
  it.each(cases)("renders %s as Remix's <Link> does", (_name, props) => {
    const expected = render(RemixLink, props);
    expect(expected).toContain("<a ");
    expect(render(ServerLink, props)).toBe(expected);
  });

  it.each(cases)("renders %s the same the second time (hrefs are remembered)", (_name, props) => {
    const expected = render(RemixLink, props);
    render(ServerLink, props);
    expect(render(ServerLink, props)).toBe(expected);
  });

  it("writes in-app paths itself, with the route-discovery attribute", () => {
    expect(render(ServerLink, { to: "/coordinator/requests?status=requested" })).toBe(
      '<a data-discover="true" href="/coordinator/requests?status=requested"></a>',
    );
  });

  it("is the link the server renders; the browser gets Remix's", () => {
    // Vitest transforms for the server, as Vite's server build does.
    expect(import.meta.env.SSR).toBe(true);
    expect(Link).toBe(ServerLink);
  });
});
