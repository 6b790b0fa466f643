import type { Browser, BrowserContext, Page, Request as PwRequest } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, isWeekend, todayInCopenhagen } from "~/domain/time";
import { type AppServer, startAppServer } from "../support/app-server";
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  launchBrowser,
  signInThroughMailbox,
  watchPageProblems,
} from "../support/browser";

const LEADER = "leder.valby-bakke-skole@frirum.test";
const COORDINATOR = "koordinator@frirum.test";
const COURSE_TITLE = "Workshop: Rettigheder og frihed (7.-9. kl.)";
const DUPLICATE_TITLE = "Skolen har allerede en åben anmodning om dette forløb";
const ACKNOWLEDGE = "Ja, send alligevel en ny anmodning";

let server: AppServer;
let browser: Browser;
let courseId: number;

beforeAll(async () => {
  [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  const row = await server.db
    .selectFrom("courses")
    .select("id")
    .where("title", "=", COURSE_TITLE)
    .executeTakeFirstOrThrow();
  courseId = row.id;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The first weekday on or after `date`. */
function weekdayFrom(date: string): string {
  let day = date;
  while (isWeekend(day)) day = addDays(day, 1);
  return day;
}

const today = todayInCopenhagen(new Date());
const firstDate = weekdayFrom(addDays(today, 16));
const secondDate = weekdayFrom(addDays(firstDate, 2));

const formUrl = () => `${server.url}/school/requests/new?course=${courseId}`;

/** Fills the request form like a school leader would (everything but `skip`). */
async function fillRequestForm(page: Page, options: { skip?: "location" | "windows" } = {}) {
  await page.getByLabel("Antal klasser/hold").fill("3");
  await page.getByLabel("Deltagere pr. hold").fill("26");
  for (const grade of [7, 8, 9]) await page.getByLabel(`${grade}. klasse`, { exact: true }).check();
  if (options.skip !== "windows") {
    await page.locator("#field-windows-0-date").fill(firstDate);
    await page.locator("#field-windows-0-part").selectOption("morning");
    await page.locator("#field-windows-1-date").fill(secondDate);
    await page.locator("#field-windows-1-part").selectOption("afternoon");
  }
  if (options.skip !== "location")
    await page.getByLabel("Sted på skolen").fill("Aulaen, bygning B");
  await page.getByLabel("Kontaktperson").fill("Peter Lund");
  await page.getByLabel("Telefon").fill("12 34 56 78");
  await page
    .getByLabel("Skolens egne udfordringer og ønsker")
    .fill("Flere elever i 8. klasse fortæller om pres fra familien omkring fritid.");
}

function requestIdFromUrl(url: string): number {
  const match = /\/school\/requests\/(\d+)/.exec(url);
  if (!match) throw new Error(`not a request page: ${url}`);
  return Number(match[1]);
}

/** Opens the newest mail to `to` with `subject` in the local mailbox; returns its text. */
async function openMail(page: Page, to: string, subject: string): Promise<string> {
  await page.goto(`${server.url}/dev/mailbox?to=${encodeURIComponent(to)}`);
  await page.getByRole("link", { name: subject }).first().click();
  await page.getByRole("heading", { name: subject }).waitFor();
  return (await page.locator("main").textContent()) ?? "";
}

/** Bytes of one fresh page load (empty cache): all responses, and JavaScript separately. */
async function measurePageWeight(context: BrowserContext, url: string) {
  const fresh = await browser.newContext({ storageState: await context.storageState() });
  const page = await fresh.newPage();
  const entries: Array<{ url: string; transferred: number; decoded: number; js: boolean }> = [];
  const pending: Promise<void>[] = [];
  const record = async (request: PwRequest) => {
    const response = await request.response();
    if (!response) return;
    const sizes = await request.sizes();
    const body = await response.body().catch(() => Buffer.alloc(0));
    const type = response.headers()["content-type"] ?? "";
    entries.push({
      url: request.url(),
      transferred: sizes.responseBodySize + sizes.responseHeadersSize,
      decoded: body.length,
      js: type.includes("javascript") || /\.m?js(\?|$)/.test(request.url()),
    });
  };
  page.on("requestfinished", (request) => {
    pending.push(record(request));
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await Promise.all(pending);
  await fresh.close();
  const sum = (list: typeof entries, key: "transferred" | "decoded") =>
    list.reduce((total, entry) => total + entry[key], 0);
  const js = entries.filter((entry) => entry.js);
  return {
    requests: entries.length,
    totalTransferred: sum(entries, "transferred"),
    totalDecoded: sum(entries, "decoded"),
    jsFiles: js.length,
    jsTransferred: sum(js, "transferred"),
    jsDecoded: sum(js, "decoded"),
  };
}

describe("journey 1: a school requests a course, the coordinator declines it", () => {
  let firstRequestId: number;

  it("requests with JavaScript, gets the receipt, and sees the coordinator's decline", async () => {
    const leader = await browser.newContext();
    const page = await leader.newPage();
    const problems = await watchPageProblems(page);
    await signInThroughMailbox(page, server.url, LEADER);
    await page.getByRole("heading", { level: 1, name: "Min skole" }).waitFor();
    await expectNoAxeViolations(page, "school page (empty)");

    const weight = await measurePageWeight(leader, formUrl());
    console.log(
      `[weight] request form: ${weight.requests} responses, ${weight.totalTransferred} bytes transferred (${weight.totalDecoded} decoded); JavaScript: ${weight.jsFiles} files, ${weight.jsTransferred} bytes transferred (${weight.jsDecoded} decoded)`,
    );
    expect(weight.jsFiles).toBeGreaterThan(0);

    await page.goto(formUrl());
    await page.getByRole("heading", { level: 1, name: "Anmod om et forløb" }).waitFor();
    await page.getByRole("heading", { name: COURSE_TITLE }).waitFor();
    await expectNoAxeViolations(page, "request form");

    // The demo school already has an open request for this course: the form says so up front.
    await page.getByRole("heading", { name: DUPLICATE_TITLE }).waitFor();

    // Rules the browser cannot know (the course's maximum, the open request) come back from the
    // action, and nothing is saved until the duplicate is acknowledged.
    await fillRequestForm(page);
    await page.getByLabel("Deltagere pr. hold").fill("31");
    await page.getByRole("button", { name: "Send anmodning" }).click();
    await page.getByRole("alert").filter({ hasText: "Der er fejl i formularen" }).waitFor();
    const summary = (await page.getByRole("alert").textContent()) ?? "";
    expect(summary).toContain("Forløbet er for højst 30 deltagere pr. hold.");
    expect(summary).toContain("Skolen har allerede en åben anmodning om dette forløb.");
    expect(await page.locator(".field-error").first().textContent()).toBe(
      "Forløbet er for højst 30 deltagere pr. hold.",
    );
    expect(await page.getByLabel("Sted på skolen").inputValue()).toBe("Aulaen, bygning B");
    await expectNoAxeViolations(page, "request form with server errors");

    await page.getByLabel("Deltagere pr. hold").fill("26");
    await page.getByLabel(ACKNOWLEDGE).check();
    await page.getByRole("button", { name: "Send anmodning" }).click();
    await page.waitForURL(/\/school\/requests\/\d+\?created=1$/);
    firstRequestId = requestIdFromUrl(page.url());
    await page.getByRole("status").filter({ hasText: "Anmodningen er sendt" }).waitFor();
    expect(await page.locator(".badge").first().textContent()).toBe("Anmodet");
    expect(await page.locator("main").textContent()).toContain("Aulaen, bygning B");
    await expectNoAxeViolations(page, "request page (created)");

    const receipt = await openMail(page, LEADER, `Kvittering: ${COURSE_TITLE}`);
    expect(receipt).toContain("Antal klasser/hold: 3");
    expect(receipt).toContain("Klassetrin: 7., 8., 9. klasse");
    expect(receipt).toContain(`/school/requests/${firstRequestId}`);
    await expectNoAxeViolations(page, "receipt mail");

    // The coordinator finds it in the inbox and declines it with a reason.
    const coordinatorContext = await browser.newContext();
    const coordinator = await coordinatorContext.newPage();
    const coordinatorProblems = await watchPageProblems(coordinator);
    await signInThroughMailbox(coordinator, server.url, COORDINATOR);
    await coordinator.getByRole("heading", { level: 1, name: "Overblik" }).waitFor();
    // (The overview lists the five OLDEST open requests; the demo has older ones than this.)
    await expectNoAxeViolations(coordinator, "coordinator overview");
    await coordinator.goto(`${server.url}/coordinator/requests?status=requested`);
    await coordinator.getByRole("heading", { level: 1, name: "Henvendelser" }).waitFor();
    await expectNoAxeViolations(coordinator, "inbox");
    await coordinator.locator(`a[href="/coordinator/requests/${firstRequestId}"]`).click();
    await coordinator
      .getByRole("heading", { level: 1, name: `Anmodning: ${COURSE_TITLE}` })
      .waitFor();
    await coordinator.getByRole("link", { name: "Planlæg session" }).waitFor();
    await expectNoAxeViolations(coordinator, "coordinator request page");

    // An empty reason is refused in the browser, in Danish.
    await coordinator.getByRole("button", { name: "Afvis og giv skolen besked" }).click();
    await coordinator
      .locator(".field-error")
      .filter({ hasText: "Skriv en begrundelse for afvisningen." })
      .waitFor();
    const reason = "Vi har ikke facilitatorer nok i den periode. Send gerne en ny anmodning.";
    await coordinator.getByLabel("Begrundelse").fill(reason);
    await coordinator.getByRole("button", { name: "Afvis og giv skolen besked" }).click();
    await coordinator.getByRole("status").filter({ hasText: "Anmodningen er afvist" }).waitFor();
    expect(await coordinator.locator(".badge").first().textContent()).toBe("Afvist");
    await expectNoAxeViolations(coordinator, "coordinator request page (declined)");
    expect(coordinatorProblems).toEqual([]);
    await coordinatorContext.close();

    // The school sees the decline and its reason, and got it by email.
    await page.goto(`${server.url}/school`);
    const row = page.locator("tr", {
      has: page.locator(`a[href="/school/requests/${firstRequestId}"]`),
    });
    expect(await row.locator(".badge").textContent()).toBe("Afvist");
    expect(await row.textContent()).toContain(reason);
    await expectNoAxeViolations(page, "school page (declined)");
    await page.goto(`${server.url}/school/requests/${firstRequestId}`);
    expect(await page.locator("main").textContent()).toContain(reason);
    await page.getByRole("heading", { name: "Historik" }).waitFor();
    expect(await page.locator(".history li").count()).toBe(2);
    const notice = await openMail(page, LEADER, `Anmodning afvist: ${COURSE_TITLE}`);
    expect(notice).toContain(reason);

    expect(problems).toEqual([]);
    await leader.close();
  }, 180_000);

  it("requests once more with JavaScript off, through a validation error, then cancels", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signInThroughMailbox(page, server.url, LEADER);
    await page.goto(formUrl());
    await page.getByRole("heading", { level: 1, name: "Anmod om et forløb" }).waitFor();
    await expectNoAxeViolationsWithoutJs(page, "request form (no JS)");

    await fillRequestForm(page, { skip: "location" });
    await page.getByRole("button", { name: "Send anmodning" }).click();
    await page.getByRole("alert").filter({ hasText: "Der er fejl i formularen" }).waitFor();
    // The page streams: the summary can be there before the fields below it.
    await page.waitForLoadState("load");
    expect(await page.locator(".field-error").allTextContents()).toEqual([
      "Skriv, hvor på skolen forløbet skal foregå.",
    ]);
    // Everything typed is still there.
    expect(await page.getByLabel("Antal klasser/hold").inputValue()).toBe("3");
    expect(await page.getByLabel("Deltagere pr. hold").inputValue()).toBe("26");
    for (const grade of [7, 8, 9]) {
      expect(await page.getByLabel(`${grade}. klasse`, { exact: true }).isChecked()).toBe(true);
    }
    expect(await page.locator("#field-windows-0-date").inputValue()).toBe(firstDate);
    expect(await page.locator("#field-windows-1-date").inputValue()).toBe(secondDate);
    expect(await page.locator("#field-windows-1-part").inputValue()).toBe("afternoon");
    expect(await page.getByLabel("Telefon").inputValue()).toBe("12 34 56 78");
    expect(await page.getByLabel("Skolens egne udfordringer og ønsker").inputValue()).toContain(
      "pres fra familien",
    );
    await expectNoAxeViolationsWithoutJs(page, "request form with errors (no JS)");

    // Without ticking the duplicate box, the action warns and saves nothing.
    await page.getByLabel("Sted på skolen").fill("Klasselokale 8.B");
    await page.getByRole("button", { name: "Send anmodning" }).click();
    await page.getByRole("alert").filter({ hasText: ACKNOWLEDGE }).waitFor();
    // The page streams: the summary can be there before the fields below it.
    await page.waitForLoadState("load");
    expect(await page.locator(".field-error").allTextContents()).toEqual([
      "Skolen har allerede en åben anmodning om dette forløb. Vil du sende en ny anmodning alligevel?",
    ]);
    expect(await page.getByLabel("Sted på skolen").inputValue()).toBe("Klasselokale 8.B");
    await page.getByLabel(ACKNOWLEDGE).check();
    await page.getByRole("button", { name: "Send anmodning" }).click();
    await page.waitForURL(/\/school\/requests\/\d+\?created=1$/);
    const id = requestIdFromUrl(page.url());
    expect(id).not.toBe(firstRequestId);
    expect(await page.locator(".badge").first().textContent()).toBe("Anmodet");
    expect(await page.locator("main").textContent()).toContain("Klasselokale 8.B");
    await expectNoAxeViolationsWithoutJs(page, "request page (no JS)");

    // Cancel takes one confirm step.
    await page.getByRole("link", { name: "Annuller anmodningen" }).click();
    await page.getByText("Vil I annullere anmodningen?").waitFor();
    await expectNoAxeViolationsWithoutJs(page, "cancel confirmation (no JS)");
    await page.getByRole("button", { name: "Ja, annuller anmodningen" }).click();
    await page.getByRole("status").filter({ hasText: "Anmodningen er annulleret." }).waitFor();
    expect(await page.locator(".badge").first().textContent()).toBe("Annulleret");
    await context.close();
  }, 180_000);

  it("answers bad ids and other schools' requests with a 404 page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughMailbox(page, server.url, "leder.tingbjerg-skole@frirum.test");
    for (const path of [
      `/school/requests/${firstRequestId}`,
      "/school/requests/abc",
      "/school/requests/999999",
      "/school/requests/new?course=abc",
    ]) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(404);
      await page.getByRole("heading", { level: 1, name: "Siden findes ikke" }).waitFor();
    }
    // A forged cancel of another school's request is a 404 too, and changes nothing.
    const forged = await page.request.post(`${server.url}/school/requests/${firstRequestId}`, {
      form: { intent: "cancel", version: "2" },
      headers: { Origin: server.url },
    });
    expect(forged.status()).toBe(404);
    await context.close();
  });

  it("shows every error at once with JavaScript, like the server does", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughMailbox(page, server.url, LEADER);
    await page.goto(formUrl());
    await page.getByRole("heading", { level: 1, name: "Anmod om et forløb" }).waitFor();
    // No date window, and a note over the limit typed last (the field still has focus when the
    // button is pressed).
    await fillRequestForm(page, { skip: "windows" });
    await page.getByLabel("Skolens egne udfordringer og ønsker").fill("x".repeat(2001));
    // The schema loads on the first focus; from then on the browser checks the form itself, so
    // nothing is posted (a form sent before it loads gets the same errors from the action).
    await page.locator("form[data-client-validation]").waitFor();
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });
    await page.getByRole("button", { name: "Send anmodning" }).click();
    await page.getByRole("alert").filter({ hasText: "Der er fejl i formularen" }).waitFor();
    await expect
      .poll(() => page.locator(".field-error").allTextContents())
      .toEqual(["Angiv mindst ét foretrukket tidspunkt.", "Skriv højst 2000 tegn."]);
    const summary = (await page.getByRole("alert").textContent()) ?? "";
    expect(summary).toContain("Angiv mindst ét foretrukket tidspunkt.");
    expect(summary).toContain("Skriv højst 2000 tegn.");
    expect(posts).toEqual([]);
    // Focus moves to the first field in error (a date window), as the summary is announced.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe(
      "windows.0.date",
    );
    // Fixing a field clears its error as it is typed, the other stays.
    await page.getByLabel("Skolens egne udfordringer og ønsker").fill("Kort tekst.");
    await expect
      .poll(() => page.locator(".field-error").allTextContents())
      .toEqual(["Angiv mindst ét foretrukket tidspunkt."]);
    await expectNoAxeViolations(page, "request form with two client errors");
    await context.close();
  });

  it("shows the request form in English", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughMailbox(page, server.url, LEADER);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "My school" }).waitFor();
    await page.goto(formUrl());
    await page.getByRole("heading", { level: 1, name: "Request a course" }).waitFor();
    await page.getByLabel("Number of classes/groups").waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await expectNoAxeViolations(page, "request form (en)");
    await context.close();
  });

  it("serves the coordinator's inbox as plain HTML that works, and as part of the app when reached from it", async () => {
    // A short window, so the request's page scrolls.
    const context = await browser.newContext({
      locale: "da-DK",
      viewport: { width: 1024, height: 480 },
    });
    const page = await context.newPage();
    const problems = await watchPageProblems(page);
    await signInThroughMailbox(page, server.url, COORDINATOR);

    // Loaded as a document: no scripts at all (decision 040).
    await page.goto(`${server.url}/coordinator/requests`);
    await page.getByRole("heading", { level: 1, name: "Henvendelser" }).waitFor();
    expect(await page.locator("script").count()).toBe(0);
    await expectNoAxeViolations(page, "inbox as plain HTML");

    // The filters are a plain GET form: only requested ones are left, each marked so.
    await page.locator("#filter-status").selectOption("requested");
    await page.getByRole("button", { name: "Vis", exact: true }).click();
    await page.waitForURL(/[?&]status=requested/);
    const statuses = await page.locator("tbody tr td:last-child").allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses.map((text) => text.trim()))).toEqual(new Set(["Anmodet"]));
    expect(await page.locator("#filter-status").inputValue()).toBe("requested");
    expect(await page.locator("script").count()).toBe(0);

    // A request opens as a whole page, which runs the app.
    const firstRequest = page.locator("tbody a").first();
    const href = await firstRequest.getAttribute("href");
    await firstRequest.click();
    await page.waitForURL((url) => url.pathname === href);
    await page.waitForFunction(() => "__remixRouter" in window);
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });

    // Back to the inbox through the menu, from further down the page: the running app renders
    // it (no reload), scrolled to its top as after any navigation within the app, and its links
    // navigate within the app.
    await page.evaluate(() => window.scrollTo(0, 300));
    expect(await page.evaluate(() => window.scrollY)).toBe(300);
    await page
      .getByRole("navigation")
      .getByRole("link", { name: "Henvendelser" })
      .evaluate((link) => (link as HTMLElement).click());
    await page.getByRole("heading", { level: 1, name: "Henvendelser" }).waitFor();
    await page.waitForFunction(() => window.scrollY === 0, null, { timeout: 2000 });
    await page
      .locator("ul.stats")
      .getByRole("link", { name: /Anmodet/ })
      .click();
    await page.waitForURL(/[?&]status=requested/);
    await page.locator("tbody tr").first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    );

    expect(problems).toEqual([]);
    await context.close();
  });
});
