import type { Browser, BrowserContext, Page } from "playwright-core";
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
type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
let leaderState: StorageState;
let coordinatorState: StorageState;

/** Signs in once through the real magic link; each test then starts a fresh context with it. */
async function signedInState(email: string): Promise<StorageState> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughMailbox(page, server.url, email);
  const state = await context.storageState();
  await context.close();
  return state;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  [leaderState, coordinatorState] = await Promise.all([
    signedInState("leder.valby-bakke-skole@frirum.test"),
    signedInState("koordinator@frirum.test"),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function heading(page: Page, name: string | RegExp) {
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

describe("catalogue and catalogue administration", () => {
  it("lets a school leader filter the catalogue by audience and open a course to order", async () => {
    const context = await browser.newContext({ storageState: leaderState });
    const page = await context.newPage();
    const problems = await watchPageProblems(page);
    await page.goto(`${server.url}/school`);
    await page.getByRole("navigation").getByRole("link", { name: "Forløbskatalog" }).click();
    await heading(page, "Forløbskatalog");
    await page.getByRole("heading", { name: "8 forløb" }).waitFor();
    await expectNoAxeViolations(page, "catalogue");

    await page.getByLabel("Målgruppe").selectOption({ label: "Forældre" });
    await page.getByRole("button", { name: "Vis forløb" }).click();
    await page.waitForURL(/audience=parents/);
    await page.getByRole("heading", { name: "2 forløb" }).waitFor();
    const titles = await page.locator(".card h3").allTextContents();
    expect(titles.sort()).toEqual([
      "Forældredialog: Opdragelse, trivsel og frihed",
      "Forældremøde: Venskaber og fritidsliv",
    ]);
    expect(await page.getByLabel("Målgruppe").inputValue()).toBe("parents");
    await expectNoAxeViolations(page, "catalogue filtered");

    await page.getByRole("link", { name: "Forældredialog: Opdragelse, trivsel og frihed" }).click();
    await heading(page, "Forældredialog: Opdragelse, trivsel og frihed");
    const order = page.getByRole("link", { name: "Bestil forløb" });
    expect(await order.getAttribute("href")).toMatch(/^\/school\/requests\/new\?course=\d+$/);
    expect(await page.locator("dl.details").textContent()).toContain("Somali");
    await expectNoAxeViolations(page, "course page");

    const missing = await page.goto(`${server.url}/catalogue/findes-ikke`);
    expect(missing?.status()).toBe(404);
    expect(problems.filter((p) => !p.includes("404"))).toEqual([]);
    await context.close();
  });

  it("lets the coordinator create, edit and deactivate a course", async () => {
    const context = await browser.newContext({ storageState: coordinatorState });
    const page = await context.newPage();
    const problems = await watchPageProblems(page);

    await page.goto(`${server.url}/coordinator/courses`);
    await heading(page, "Forløb i kataloget");
    await expectNoAxeViolations(page, "course list");
    await page.getByRole("link", { name: "Opret forløb" }).click();
    await heading(page, "Opret et forløb");
    await expectNoAxeViolations(page, "new course");

    // First round: a title missing (caught in the browser) and a slug another course has
    // (caught by the server); everything typed stays.
    await page.getByLabel("Kort webadresse").fill("workshop-rettigheder-og-frihed");
    await page.getByLabel("Målgruppe").selectOption("parents");
    await page.getByLabel("Varighed (minutter)").fill("75");
    await page.getByLabel("Højst deltagere pr. hold").fill("30");
    await page.getByLabel("Somali").check();
    await page.getByRole("button", { name: "Opret forløb" }).click();
    await page.getByRole("alert").filter({ hasText: "Der er fejl i formularen" }).waitFor();
    expect(await page.locator(".field-error").allTextContents()).toEqual(["Skriv en titel."]);
    await expectNoAxeViolations(page, "new course, browser validation");

    await page.getByLabel("Titel").fill("Forældremøde: Skærm og fritid");
    await page.getByRole("button", { name: "Opret forløb" }).click();
    await expect
      .poll(() => page.locator(".field-error").allTextContents())
      .toEqual([
        "Der findes allerede et forløb med den webadresse. Skriv en anden kort webadresse.",
      ]);
    expect(await page.getByLabel("Titel").inputValue()).toBe("Forældremøde: Skærm og fritid");
    expect(await page.getByLabel("Varighed (minutter)").inputValue()).toBe("75");
    expect(await page.getByLabel("Somali").isChecked()).toBe(true);
    await expectNoAxeViolations(page, "new course, server error");

    await page.getByLabel("Kort webadresse").fill("");
    await page.getByRole("button", { name: "Opret forløb" }).click();
    await page.getByText("Forløbet er oprettet.").waitFor();
    await heading(page, "Forløb: Forældremøde: Skærm og fritid");
    await expectNoAxeViolations(page, "course edit");

    await page.getByLabel("Højst deltagere pr. hold").fill("25");
    await page.getByRole("button", { name: "Gem ændringer" }).click();
    await page.getByText("Ændringerne er gemt.").waitFor();
    expect(await page.getByLabel("Højst deltagere pr. hold").inputValue()).toBe("25");

    await page.goto(`${server.url}/catalogue?audience=parents`);
    await page.getByRole("link", { name: "Forældremøde: Skærm og fritid" }).click();
    await page.getByText("Højst 25 deltagere pr. hold").waitFor();
    await page.getByRole("link", { name: "Redigér forløbet" }).click();

    await page.getByRole("button", { name: "Deaktivér forløbet" }).click();
    await page.getByText("Forløbet er deaktiveret og vises ikke længere i kataloget.").waitFor();
    await page.goto(`${server.url}/catalogue?audience=parents`);
    await page.getByRole("heading", { name: "2 forløb" }).waitFor();
    expect(await page.locator(".card h3").allTextContents()).not.toContain(
      "Forældremøde: Skærm og fritid",
    );
    const gone = await page.goto(`${server.url}/catalogue/foraeldremoede-skaerm-og-fritid`);
    expect(gone?.status()).toBe(404);

    expect(problems.filter((p) => !p.includes("404"))).toEqual([]);
    await context.close();
  });

  it("lets the coordinator set a school's pilot cohort (audited) and see the facilitators", async () => {
    const context = await browser.newContext({ storageState: coordinatorState });
    const page = await context.newPage();
    const problems = await watchPageProblems(page);
    await page.goto(`${server.url}/coordinator/schools`);
    await heading(page, "Skoler");
    await expectNoAxeViolations(page, "school list");
    await page.getByRole("link", { name: "Valby Bakke Skole (demo)" }).click();
    await heading(page, "Valby Bakke Skole (demo)");
    await page.getByText("Skolen er ikke blevet ændret endnu.").waitFor();
    await expectNoAxeViolations(page, "school edit");
    await page.getByLabel("Pilotårgang").fill("2025");
    await page.getByRole("button", { name: "Gem ændringer" }).click();
    await page.getByText("Ændringerne er gemt og skrevet i historikken.").waitFor();
    await page.getByText("Pilotårgang: ingen → 2025").waitFor();
    await expectNoAxeViolations(page, "school edited");
    await page.getByRole("link", { name: "Tilbage til skolerne" }).click();
    const row = page.getByRole("row", { name: /Valby Bakke Skole/ });
    expect(await row.textContent()).toContain("Pilot 2025");

    await page.goto(`${server.url}/coordinator/facilitators`);
    await heading(page, "Facilitatorer");
    expect(await page.getByRole("link", { name: /^Se fravær for/ }).count()).toBe(4);
    await expectNoAxeViolations(page, "facilitators");

    expect(problems).toEqual([]);
    await context.close();
  });

  it("works without JavaScript: errors keep the values, then create and delete with a confirm step", async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      storageState: coordinatorState,
    });
    const page = await context.newPage();

    await page.goto(`${server.url}/coordinator/courses/new`);
    await heading(page, "Opret et forløb");
    await page.getByLabel("Målgruppe").selectOption("pupils");
    await page.getByLabel("Fra klassetrin").selectOption("6");
    await page.getByLabel("Til klassetrin").selectOption("4");
    await page.getByLabel("Kort beskrivelse").fill("Om grænser og fællesskab.");
    await page.getByLabel("Varighed (minutter)").fill("halvanden time");
    await page.getByLabel("Højst deltagere pr. hold").fill("28");
    await page.getByLabel("Arabisk").check();
    await page.getByRole("button", { name: "Opret forløb" }).click();
    await page.getByRole("alert").filter({ hasText: "Der er fejl i formularen" }).waitFor();
    expect(await page.locator(".field-error").allTextContents()).toEqual([
      "Skriv en titel.",
      "'Til klassetrin' skal være det samme som eller højere end 'Fra klassetrin'.",
      "Angiv varigheden som et helt antal minutter fra 15 til 480.",
    ]);
    expect(await page.getByLabel("Kort beskrivelse").inputValue()).toBe(
      "Om grænser og fællesskab.",
    );
    expect(await page.getByLabel("Varighed (minutter)").inputValue()).toBe("halvanden time");
    expect(await page.getByLabel("Fra klassetrin").inputValue()).toBe("6");
    expect(await page.getByLabel("Arabisk").isChecked()).toBe(true);
    expect(await page.getByLabel("Dansk").isChecked()).toBe(true);
    await expectNoAxeViolationsWithoutJs(page, "new course errors (no JS)");

    await page.getByLabel("Titel").fill("Workshop uden JavaScript");
    await page.getByLabel("Til klassetrin").selectOption("8");
    await page.getByLabel("Varighed (minutter)").fill("90");
    await page.getByRole("button", { name: "Opret forløb" }).click();
    await page.getByText("Forløbet er oprettet.").waitFor();
    await heading(page, "Forløb: Workshop uden JavaScript");
    await expectNoAxeViolationsWithoutJs(page, "course edit (no JS)");

    await page.getByRole("link", { name: "Slet forløbet" }).click();
    await page.getByText("Vil du slette forløbet?").waitFor();
    await expectNoAxeViolationsWithoutJs(page, "delete confirm (no JS)");
    await page.getByRole("button", { name: "Ja, slet forløbet" }).click();
    await page.getByText("Forløbet er slettet.").waitFor();
    expect(await page.getByRole("link", { name: "Workshop uden JavaScript" }).count()).toBe(0);
    await context.close();
  });
});
