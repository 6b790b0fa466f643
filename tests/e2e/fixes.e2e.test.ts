import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInCopenhagen } from "~/domain/time";
import { type AppServer, startAppServer } from "../support/app-server";
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  launchBrowser,
  PHONE_VIEWPORT,
  signInThroughMailbox,
} from "../support/browser";
import { insertFeedbackSession } from "../support/feedback";

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  await insertFeedbackSession(server.db, { code: "PRV222", audience: "parents" });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("privacy notice and accessibility statement", () => {
  it("links the privacy notice from the feedback form, in the form's language, RTL for Arabic", async () => {
    const context = await browser.newContext({
      viewport: PHONE_VIEWPORT,
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/f/PRV222?lang=ar`);
    await page.locator('a[href="/privatliv?lang=ar&code=PRV222"]').click();
    await page.getByRole("heading", { level: 1, name: "كيف يتعامل Frirum مع البيانات" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("ar");
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    // Unreviewed translations say so.
    expect(await page.locator("[data-draft]").count()).toBe(1);
    expect(await page.locator("main").textContent()).toContain("24");
    await expectNoAxeViolationsWithoutJs(page, "privacy notice (ar)");
    await page.getByRole("link", { name: "العودة إلى الاستبيان" }).click();
    await page.waitForURL(`${server.url}/f/PRV222?lang=ar`);

    await page.goto(`${server.url}/privatliv`);
    await page
      .getByRole("heading", { level: 1, name: "Sådan behandler vi data i Frirum" })
      .waitFor();
    expect(await page.locator("[data-draft]").count()).toBe(0);
    expect(await page.locator("main").textContent()).toContain("frirum@kk.example");
    await expectNoAxeViolationsWithoutJs(page, "privacy notice (da)");
    for (const locale of ["en", "so", "ur", "tr", "fa"]) {
      const response = await page.goto(`${server.url}/privatliv?lang=${locale}`);
      expect(response?.status(), locale).toBe(200);
      expect(await page.getAttribute("html", "lang")).toBe(locale);
      expect(await page.getAttribute("html", "dir")).toBe(
        ["ur", "fa"].includes(locale) ? "rtl" : "ltr",
      );
      expect(await page.locator("[data-draft]").count(), locale).toBe(1);
    }
    await context.close();
  });

  it("shows the accessibility statement, linked from every staff page and the sign-in page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole("link", { name: "Sådan behandler vi dine oplysninger" }).waitFor();
    await page.getByRole("link", { name: "Tilgængelighedserklæring" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Tilgængelighedserklæring for Frirum" })
      .waitFor();
    const text = (await page.locator("main").textContent()) ?? "";
    for (const part of [
      "Overensstemmelsesstatus",
      "Indhold, der ikke er tilgængeligt",
      "Feedback og kontaktoplysninger",
      "Håndhævelsesprocedure",
      "Digitaliseringsstyrelsen",
      "2. december 2026",
    ]) {
      expect(text).toContain(part);
    }
    await expectNoAxeViolations(page, "accessibility statement");
    await context.close();
  });
});

describe("school holidays", () => {
  it("lets the coordinator add, edit and delete a holiday without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signInThroughMailbox(page, server.url, "koordinator@frirum.test");
    await page.getByRole("link", { name: "Skoleferier" }).click();
    await page.getByRole("heading", { level: 1, name: "Skoleferier" }).waitFor();
    await expectNoAxeViolationsWithoutJs(page, "holidays");

    // Every error at once, and nothing typed is lost.
    await page.getByLabel("Navn").fill("Skolernes fridag");
    await page.getByLabel("Første fridag").fill("2027-11-20");
    await page.getByLabel("Sidste fridag").fill("2027-11-19");
    await page.getByRole("button", { name: "Tilføj" }).click();
    await page.getByRole("alert").filter({ hasText: "Der er fejl i formularen" }).waitFor();
    expect(await page.locator(".field-error").allTextContents()).toEqual([
      "Den sidste fridag kan ikke ligge før den første.",
    ]);
    expect(await page.getByLabel("Navn").inputValue()).toBe("Skolernes fridag");
    await page.getByLabel("Sidste fridag").fill("2027-11-20");
    await page.getByRole("button", { name: "Tilføj" }).click();
    await page.getByRole("status").filter({ hasText: "Ferien er tilføjet." }).waitFor();
    expect(page.url()).toContain("year=2027");
    await page.getByRole("link", { name: "Redigér Skolernes fridag" }).click();
    await page.getByRole("heading", { level: 1, name: "Skolernes fridag" }).waitFor();
    await expectNoAxeViolationsWithoutJs(page, "holiday edit");

    // A second tab saves first: this form is stale and is refused.
    const other = await context.newPage();
    await other.goto(page.url());
    await other.getByLabel("Navn").fill("Fælles fridag");
    await other.getByRole("button", { name: "Gem" }).click();
    await other.getByRole("status").filter({ hasText: "Ferien er gemt." }).waitFor();
    await page.getByLabel("Navn").fill("Overskrevet");
    await page.getByRole("button", { name: "Gem" }).click();
    await page.getByRole("alert").filter({ hasText: "ændret eller slettet af en anden" }).waitFor();

    await other.getByRole("link", { name: "Redigér Fælles fridag" }).click();
    await other.getByText("Slet ferien", { exact: true }).click();
    await other.getByRole("button", { name: "Ja, slet ferien" }).click();
    await other.getByRole("status").filter({ hasText: "Ferien er slettet." }).waitFor();
    await context.close();
  });

  it("warns a school leader at once when a preferred date is in a holiday (JavaScript)", async () => {
    const today = todayInCopenhagen(new Date());
    const { id: courseId } = await server.db
      .selectFrom("courses")
      .select("id")
      .where("slug", "=", "workshop-rettigheder-og-frihed")
      .executeTakeFirstOrThrow();
    const holiday = await server.db
      .selectFrom("holidays")
      .select(["name", "starts_on"])
      .where("starts_on", ">", addDays(today, 20))
      .orderBy("starts_on")
      .executeTakeFirstOrThrow();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughMailbox(page, server.url, "leder.valby-bakke-skole@frirum.test");
    await page.goto(`${server.url}/school/requests/new?course=${courseId}`);
    await page.getByText("Skoleferier det næste år").waitFor();
    await page.locator("#field-windows-0-date").fill(holiday.starts_on);
    await page
      .getByRole("status")
      .filter({ hasText: `Datoen ligger i ${holiday.name}` })
      .waitFor();
    await expectNoAxeViolations(page, "request form with a holiday warning");
    await context.close();
  });
});

describe("calendar delivery", () => {
  it("explains invites vs feed, stores the choice and makes the feed link once (no JavaScript)", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signInThroughMailbox(page, server.url, "facilitator3@frirum.test");
    await page.goto(`${server.url}/facilitator/calendar`);
    await page.getByText("står hvert forløb derfor to gange").waitFor();
    expect(await page.getByLabel("Invitationer på e-mail").isChecked()).toBe(true);
    await expectNoAxeViolationsWithoutJs(page, "calendar page");
    await page.getByLabel("Kun kalenderabonnement").check();
    await page.getByRole("button", { name: "Gem valg" }).click();
    await page.getByRole("heading", { name: "Dit kalenderlink er klar" }).waitFor();
    expect(await page.locator("#feed-url").inputValue()).toMatch(/\/feeds\/[A-Za-z0-9_-]+\.ics$/);
    await page.goto(`${server.url}/facilitator/calendar`);
    expect(await page.getByLabel("Kun kalenderabonnement").isChecked()).toBe(true);
    await expectNoAxeViolationsWithoutJs(page, "calendar page with a feed");
    await context.close();
  });
});
