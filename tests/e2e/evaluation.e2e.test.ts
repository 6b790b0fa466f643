import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
let coordinator: BrowserContext;

beforeAll(async () => {
  [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  coordinator = await browser.newContext();
  await signInThroughMailbox(await coordinator.newPage(), server.url, "koordinator@frirum.test");
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("evaluation", () => {
  it("a coordinator reads pilot vs standard with charts, tables and downloads", async () => {
    const page = await coordinator.newPage();
    const problems = await watchPageProblems(page);
    await page.goto(`${server.url}/coordinator`);
    await page.getByRole("link", { name: "Evaluering" }).click();
    await page.getByRole("heading", { level: 1, name: "Evaluering" }).waitFor();
    await page.getByLabel("Periode", { exact: true }).selectOption("2025");
    await page.getByRole("button", { name: "Vis", exact: true }).first().click();
    await page.waitForURL(/period=2025/);

    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).toContain("beskrivende");
    expect(text.toLowerCase()).not.toContain("signifikant");
    // The chart: server-rendered SVG with a title, and its numbers in a table beside it.
    const chart = page.getByTestId("chart-items").locator("svg");
    expect(await chart.getAttribute("role")).toBe("img");
    expect(await chart.locator("title").textContent()).toContain("pr. spørgsmål");
    expect(await page.getByTestId("chart-items-table").locator("tbody tr").count()).toBe(8);
    expect(await page.getByTestId("chart-trend").locator("svg path").count()).toBeGreaterThan(0);
    // The demo's clear difference: pilot schools far ahead on knowing where to get help.
    const difference = await page.getByTestId("difference-knows_where_to_get_help").textContent();
    const points = Number(difference?.match(/: (-?[\d,]+) procentpoint/)?.[1].replace(",", "."));
    expect(points).toBeGreaterThan(15);
    await expectNoAxeViolations(page, "evaluation (coordinator)");

    const csv = await page.request.get(
      `${server.url}/coordinator/evaluation.csv?period=2025&audience=pupils`,
    );
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(csv.headers()["content-disposition"]).toContain(
      'filename="frirum-evaluering_2025_elever_pilot-vs-standard.csv"',
    );
    expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("works without JavaScript: the filter form is a plain GET form", async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      storageState: await coordinator.storageState(),
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/coordinator/evaluation`);
    await page.getByLabel("Målgruppe").selectOption("staff");
    await page.getByLabel("Udvikling pr.").selectOption("year");
    await page.getByRole("button", { name: "Vis", exact: true }).first().click();
    await page.waitForURL(/audience=staff/);
    expect(page.url()).toContain("trend=year");
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main, main.slice(0, 600)).toContain("Spørgsmål");
    expect(await page.getByTestId("chart-items").locator("svg").count()).toBe(1);
    expect(await page.getByTestId("chart-items-table").locator("tbody tr").count()).toBe(7);
    await expectNoAxeViolationsWithoutJs(page, "evaluation without JavaScript");
    await context.close();
  });

  it("a school leader sees only their own school, against all standard schools", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughMailbox(page, server.url, "leder.valby-bakke-skole@frirum.test");
    await page.getByRole("link", { name: "Se evaluering af jeres forløb" }).click();
    await page.getByRole("heading", { level: 1, name: /Valby Bakke Skole/ }).waitFor();
    // Asking for another school in the URL changes nothing.
    await page.goto(`${server.url}/school/evaluation?cohort=school&school=1&period=2025`);
    await page.getByRole("heading", { level: 1, name: /Valby Bakke Skole/ }).waitFor();
    const text = (await page.locator("main").textContent()) ?? "";
    for (const other of ["Tingbjerg", "Nørrebro Parkskole", "Amager Fælled", "Pilotskoler"]) {
      expect(text).not.toContain(other);
    }
    expect(text).toContain("Standardskoler");
    expect(await page.getByRole("heading", { name: "Kommentarer" }).count()).toBe(0);
    expect(await page.getByTestId("chart-items").locator("svg").count()).toBe(1);
    await expectNoAxeViolations(page, "evaluation (school leader)");
    const forbidden = await page.request.get(`${server.url}/coordinator/evaluation`);
    expect(forbidden.status()).toBe(403);
    await context.close();
  });
});
