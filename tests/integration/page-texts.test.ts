/**
 * Every staff page shows its texts, never a message key: a key shows as itself when the page was
 * not sent its message (decision 037: which keys a page gets is read from the source at build).
 * The browser journeys watch the pages they visit; this crawl reaches the rest. Signed in as each
 * role and in both languages, it follows every link from the start page on the production build,
 * reads each page's HTML and looks for a key in its text and in the attributes a user hears.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MESSAGE_KEYS } from "~/i18n";
import { localeCookie } from "~/lib/session.server";
import { type AppServer, signInCookie, startAppServer } from "../support/app-server";

/** Needs the production build (`npm test` builds first). */
let server: AppServer;
beforeAll(async () => {
  server = await startAppServer();
}, 90_000);
afterAll(async () => {
  await server?.stop();
});

const KEYS = new Set(MESSAGE_KEYS);

/** The message keys in a page's visible text and in its labels, titles, placeholders and alt texts. */
function keysShownIn(html: string): string[] {
  const withoutCode = html
    .replace(/<script\b[\s\S]*?<\/script>/g, " ")
    .replace(/<style\b[\s\S]*?<\/style>/g, " ");
  const attributes = [
    ...withoutCode.matchAll(/\s(?:aria-label|title|placeholder|alt)="([^"]*)"/g),
  ].map((m) => m[1]);
  const text = withoutCode.replace(/<[^>]*>/g, " ");
  const words = [text, ...attributes].join(" ").match(/[A-Za-z][\w-]*(?:\.[\w-]+)+/g) ?? [];
  return [...new Set(words.filter((word) => KEYS.has(word)))];
}

/** Pages reached from `start` by following links (GET, this site, HTML only), at most `limit`. */
async function crawl(start: string, cookie: string, limit: number) {
  const seen = new Set<string>([start]);
  const queue = [start];
  const pages: Array<{ path: string; lang: string | undefined; keys: string[] }> = [];
  // One page per path and query shape: the inbox's 100 filter links are one page, not 100.
  const shapes = new Set<string>();
  while (queue.length > 0 && pages.length < limit) {
    const path = queue.shift() as string;
    const response = await fetch(`${server.url}${path}`, {
      headers: { Cookie: cookie },
      redirect: "manual",
    });
    if (response.status !== 200) continue;
    if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) {
      await response.arrayBuffer();
      continue;
    }
    const html = await response.text();
    pages.push({ path, lang: /<html lang="(\w+)"/.exec(html)?.[1], keys: keysShownIn(html) });
    for (const [, href] of html.matchAll(/<a\b[^>]*\shref="(\/[^"#]*)"/g)) {
      const target = href.replaceAll("&amp;", "&");
      // Signing out would end the crawl; feedback pages and feeds are not staff pages.
      if (/^\/(logout|f\/|f$|feeds\/)/.test(target) || seen.has(target)) continue;
      const url = new URL(target, server.url);
      const shape = `${url.pathname.replace(/\/\d+/g, "/:id")}?${[...url.searchParams.keys()].sort().join("&")}`;
      if (shapes.has(shape)) continue;
      shapes.add(shape);
      seen.add(target);
      queue.push(target);
    }
  }
  return pages;
}

describe("staff pages show texts, not message keys (decision 037)", () => {
  const roles = [
    { email: "koordinator@frirum.test", start: "/coordinator", atLeast: 30 },
    { email: "leder.noerrebro-parkskole@frirum.test", start: "/school", atLeast: 6 },
    { email: "facilitator1@frirum.test", start: "/facilitator", atLeast: 4 },
  ];
  for (const { email, start, atLeast } of roles) {
    for (const locale of ["da", "en"] as const) {
      it(`${email}, ${locale}: every page reached from ${start}`, async () => {
        const session = await signInCookie(server, email);
        const language = (await localeCookie.serialize(locale)).split(";")[0];
        const pages = await crawl(start, `${session}; ${language}`, 120);
        expect(pages.length).toBeGreaterThanOrEqual(atLeast);
        expect(pages[0].lang).toBe(locale);
        expect(pages.filter((page) => page.keys.length > 0)).toEqual([]);
      }, 120_000);
    }
  }

  it("finds a key the page was not sent (the check itself)", () => {
    expect(keysShownIn('<h1>catalogue.title</h1><input placeholder="nav.home">')).toEqual([
      "catalogue.title",
      "nav.home",
    ]);
    expect(keysShownIn('<h1>Forløbskatalog</h1><script>{"catalogue.title":"x"}</script>')).toEqual(
      [],
    );
  });
});
