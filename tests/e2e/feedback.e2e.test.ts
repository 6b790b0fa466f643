import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  launchBrowser,
  PHONE_VIEWPORT,
  signInThroughMailbox,
  watchPageProblems,
} from "../support/browser";
import { insertFeedbackSession } from "../support/feedback";

let server: AppServer;
let browser: Browser;
let pupilSession: { sessionId: number };

beforeAll(async () => {
  [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  pupilSession = await insertFeedbackSession(server.db, {
    code: "QRK222",
    startsInMinutes: -80,
    facilitators: ["facilitator1@frirum.test"],
  });
  await insertFeedbackSession(server.db, { code: "ARB222", audience: "parents" });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function htmlAttributes(page: Page) {
  return {
    lang: await page.getAttribute("html", "lang"),
    dir: await page.getAttribute("html", "dir"),
  };
}

/** Chooses an answer in the question whose legend matches `question`. */
async function answer(page: Page, question: RegExp, option: string) {
  await page
    .getByRole("group", { name: question })
    .getByRole("radio", { name: option, exact: true })
    .check();
}

describe("anonymous feedback on a phone", () => {
  it("a pupil answers in Danish while the facilitator's page counts the answer live", async () => {
    const staff = await browser.newContext({ viewport: PHONE_VIEWPORT });
    const staffPage = await staff.newPage();
    const staffProblems = await watchPageProblems(staffPage);
    await signInThroughMailbox(staffPage, server.url, "facilitator1@frirum.test");
    await staffPage.goto(`${server.url}/sessions/${pupilSession.sessionId}/feedback`);
    await staffPage.getByRole("heading", { level: 1, name: /^Feedback: / }).waitFor();
    expect(await staffPage.locator(".fb-qr svg").count()).toBe(1);
    await staffPage.getByText("QRK222", { exact: true }).waitFor();
    await expect(staffPage.getByTestId("feedback-count").textContent()).resolves.toBe("0 svar");
    await expectNoAxeViolations(staffPage, "facilitator feedback page");

    await staffPage.getByRole("link", { name: "Vis for klassen" }).click();
    await staffPage.getByRole("heading", { level: 1, name: /QRK222/ }).waitFor();
    expect(await staffPage.locator(".fb-show__qr svg").count()).toBe(1);
    await expectNoAxeViolations(staffPage, "show to the class");
    await staffPage.getByRole("link", { name: "Luk visningen" }).click();
    await staffPage.getByTestId("feedback-count").waitFor();

    const pupil = await browser.newContext({ viewport: PHONE_VIEWPORT });
    const page = await pupil.newPage();
    const problems = await watchPageProblems(page);
    await page.goto(`${server.url}/f/QRK222`);
    expect(await htmlAttributes(page)).toEqual({ lang: "da", dir: "ltr" });
    await page.getByRole("heading", { level: 1, name: "Hvad synes du om workshoppen?" }).waitFor();
    // Big touch targets: every answer option is at least 44 px high and the page has no scripts.
    const heights = await page
      .locator(".fb-option")
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    expect(await page.locator("script").count()).toBe(0);
    // Its styles come inline (no stylesheet to fetch) and apply under the CSP (a refused style
    // would also show in `problems`); the options' pictures are SVG drawn at icon size.
    expect(await page.locator('link[rel="stylesheet"]').count()).toBe(0);
    const icons = await page
      .locator(".fb-option__icon")
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().width)));
    expect(icons.length).toBeGreaterThan(0);
    expect(new Set(icons)).toEqual(new Set([28]));
    await expectNoAxeViolations(page, "pupil form (da)");

    await answer(page, /Var workshoppen let at forstå/, "Ja, meget");
    await answer(page, /Lærte du noget nyt/, "Ja, lidt");
    await answer(page, /Jeg følte mig tryg/, "Ved ikke");
    await page.getByLabel(/Vil du fortælle os mere/).fill("Det var sjovt");
    await page.getByRole("button", { name: "Send svar" }).click();
    await page.waitForURL(`${server.url}/f/QRK222/tak?lang=da`);
    await page.getByRole("heading", { level: 1, name: "Tak for dine svar!" }).waitFor();
    await expectNoAxeViolations(page, "thank-you page (da)");

    await page.goto(`${server.url}/f/QRK222`);
    await page.getByRole("heading", { level: 1, name: "Du har allerede svaret" }).waitFor();
    await expectNoAxeViolations(page, "already answered (da)");

    // The facilitator's count rises by itself (polling), without a reload.
    await staffPage.getByTestId("feedback-count").getByText("1 svar").waitFor({ timeout: 15_000 });

    expect(problems).toEqual([]);
    expect(staffProblems).toEqual([]);
    await pupil.close();
    await staff.close();
  });

  it("a parent answers in Arabic, right to left", async () => {
    const context = await browser.newContext({ viewport: PHONE_VIEWPORT });
    const page = await context.newPage();
    const problems = await watchPageProblems(page);
    await page.goto(`${server.url}/f/ARB222`);
    expect(await htmlAttributes(page)).toEqual({ lang: "da", dir: "ltr" });
    await page.getByRole("link", { name: "العربية" }).click();
    await page.waitForURL(`${server.url}/f/ARB222?lang=ar`);
    expect(await htmlAttributes(page)).toEqual({ lang: "ar", dir: "rtl" });
    await page.getByRole("heading", { level: 1, name: "ما رأيك في اللقاء؟" }).waitFor();
    await expectNoAxeViolations(page, "parent form (ar)");

    await answer(page, /حصلت على معرفة جديدة/, "موافق بشدة");
    await answer(page, /تمّ تناول الموضوع باحترام/, "موافق");
    await page.getByRole("button", { name: "إرسال الإجابات" }).click();
    await page.waitForURL(`${server.url}/f/ARB222/tak?lang=ar`);
    expect(await htmlAttributes(page)).toEqual({ lang: "ar", dir: "rtl" });
    await page.getByRole("heading", { level: 1, name: "شكرًا على إجاباتك!" }).waitFor();
    await expectNoAxeViolations(page, "thank-you page (ar)");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("works without JavaScript: code entry, a validation message, answering, in English", async () => {
    const context = await browser.newContext({
      viewport: PHONE_VIEWPORT,
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/f?lang=en`);
    expect(await htmlAttributes(page)).toEqual({ lang: "en", dir: "ltr" });
    await expectNoAxeViolationsWithoutJs(page, "code entry (en)");
    await page.getByLabel("Enter the code").fill("qrk 222");
    await page.getByRole("button", { name: "Go to the questions" }).click();
    await page.waitForURL(`${server.url}/f/QRK222?lang=en`);
    await page
      .getByRole("heading", { level: 1, name: "What did you think of the workshop?" })
      .waitFor();
    await expectNoAxeViolationsWithoutJs(page, "pupil form (en)");

    // Sending nothing gives a message, and the page stays in English.
    await page.getByRole("button", { name: "Send answers" }).click();
    await page.getByRole("heading", { name: "Something needs to be corrected" }).waitFor();
    expect(await htmlAttributes(page)).toEqual({ lang: "en", dir: "ltr" });
    await expectNoAxeViolationsWithoutJs(page, "pupil form with an error (en)");

    await answer(page, /Did you learn something new/, "Yes, a lot");
    await answer(page, /I felt safe/, "Yes, a little");
    await page.getByRole("button", { name: "Send answers" }).click();
    await page.waitForURL(`${server.url}/f/QRK222/tak?lang=en`);
    await page.getByRole("heading", { level: 1, name: "Thank you for your answers!" }).waitFor();
    await expectNoAxeViolationsWithoutJs(page, "thank-you page (en)");

    await page.goto(`${server.url}/f/QRK222?lang=en`);
    await page.getByRole("heading", { level: 1, name: "You have already answered" }).waitFor();
    await expectNoAxeViolationsWithoutJs(page, "already answered (en)");
    await context.close();
  });
});
