/**
 * The annual report in Chromium: the list and a final report (with and without JavaScript,
 * axe-clean), writing a draft and being refused with the text kept, print emulation to A4 via
 * page.pdf with no table cut across pages, the PDF download's text (pdftotext) holding the
 * page's figures, and school leaders kept out.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
let coordinator: BrowserContext;
const dir = mkdtempSync(join(tmpdir(), "frirum-report-e2e-"));

beforeAll(async () => {
  [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  coordinator = await browser.newContext();
  await signInThroughMailbox(await coordinator.newPage(), server.url, "koordinator@frirum.test");
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The text of each page of a PDF (pdftotext, one call per page). */
function pdfPages(bytes: Buffer, name: string): string[] {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const info = execFileSync("pdfinfo", [file]).toString();
  const pages = Number(info.match(/Pages:\s+(\d+)/)?.[1] ?? 0);
  return Array.from({ length: pages }, (_, i) =>
    execFileSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), file, "-"])
      .toString()
      .replace(/\s+/g, " "),
  );
}

async function reportTables(page: Page) {
  return page.locator("table.report-table").evaluateAll((tables) =>
    tables.map((table) => {
      const rows = Array.from(table.querySelectorAll("tbody tr"));
      const firstCell = (row: Element | undefined) =>
        (row?.querySelector("th, td")?.textContent ?? "").replace(/\s+/g, " ").trim();
      return {
        caption: (table.querySelector("caption")?.textContent ?? "").trim(),
        height: table.getBoundingClientRect().height,
        last: firstCell(rows.at(-1)),
      };
    }),
  );
}

