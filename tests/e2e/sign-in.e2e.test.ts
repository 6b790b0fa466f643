import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  launchBrowser,
  waitForMailLink,
  watchPageProblems,
} from "../support/browser";

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const roles = [
  { email: "koordinator@frirum.test", startPath: "/coordinator", heading: "Overblik" },
  { email: "facilitator1@frirum.test", startPath: "/facilitator", heading: "Mine forløb" },
  { email: "leder.tingbjerg-skole@frirum.test", startPath: "/school", heading: "Min skole" },
];

describe("sign-in by magic link", () => {
  for (const role of roles) {
    it(`signs in ${role.email} through the emailed link and lands on ${role.startPath}`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems = await watchPageProblems(page);

      await page.goto(`${server.url}/login`);
      await page.getByRole("heading", { level: 1, name: "Log ind" }).waitFor();
      expect(await page.getAttribute("html", "lang")).toBe("da");
      await expectNoAxeViolations(page, "login");

      await page.getByLabel("E-mailadresse").fill(role.email);
      await page.getByRole("button", { name: "Send login-link" }).click();
      await page.getByRole("heading", { name: "Tjek din e-mail" }).waitFor();
      await expectNoAxeViolations(page, "link sent");

      const link = await waitForMailLink(context, server.url, role.email, "/auth/verify");
      await page.goto(`${server.url}/dev/mailbox`);
      await expectNoAxeViolations(page, "mailbox");

      await page.goto(link);
      await expectNoAxeViolations(page, "verify");
      await page.getByRole("button", { name: "Log ind" }).click();
      await page.waitForURL(`${server.url}${role.startPath}`);
      await page.getByRole("heading", { level: 1, name: role.heading }).waitFor();
      await expectNoAxeViolations(page, role.startPath);

      // The link was single use: a second visit says so and offers a new one.
      await page.goto(link);
      await page.getByRole("heading", { name: "Linket er allerede brugt" }).waitFor();
      await expectNoAxeViolations(page, "used link");

      // Sign out ends the session: the start page sends us to the sign-in page.
      await page.goto(`${server.url}${role.startPath}`);
      await page.getByRole("button", { name: "Log ud" }).click();
      await page.waitForURL(/\/login/);
      await page.goto(`${server.url}${role.startPath}`);
      await page.waitForURL(/\/login\?redirectTo=/);

      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it("opens the page asked for after signing in through the emailed link (no JavaScript)", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/coordinator/requests?status=requested`);
    await page.waitForURL(/\/login\?redirectTo=/);
    await page.getByLabel("E-mailadresse").fill("koordinator@frirum.test");
    await page.getByRole("button", { name: "Send login-link" }).click();
    await page.getByRole("heading", { name: "Tjek din e-mail" }).waitFor();
    const link = await waitForMailLink(
      context,
      server.url,
      "koordinator@frirum.test",
      "/auth/verify",
    );
    await page.goto(link);
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.waitForURL(`${server.url}/coordinator/requests?status=requested`);
    await page.getByRole("heading", { level: 1, name: "Henvendelser" }).waitFor();
    // Signed in, /login with a redirectTo goes straight there; a foreign target is ignored.
    await page.goto(`${server.url}/login?redirectTo=%2Fcatalogue`);
    await page.waitForURL(`${server.url}/catalogue`);
    await page.goto(`${server.url}/login?redirectTo=%2F%5Cevil.example%2F`);
    await page.waitForURL(`${server.url}/coordinator`);
    await context.close();
  });

  it("shows an inline Danish message for a malformed email, with and without JavaScript", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(`${server.url}/login`);
      await page.getByLabel("E-mailadresse").fill("ikke-en-mail");
      await page.getByRole("button", { name: "Send login-link" }).click();
      await expect
        .poll(() => page.locator(".field-error").textContent())
        .toContain("Skriv en gyldig e-mailadresse");
      expect(await page.getByRole("alert").textContent()).toContain("Der er fejl i formularen");
      expect(await page.getByLabel("E-mailadresse").inputValue()).toBe("ikke-en-mail");
      if (javaScriptEnabled) await expectNoAxeViolations(page, "login error");
      else await expectNoAxeViolationsWithoutJs(page, "login error");
      await context.close();
    }
  });

  it("sends a form to the server when its validation code has not loaded: the action's errors show", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/login`, { waitUntil: "networkidle" });
    // The page is hydrated; every script asked for from now on (the schema's chunk) fails, as
    // on a connection that drops, or when the button is pressed before the chunk arrives.
    await page.route("**/assets/**", (route) => route.abort());
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(new URL(request.url()).pathname);
    });
    await page.getByLabel("E-mailadresse").fill("ikke-en-mail");
    await page.getByRole("button", { name: "Send login-link" }).click();
    await expect
      .poll(() => page.locator(".field-error").textContent())
      .toContain("Skriv en gyldig e-mailadresse");
    expect(await page.getByRole("alert").textContent()).toContain("Der er fejl i formularen");
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatch(/^\/login/);
    expect(await page.locator("form[data-client-validation]").count()).toBe(0);
    expect(await page.getByLabel("E-mailadresse").inputValue()).toBe("ikke-en-mail");
    await context.close();
  });

  it("keeps what was typed while react-hook-form loads, and checks it in the browser", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/login`, { waitUntil: "networkidle" });
    // react-hook-form arrives on the first focus; here only after the field has been filled.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/assets/form-control-*.js", async (route) => {
      await released;
      await route.continue();
    });
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(new URL(request.url()).pathname);
    });
    await page.getByLabel("E-mailadresse").fill("ikke-en-mail");
    release();
    await page.locator("form[data-client-validation]").waitFor();
    // Registering the field set it to its initial value (empty); what was typed is back.
    expect(await page.getByLabel("E-mailadresse").inputValue()).toBe("ikke-en-mail");
    await page.getByRole("button", { name: "Send login-link" }).click();
    await expect
      .poll(() => page.locator(".field-error").textContent())
      .toContain("Skriv en gyldig e-mailadresse");
    expect(posts).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("email");
    await context.close();
  });

  it("answers a forged link with a page and a button for a new link, never a 500", async () => {
    const page = await (await browser.newContext()).newPage();
    const response = await page.goto(`${server.url}/auth/verify?token=forged-token-value`);
    expect(response?.status()).toBe(200);
    await page.getByRole("heading", { name: "Linket virker ikke" }).waitFor();
    await page.getByRole("link", { name: "Send et nyt link" }).waitFor();
    await expectNoAxeViolations(page, "forged link");
    await page.close();
  });

  it("switches to English and remembers it", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await expectNoAxeViolations(page, "login (en)");
    await page.goto(`${server.url}/dev/mailbox`);
    await page.getByRole("heading", { name: "Local mailbox (demo)" }).waitFor();
    await context.close();
  });

  it("answers unknown pages with a 404 page and /healthz with JSON", async () => {
    const page = await (await browser.newContext()).newPage();
    const response = await page.goto(`${server.url}/does-not-exist`);
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { name: "Siden findes ikke" }).waitFor();
    await expectNoAxeViolations(page, "404");
    await page.close();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: "ok",
      database: "ok",
      databaseKind: "sqlite",
      pendingMigrations: [],
    });
  });
});
