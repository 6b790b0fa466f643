import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInCopenhagen } from "~/domain/time";
import type { DB } from "../../db/connection";
import { type AppServer, startAppServer } from "../support/app-server";
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  launchBrowser,
  signInThroughMailbox,
  watchPageProblems,
} from "../support/browser";

/** A facilitator of this test's own (the demo facilitators have demo sessions). */
const FACILITATOR = "facilitator.e2e@frirum.test";
const HOUR = 3_600_000;

let server: AppServer;
let browser: Browser;
let pastUid: string;
let signedInState: Awaited<ReturnType<BrowserContext["storageState"]>>;

/** A scheduled request with a session that ended yesterday and one in three days. */
async function insertSessions(db: DB) {
  const facilitator = await db
    .insertInto("users")
    .values({
      email: FACILITATOR,
      name: "Test Facilitator",
      role: "facilitator",
      languages: '["da"]',
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const leader = await db
    .selectFrom("users")
    .select(["id", "school_id"])
    .where("email", "=", "leder.tingbjerg-skole@frirum.test")
    .executeTakeFirstOrThrow();
  const course = await db
    .selectFrom("courses")
    .select("id")
    .where("slug", "=", "workshop-rettigheder-og-frihed")
    .executeTakeFirstOrThrow();
  const request = await db
    .insertInto("requests")
    .values({
      school_id: leader.school_id!,
      requester_id: leader.id,
      course_id: course.id,
      status: "scheduled",
      group_count: 2,
      participants_per_group: 28,
      grades: "[8]",
      location: "Lokale 12",
      contact_name: "Lærer Lone",
      contact_phone: "12345678",
      notes: "Klassen har arbejdet med emnet før.",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const hour = Math.floor(Date.now() / HOUR) * HOUR;
  pastUid = `session-e2e-past-${hour}@localhost`;
  for (const [start, uid] of [
    [hour - 26 * HOUR, pastUid],
    [hour + 72 * HOUR, `session-e2e-future-${hour}@localhost`],
  ] as const) {
    const session = await db
      .insertInto("sessions")
      .values({
        request_id: request.id,
        course_id: course.id,
        school_id: leader.school_id!,
        starts_at: new Date(start).toISOString(),
        ends_at: new Date(start + 1.5 * HOUR).toISOString(),
        location: "Lokale 12, Tingbjerg Skole",
        uid,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("session_facilitators")
      .values({ session_id: session.id, user_id: facilitator.id })
      .execute();
  }
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  await insertSessions(server.db);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A fresh context signed in as the facilitator (the sign-in itself is tested once, below). */
async function signedInPage(options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ ...options, storageState: signedInState });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page, problems: await watchPageProblems(page) };
}

// The tests run in order and build on each other (journey 5 of product.md, then the rest).
describe("facilitator journey", () => {
  it("signs in and sees upcoming and past sessions", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const problems = await watchPageProblems(page);
    await signInThroughMailbox(page, server.url, FACILITATOR);
    await page.waitForURL(`${server.url}/facilitator`);
    signedInState = await context.storageState();
    await page.getByRole("heading", { level: 1, name: "Mine forløb" }).waitFor();
    const upcoming = page.getByRole("region", { name: "Kommende forløb" });
    const past = page.getByRole("region", { name: "Tidligere forløb" });
    expect(await upcoming.getByRole("listitem").count()).toBe(1);
    expect(await past.getByRole("listitem").count()).toBe(1);
    expect(await upcoming.textContent()).toContain("Planlagt");
    expect(await past.textContent()).toContain("Tingbjerg Allé 5");
    await expectNoAxeViolations(page, "my sessions");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("opens the past session and registers attendance (27 pupils)", async () => {
    const { context, page, problems } = await signedInPage();
    await page.goto(`${server.url}/facilitator`);
    await page.getByRole("region", { name: "Tidligere forløb" }).getByRole("link").click();
    await page.getByRole("heading", { level: 2, name: "Gennemførelse og fremmøde" }).waitFor();
    expect(await page.textContent("main")).toContain("Lærer Lone");
    expect(
      await page.getByRole("link", { name: "Feedback (QR-kode)" }).getAttribute("href"),
    ).toMatch(/^\/sessions\/\d+\/feedback$/);
    await expectNoAxeViolations(page, "session page");
    await page.getByLabel("Elever til stede").fill("27");
    await page.getByLabel("Intern bemærkning (valgfri)").fill("God dialog i klassen.");
    await page.getByRole("button", { name: "Registrér som gennemført" }).click();
    await page.getByText("Fremmødet er gemt, og forløbet er gennemført.").waitFor();
    expect(await page.textContent("main")).toContain("Status: Gennemført");
    expect(await page.getByLabel("Elever til stede").inputValue()).toBe("27");
    await expectNoAxeViolations(page, "session delivered");

    await page.getByRole("link", { name: "Tilbage til mine forløb" }).click();
    await page.getByRole("heading", { level: 1, name: "Mine forløb" }).waitFor();
    expect(await page.getByRole("region", { name: "Tidligere forløb" }).textContent()).toContain(
      "Gennemført",
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it("adds an unavailability block and removes it after confirming", async () => {
    const { context, page, problems } = await signedInPage();
    await page.goto(`${server.url}/facilitator/unavailability`);
    await page.getByRole("heading", { level: 1, name: "Fravær" }).waitFor();
    await expectNoAxeViolations(page, "unavailability");
    const day = addDays(todayInCopenhagen(new Date()), 10);
    await page.getByLabel("Første dag").fill(day);
    await page.getByLabel("Fra klokken").fill("09:00");
    await page.getByLabel("Til klokken").fill("12:00");
    await page.getByLabel("Bemærkning").fill("Kursus");
    await page.getByRole("button", { name: "Tilføj fravær" }).click();
    await page.getByText("Fraværet er registreret.").waitFor();
    const rows = page.locator("table tbody tr");
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(/09\.00–12\.00.*Kursus/);
    await expectNoAxeViolations(page, "unavailability added");
    await rows.first().locator("summary").click();
    await page.getByRole("button", { name: "Ja, fjern fraværet" }).click();
    await page.getByText("Fraværet er fjernet.").waitFor();
    expect(await page.locator("table tbody tr").count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("creates the private calendar feed and serves it as text/calendar", async () => {
    const { context, page, problems } = await signedInPage();
    await page.goto(`${server.url}/facilitator/calendar`);
    await page.getByRole("heading", { level: 1, name: "Kalender-abonnement" }).waitFor();
    await expectNoAxeViolations(page, "calendar feed (none yet)");
    await page.getByRole("button", { name: "Opret kalenderlink" }).click();
    await page.getByRole("heading", { name: "Dit kalenderlink er klar" }).waitFor();
    const feedUrl = await page.getByLabel("Adresse til at kopiere").inputValue();
    expect(feedUrl).toMatch(new RegExp(`^${server.url}/feeds/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(await page.getByLabel("Samme adresse som webcal-link").inputValue()).toBe(
      feedUrl.replace(/^http:\/\//, "webcal://"),
    );
    await expectNoAxeViolations(page, "calendar feed created");

    const response = await fetch(feedUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const body = await response.text();
    expect(body).toContain("BEGIN:VCALENDAR");
    expect(body.replace(/\r\n /g, "")).toContain(`UID:${pastUid}`);
    expect(body).not.toContain("ATTENDEE");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("works without JavaScript: corrects attendance and shows form errors in Danish", async () => {
    const { context, page } = await signedInPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/facilitator`);
    await page.getByRole("region", { name: "Tidligere forløb" }).getByRole("link").click();
    await page.getByLabel("Elever til stede").fill("28");
    await page.getByRole("button", { name: "Gem rettelser" }).click();
    await page.getByText("Fremmødet er gemt, og forløbet er gennemført.").waitFor();
    expect(await page.getByLabel("Elever til stede").inputValue()).toBe("28");

    await page.goto(`${server.url}/facilitator/unavailability`);
    await page.getByLabel("Første dag").fill("2027-03-28");
    await page.getByLabel("Fra klokken").fill("02:30");
    await page.getByLabel("Til klokken").fill("04:00");
    await page.getByRole("button", { name: "Tilføj fravær" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.locator(".field-error").textContent()).toContain("Tidspunktet findes ikke");
    expect(await page.getByLabel("Fra klokken").inputValue()).toBe("02:30");
    await expectNoAxeViolationsWithoutJs(page, "unavailability error");
    await context.close();
  });
});