describe("annual reports", () => {
  it("the list shows 2024 and 2025 final and the running year as a draft", async () => {
    const page = await coordinator.newPage();
    const problems = await watchPageProblems(page);
    await page.goto(`${server.url}/coordinator`);
    await page.getByRole("link", { name: "Årsrapporter" }).click();
    await page.getByRole("heading", { level: 1, name: "Årsrapporter til udvalget" }).waitFor();
    const row = (year: number) => page.locator(`[data-year="${year}"]`);
    expect(await row(2024).textContent()).toContain("Endelig (version 1, 14. marts 2025)");
    expect(await row(2025).textContent()).toContain("Endelig (version 1, 14. marts 2026)");
    const current = new Date().getUTCFullYear();
    expect(await row(current).textContent()).toContain("Udkast i gang");
    await expectNoAxeViolations(page, "report list");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("a final report: frozen status, the pilot tracks, charts and tables; axe-clean", async () => {
    const page = await coordinator.newPage();
    const problems = await watchPageProblems(page);
    await page.goto(`${server.url}/coordinator/reports/2024`);
    await page.getByRole("heading", { level: 1, name: "Årsrapport 2024" }).waitFor();
    expect(await page.getByTestId("report-status").textContent()).toContain(
      "Endelig, 14. marts 2025",
    );
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain("Tingbjerg Skole");
    expect(main).toContain("Nørrebro Parkskole");
    expect(main).toContain("beskrivende");
    expect(main.toLowerCase()).not.toContain("signifikant");
    expect(await page.getByTestId("table-track-0").locator("tbody tr").count()).toBe(4);
    expect(await page.getByTestId("chart-monthly").locator("svg path").count()).toBeGreaterThan(0);
    // A final report has no text forms, only its frozen text.
    expect(await page.locator("textarea[name=text]").count()).toBe(0);
    await expectNoAxeViolations(page, "final report");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("prints to A4 with no table cut across pages (Chromium page.pdf)", async () => {
    const page = await coordinator.newPage();
    await page.goto(`${server.url}/coordinator/reports/2025`);
    await page.emulateMedia({ media: "print" });
    // Print layout width: A4 (210 mm) minus 2 x 15 mm margins at 96 dpi.
    await page.setViewportSize({ width: Math.round((180 / 25.4) * 96), height: 1000 });
    const tables = await reportTables(page);
    const pageHeight = ((297 - 20 - 18) / 25.4) * 96;
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
    const pages = pdfPages(pdf, "print.pdf");
    expect(pages.length).toBeGreaterThan(2);
    // Running header with the year on every page; page numbers.
    for (const [i, text] of pages.entries()) {
      expect(text, `page ${i + 1}`).toContain("Årsrapport 2025");
      expect(text, `page ${i + 1}`).toContain(`Side ${i + 1} af ${pages.length}`);
    }
    expect(pages.join(" ")).not.toContain("Gem udkast");
    let checked = 0;
    for (const table of tables) {
      if (table.height > pageHeight * 0.9 || !table.last) continue;
      const start = pages.findIndex((text) => text.includes(table.caption));
      expect(start, `caption ${table.caption}`).toBeGreaterThanOrEqual(0);
      // The table's last row is on the page its caption starts on: the table was not cut.
      expect(pages[start], `${table.caption} ends on its first page`).toContain(table.last);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(5);
    await page.close();
  });

  it("Download PDF: a real PDF whose text holds the page's figures", async () => {
    const page = await coordinator.newPage();
    await page.goto(`${server.url}/coordinator/reports/2025`);
    const targets = (await page.getByTestId("report-targets").textContent()) ?? "";
    const achieved = targets.match(/Elever undervist: ([\d.]+) af 2\.000/)?.[1];
    expect(achieved).toBeTruthy();
    const response = await page.request.get(`${server.url}/coordinator/reports/2025/pdf`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["content-disposition"]).toContain(
      "frirum-aarsrapport-2025-endelig-v1.pdf",
    );
    const text = pdfPages(await response.body(), "download.pdf").join(" ");
    expect(text).toContain("Endelig, 14. marts 2026");
    expect(text).toContain(`Elever undervist: ${achieved} af 2.000`);
    const reach = ((await page.getByTestId("report-reach").textContent()) ?? "").trim();
    expect(text).toContain(reach.replace(/\s+/g, " "));
    await page.close();
  });

  it("works without JavaScript: a draft is saved; too long a text is refused and kept", async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      storageState: await coordinator.storageState(),
    });
    const page = await context.newPage();
    const year = new Date().getUTCFullYear();
    await page.goto(`${server.url}/coordinator/reports/${year}`);
    await page.getByRole("heading", { level: 1, name: `Årsrapport ${year}` }).waitFor();
    const text = "Forældre fra Aarhus og عائلة الحسن deltog 🎉";
    await page.getByTestId("text-expertGroup").fill(text);
    await page
      .locator("form", { has: page.getByTestId("text-expertGroup") })
      .getByRole("button", { name: "Gem udkast" })
      .click();
    await page.getByText("Udkastet er gemt.").waitFor();
    expect(await page.getByTestId("text-expertGroup").inputValue()).toBe(text);
    await expectNoAxeViolationsWithoutJs(page, "draft report without JavaScript");

    const tooLong = "x".repeat(20_001);
    await page.getByTestId("text-nextYear").fill(tooLong);
    await page
      .locator("form", { has: page.getByTestId("text-nextYear") })
      .getByRole("button", { name: "Gem udkast" })
      .click();
    await page.getByText("Teksten må højst være 20.000 tegn.").waitFor();
    expect(await page.getByTestId("text-nextYear").inputValue()).toBe(tooLong);
    await context.close();
  });

  it("a future year and a year without data get clear messages, not errors", async () => {
    const page = await coordinator.newPage();
    const future = await page.goto(`${server.url}/coordinator/reports/2099`);
    expect(future?.status()).toBe(200);
    expect(await page.getByTestId("report-phase").textContent()).toContain("ikke begyndt");
    const before = await page.goto(`${server.url}/coordinator/reports/2019`);
    expect(before?.status()).toBe(200);
    expect(await page.getByTestId("report-phase").textContent()).toContain("ingen data");
    expect((await page.goto(`${server.url}/coordinator/reports/abc`))?.status()).toBe(404);
    await page.close();
  });

  it("school leaders are refused (403), also the downloads", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughMailbox(page, server.url, "leder.valby-bakke-skole@frirum.test");
    for (const path of [
      "/coordinator/reports",
      "/coordinator/reports/2025",
      "/coordinator/reports/2025/pdf",
      "/coordinator/reports/2025/xlsx",
    ]) {
      const response = await page.request.get(`${server.url}${path}`);
      expect(response.status(), path).toBe(403);
    }
    await context.close();
  });
});
