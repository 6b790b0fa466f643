import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, isWeekend, todayInCopenhagen } from "../../app/domain/time";
import { type AppServer, startAppServer } from "../support/app-server";
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
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

/** A weekday `days` ahead: far beyond the demo's sessions, so every facilitator is free. */
function weekdayAhead(days: number): string {
  let date = addDays(todayInCopenhagen(new Date()), days);
  while (isWeekend(date)) date = addDays(date, 1);
  return date;
}

const TEMPLATE = "Pilotforløb: personale, elever og forældre";
const STEP1 = "Oplæg for personale: Bekymringstegn og handlemuligheder";
const STEP2 = "Workshop: Rettigheder og frihed (7.-9. kl.)";

/** On the schedule page: date and time, "Vis forslag", tick the first `count` free facilitators. */
async function fillSession(page: Page, date: string, start: string, end: string, count: number) {
  await page.getByLabel("Dato").fill(date);
  await page.getByLabel("Starttid").fill(start);
  await page.getByLabel("Sluttid").fill(end);
  await page.getByRole("button", { name: "Vis forslag" }).click();
  await page.waitForURL(new RegExp(`start=${start.replace(":", "%3A")}`));
  const suggestions = page.locator(".suggestion");
  for (let i = 0; i < count; i++) {
    expect(await suggestions.nth(i).locator(".badge").textContent()).toBe("Ledig");
    await suggestions.nth(i).getByRole("checkbox").check();
  }
}

