import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { MESSAGE_KEYS } from "~/i18n";

export { CHROMIUM_PATH, launchBrowser } from "./chromium";

export const PHONE_VIEWPORT = { width: 390, height: 844 };

/** Fails the test on any axe violation of WCAG 2.0/2.1 A and AA on the current page. */
export async function expectNoAxeViolations(page: Page, label = page.url()) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/**
 * axe needs JavaScript in the page, so for a JavaScript-disabled page the same HTML (scripts
 * removed, same URL so styles load) is scanned in a JavaScript-enabled context.
 */
export async function expectNoAxeViolationsWithoutJs(page: Page, label = page.url()) {
  const html = (await page.content()).replace(/<script[\s\S]*?<\/script>/g, "");
  const url = page.url();
  const browser = page.context().browser();
  if (!browser) throw new Error("no browser");
  const context = await browser.newContext();
  try {
    const scanPage = await context.newPage();
    await scanPage.route(url, (route) => route.fulfill({ body: html, contentType: "text/html" }));
    await scanPage.goto(url);
    await expectNoAxeViolations(scanPage, `${label} (no JavaScript)`);
  } finally {
    await context.close();
  }
}

/**
 * Collects CSP violations, page errors and message keys shown as text; a journey should end with
 * none. A key shows as itself when its page was not sent its message (decision 037): the page
 * is watched from its first byte, on every load and client-side navigation, in its text and in
 * the attributes a user hears or sees (labels, titles, placeholders).
 */
export async function watchPageProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  await page.exposeBinding("__frirumShownKey", ({ frame }, key: string) => {
    problems.push(`message key shown as text on ${frame.url()}: ${key}`);
  });
  await page.addInitScript(watchForShownKeys, [...MESSAGE_KEYS]);
  return problems;
}

/** Runs in the page (serialised by Playwright): reports each known key found in text. */
function watchForShownKeys(keys: string[]) {
  const known = new Set(keys);
  const reported = new Set<string>();
  const report = (window as unknown as { __frirumShownKey: (key: string) => void })
    .__frirumShownKey;
  const check = (text: string | null) => {
    for (const word of text?.match(/[A-Za-z][\w-]*(?:\.[\w-]+)+/g) ?? []) {
      if (known.has(word) && !reported.has(word)) {
        reported.add(word);
        report(word);
      }
    }
  };
  const scan = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (!node.parentElement?.closest("script, style")) check(node.textContent);
      return;
    }
    if (!(node instanceof Element)) return;
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let current: Node | null = node; current; current = walker.nextNode()) {
      if (current instanceof Element) {
        if (current.matches("script, style")) continue;
        for (const name of ["aria-label", "title", "placeholder", "alt"]) {
          check(current.getAttribute(name));
        }
      } else if (!current.parentElement?.closest("script, style")) {
        check(current.textContent);
      }
    }
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "characterData") scan(record.target);
      else if (record.type === "attributes") scan(record.target);
      else for (const node of record.addedNodes) scan(node);
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ["aria-label", "title", "placeholder", "alt"],
  });
  document.addEventListener("DOMContentLoaded", () => scan(document.documentElement));
}

/**
 * Signs in through the real flow: the form, the local mailbox (the demo's outbox), the emailed
 * link and its confirm button. Returns when the start page has loaded.
 */
export async function signInThroughMailbox(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/E-mailadresse|Email address/).fill(email);
  await page.getByRole("button", { name: /Send login-link|Send sign-in link/ }).click();
  await page.getByRole("heading", { name: /Tjek din e-mail|Check your email/ }).waitFor();
  const link = await waitForMailLink(page.context(), baseUrl, email, "/auth/verify");
  await page.goto(link);
  await page.getByRole("button", { name: /^(Log ind|Sign in)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/auth/"));
}

/** Reads the newest mail to `to` in the local mailbox and returns its first link containing `path`. */
export async function waitForMailLink(
  context: BrowserContext,
  baseUrl: string,
  to: string,
  path: string,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const page = await context.newPage();
  try {
    for (;;) {
      await page.goto(`${baseUrl}/dev/mailbox?to=${encodeURIComponent(to)}`);
      const first = page.locator("table tbody tr a").first();
      if ((await first.count()) > 0) {
        const href = await first.getAttribute("href");
        await page.goto(new URL(href ?? "", baseUrl).toString());
        const links = await page
          .locator("a.mail-link")
          .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
        const match = links.find((href) => href.includes(path));
        if (match) return match;
      }
      if (Date.now() > deadline) throw new Error(`No mail with a ${path} link to ${to}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  } finally {
    await page.close();
  }
}
