/**
 * The components' `t()` from `useT()`, rendered in a data router whose root route carries the
 * messages, as the root loader sends them. Keys are typed: a misspelt one fails typecheck.
 */
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import {
  createStaticHandler,
  createStaticRouter,
  StaticRouterProvider,
} from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { useT } from "~/components/i18n";

type TextOf = (t: ReturnType<typeof useT>) => string;

/** A component that shows what `text` makes with the page's `t`. */
function Probe({ text }: { text: TextOf }) {
  return createElement("p", null, text(useT()));
}

/** Server-renders `text(t)` in a page whose root loader sent `messages` (as JSON, as it does). */
async function renderWithT(messages: Record<string, string>, text: TextOf): Promise<string> {
  const handler = createStaticHandler([
    {
      id: "root",
      path: "/",
      element: createElement(Probe, { text }),
      loader: () => ({ locale: "en", messages: JSON.stringify(messages) }),
    },
  ]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("the root loader answered with a Response");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(createElement(StaticRouterProvider, { router, context }));
}

describe("useT", () => {
  it("accepts only keys of the catalogues: a misspelt key fails typecheck", async () => {
    const html = await renderWithT({ "nav.signIn": "Sign in {name}" }, (t) => {
      const known = t("nav.signIn", { name: "Ada" });
      // @ts-expect-error "nav.signInn" is no MessageKey; typecheck fails if t takes any string
      const misspelt = t("nav.signInn");
      return `${known}|${misspelt}`;
    });
    expect(html).toContain("Sign in Ada|nav.signInn");
  });

  it("t.has says whether the page got a message, and narrows a key built from data", async () => {
    const html = await renderWithT({ "sessions.audit.session.moved": "Moved" }, (t) => {
      const label = (action: string) => {
        const key = `sessions.audit.${action}`;
        return t.has(key) ? t(key) : action;
      };
      return `${label("session.moved")}|${label("session.unknown")}`;
    });
    expect(html).toContain("Moved|session.unknown");
  });
});
