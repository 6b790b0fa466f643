import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import {
  expectNoAxeViolations,
  launchBrowser,
  signInThroughMailbox,
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

/** The demo request in status `requested` at Valby Bakke Skole (db/seed-sessions.ts). */
async function demoRequest() {
  const { db } = server;
  const request = await db
    .selectFrom("requests as r")
    .innerJoin("schools as s", "s.id", "r.school_id")
    .innerJoin("courses as c", "c.id", "r.course_id")
    .select(["r.id", "c.facilitators_needed"])
    .where("s.slug", "=", "valby-bakke-skole")
    .where("r.status", "=", "requested")
    .orderBy("r.id")
    .executeTakeFirstOrThrow();
  const window = await db
    .selectFrom("request_windows")
    .select("date")
    .where("request_id", "=", request.id)
    .orderBy("position")
    .executeTakeFirstOrThrow();
  return { ...request, date: window.date };
}

/** Opens the newest local-mailbox message to `to` whose subject starts with `prefix`. */
async function openMail(page: Page, to: string, prefix: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    await page.goto(`${server.url}/dev/mailbox?to=${encodeURIComponent(to)}`);
    const link = page.getByRole("link", { name: new RegExp(`^${prefix}`) }).first();
    if ((await link.count()) > 0) {
      await link.click();
      await page.getByRole("heading", { level: 1, name: new RegExp(`^${prefix}`) }).waitFor();
      return;
    }
    if (Date.now() > deadline) throw new Error(`No mail "${prefix}" to ${to}`);
    await page.waitForTimeout(300);
  }
}

describe("coordinator schedules a demo request", () => {
  it("schedules with two facilitators; invites and the school's confirmation arrive", async () => {
    const request = await demoRequest();
    expect(request.facilitators_needed).toBe(2);
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = await watchPageProblems(page);
    await signInThroughMailbox(page, server.url, "koordinator@frirum.test");

    await page.goto(`${server.url}/coordinator/requests/${request.id}`);
    await expectNoAxeViolations(page, "request page");
    await page.getByRole("link", { name: "Planlæg session" }).click();
    await page.waitForURL(`${server.url}/coordinator/requests/${request.id}/schedule`);
    await page.getByRole("heading", { level: 1, name: "Planlæg session" }).waitFor();

    // Place is prefilled from the request; the date from its first preferred window.
    expect(await page.getByLabel("Sted").inputValue()).toContain("Bakkevej 3");
    expect(await page.getByLabel("Dato").inputValue()).toBe(request.date);
    await page.getByLabel("Starttid").fill("09:00");
    await page.getByLabel("Sluttid").fill("10:30");
    await page.getByRole("button", { name: "Vis forslag" }).click();
    await page.waitForURL(/start=09%3A00/);
    await page.getByText(/Forslag til .* kl\. 09\.00–10\.30/).waitFor();
    await expectNoAxeViolations(page, "schedule page with suggestions");

    // The first two suggestions are free; tick them.
    const suggestions = page.locator(".suggestion");
    const chosen: string[] = [];
    for (const index of [0, 1]) {
      const item = suggestions.nth(index);
      expect(await item.locator(".badge").textContent()).toBe("Ledig");
      chosen.push((await item.locator("strong").textContent()) ?? "");
      await item.getByRole("checkbox").check();
    }
    await page.getByRole("button", { name: "Gem session" }).click();
    await page.waitForURL(/\/coordinator\/sessions\/\d+\?saved=scheduled/);
    await page.getByText("Sessionen er gemt").waitFor();
    const details = await page.locator("dl.details").textContent();
    for (const name of chosen) expect(details).toContain(name);
    expect(details).toContain("kl. 09.00–10.30");
    await expectNoAxeViolations(page, "session page");

    // The confirm step for cancelling is a page state of its own (no JavaScript needed).
    await page.getByRole("link", { name: "Aflys sessionen …" }).click();
    await page.getByRole("heading", { name: "Vil du aflyse sessionen?" }).waitFor();
    await expectNoAxeViolations(page, "session page, cancel confirm");
    await page.getByRole("link", { name: "Nej, behold den" }).click();
    await page.getByRole("link", { name: "Aflys sessionen …" }).waitFor();

    // Invites (METHOD:REQUEST) to both facilitators, confirmation (PUBLISH) to the school.
    const emails = await server.db
      .selectFrom("users")
      .select(["name", "email"])
      .where("name", "in", chosen)
      .execute();
    expect(emails).toHaveLength(2);
    for (const person of emails) {
      await openMail(page, person.email, "Invitation:");
      await page.getByRole("heading", { name: "Kalenderfil (REQUEST)" }).waitFor();
      const ics = await page.locator("pre.mail-body").nth(1).textContent();
      expect(ics).toContain("METHOD:REQUEST");
      expect(ics).toMatch(/ATTENDEE;[^\n]*RSVP=TRUE/);
    }
    await expectNoAxeViolations(page, "invite in mailbox");
    await openMail(page, "leder.valby-bakke-skole@frirum.test", "Planlagt:");
    await page.getByRole("heading", { name: "Kalenderfil (PUBLISH)" }).waitFor();
    const file = await page.locator("pre.mail-body").nth(1).textContent();
    expect(file).toContain("METHOD:PUBLISH");
    expect(file).not.toContain("ATTENDEE");
    const body = await page.locator("pre.mail-body").first().textContent();
    for (const name of chosen) expect(body).toContain(name);

    expect(problems).toEqual([]);

    // Without JavaScript: "Vis forslag" is a plain GET and a bad form comes back with its errors.
    const noJs = await browser.newContext({
      javaScriptEnabled: false,
      storageState: await context.storageState(),
    });
    const plain = await noJs.newPage();
    await plain.goto(`${server.url}/coordinator/requests/${request.id}/schedule`);
    await plain.getByLabel("Starttid").fill("13:00");
    await plain.getByLabel("Sluttid").fill("14:30");
    await plain.getByRole("button", { name: "Vis forslag" }).click();
    await plain.waitForURL(/start=13%3A00/);
    await plain.getByText(/Forslag til .* kl\. 13\.00–14\.30/).waitFor();
    // The facilitators just booked at 09:00-10:30 are free again at 13:00 (travel buffer passed).
    expect(await plain.locator(".suggestion .badge").first().textContent()).toBe("Ledig");
    await plain.getByLabel("Starttid").fill("11:00");
    await plain.getByRole("button", { name: "Gem session" }).click();
    await plain.getByRole("heading", { name: "Der er fejl i formularen" }).waitFor();
    expect(await plain.getByRole("alert").first().textContent()).toContain(
      "Vælg mindst én facilitator",
    );
    expect(await plain.getByLabel("Starttid").inputValue()).toBe("11:00");
    await noJs.close();
    await context.close();
  });
});