describe("pilot track journey", () => {
  it("sets up a track, refuses step 2 before step 1, overrides with a reason; the school sees it", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = await watchPageProblems(page);
    await signInThroughMailbox(page, server.url, "koordinator@frirum.test");

    // Set up a track for Valby Bakke Skole from the seeded template.
    await page.getByRole("link", { name: "Pilotforløb", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Pilotforløb" }).waitFor();
    await expectNoAxeViolations(page, "tracks list");
    await page.getByRole("link", { name: "Start et forløb" }).click();
    await page
      .getByLabel("Skole", { exact: true })
      .selectOption({ label: "Valby Bakke Skole (demo)" });
    await page.getByLabel("Skabelon").selectOption({ label: `${TEMPLATE} (4 trin)` });
    await page.getByLabel("Kohorteår").fill("2030");
    await expectNoAxeViolations(page, "start a track");
    await page.getByRole("button", { name: "Start forløbet" }).click();
    await page.waitForURL(/\/coordinator\/tracks\/\d+\?saved=started/);
    const trackUrl = page.url().split("?")[0];
    await page.getByText("Forløbet er startet.").waitFor();
    expect(await page.locator(".timeline__step").count()).toBe(4);
    await expectNoAxeViolations(page, "new track");

    // Step 1, booked through the existing schedule page.
    const step1Date = weekdayAhead(200);
    await page.getByRole("button", { name: `Planlæg session til trin 1 (${STEP1})` }).click();
    await page.waitForURL(/\/coordinator\/requests\/\d+\/schedule/);
    await page.getByText(`${TEMPLATE} 2030, trin 1 af 4`).waitFor();
    await fillSession(page, step1Date, "14:00", "16:00", 1);
    await page.getByRole("button", { name: "Gem session" }).click();
    await page.waitForURL(/\/coordinator\/sessions\/\d+\?saved=scheduled/);

    // Step 2 three days before step 1: refused, naming step 1's session and its date.
    await page.goto(trackUrl);
    await page.getByRole("button", { name: `Planlæg session til trin 2 (${STEP2})` }).click();
    await page.waitForURL(/\/coordinator\/requests\/\d+\/schedule/);
    await fillSession(page, addDays(step1Date, -3), "08:15", "09:45", 2);
    await page.getByRole("button", { name: "Gem session" }).click();
    const refusal = page.locator("#order-violations li");
    await refusal.waitFor();
    const message = (await refusal.textContent()) ?? "";
    expect(message).toMatch(
      new RegExp(
        `^Trin 2 \\(Workshop: Rettigheder og frihed \\(7\\.-9\\. kl\\.\\)\\) kan tidligst starte .*: trin 1 \\(${STEP1}\\) har en session .* kl\\. 14\\.00–16\\.00, og der skal gå mindst 7 dage efter den\\.$`,
      ),
    );
    await expectNoAxeViolations(page, "schedule page, order refused");

    // Override: a ticked box without a reason is stopped in the browser; with one it saves.
    await page.getByLabel("Gem alligevel og tilsidesæt rækkefølgen").check();
    await page.getByRole("button", { name: "Gem session" }).click();
    await page.getByText("Skriv en begrundelse for at tilsidesætte rækkefølgen.").first().waitFor();
    const reason = "Skolen har flyttet temaugen; personalet får oplægget bagefter.";
    await page.getByLabel("Begrundelse", { exact: true }).fill(reason);
    await page.getByRole("button", { name: "Gem session" }).click();
    await page.waitForURL(/\/coordinator\/sessions\/\d+\?saved=scheduled/);
    await page.getByRole("link", { name: /2030, trin 2/ }).waitFor();

    // The track page shows the override with its reason, and both steps planned.
    await page.goto(trackUrl);
    const overrides = page.locator("section.overrides");
    expect(await overrides.textContent()).toContain(reason);
    expect(await overrides.textContent()).toContain("Trin 1");
    expect(
      await page.locator(".timeline__step").nth(1).locator(".badge").first().textContent(),
    ).toBe("Planlagt");
    await expectNoAxeViolations(page, "track page with override");
    expect(problems).toEqual([]);

    // Without JavaScript: the same refusal and override are plain form posts.
    const noJs = await browser.newContext({
      javaScriptEnabled: false,
      storageState: await context.storageState(),
    });
    const plain = await noJs.newPage();
    await plain.goto(trackUrl);
    await plain.getByRole("button", { name: /^Planlæg session til trin 3 / }).click();
    await plain.waitForURL(/\/coordinator\/requests\/\d+\/schedule/);
    await fillSession(plain, addDays(step1Date, 2), "17:00", "19:00", 2);
    await plain.getByRole("button", { name: "Gem session" }).click();
    await plain.locator("#order-violations").waitFor();
    expect(await plain.locator("#order-violations").textContent()).toContain("Trin 3");
    await plain.getByLabel("Gem alligevel og tilsidesæt rækkefølgen").check();
    await plain.getByLabel("Begrundelse", { exact: true }).fill("x".repeat(2001));
    await plain.getByRole("button", { name: "Gem session" }).click();
    await plain.getByText("Begrundelsen må højst være 2.000 tegn.").first().waitFor();
    // What was typed is still there.
    expect(await plain.getByLabel("Sluttid").inputValue()).toBe("19:00");
    await expectNoAxeViolationsWithoutJs(plain, "schedule page, override refused");
    await plain.getByLabel("Begrundelse", { exact: true }).fill("Forældrene kan kun denne aften.");
    await plain.getByRole("button", { name: "Gem session" }).click();
    await plain.waitForURL(/\/coordinator\/sessions\/\d+\?saved=scheduled/);
    await plain.goto(trackUrl);
    expect(await plain.locator("section.overrides tbody tr").count()).toBe(2);
    await expectNoAxeViolationsWithoutJs(plain, "track page");

    // Templates reorder without JavaScript: "Flyt ned" is a form post.
    await plain.goto(`${server.url}/coordinator/tracks/templates`);
    await plain.getByRole("link", { name: TEMPLATE }).click();
    await plain.getByRole("button", { name: `Flyt trin 1 (${STEP1}) ned` }).click();
    await plain.getByText("Trinnet er flyttet.").waitFor();
    expect(await plain.locator(".step-list__item h3").first().textContent()).toBe(
      `Trin 1: ${STEP2}`,
    );
    await expectNoAxeViolationsWithoutJs(plain, "template page");
    await noJs.close();
    await context.close();

    // The school leader sees the track read-only, with the coming dates.
    const leader = await browser.newContext();
    const school = await leader.newPage();
    await signInThroughMailbox(school, server.url, "leder.valby-bakke-skole@frirum.test");
    const track = school.locator("section.card", { hasText: "Jeres pilotforløb" });
    await track.waitFor();
    const text = (await track.textContent()) ?? "";
    expect(text).toContain(`${TEMPLATE} 2030`);
    expect(text).toContain("0 af 4 trin gennemført");
    expect(text).toContain(`Trin 1: ${STEP1}`);
    expect(text).not.toContain(reason);
    expect(await track.getByRole("button").count()).toBe(0);
    await expectNoAxeViolations(school, "school page with track");
    await leader.close();
  });
});
