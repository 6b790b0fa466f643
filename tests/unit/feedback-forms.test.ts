import { describe, expect, it } from "vitest";
import { FEEDBACK_BANK, FEEDBACK_SCALES } from "~/domain/feedback-bank";
import {
  ANSWERED_COOKIE_MAX_AGE_SECONDS,
  answeredCookieHeader,
  answeredCookieName,
  formContentFromBank,
  hasAnsweredCookie,
  pickFeedbackLocale,
} from "~/domain/feedback-forms";
import { oneTimeCodeHash, oneTimeCodeHashes } from "~/lib/feedback-codes.server";

describe("the device cookie", () => {
  it("holds a constant, scoped to /f, httpOnly and SameSite=Lax, for 30 days", () => {
    expect(answeredCookieName("K7P3XM")).toBe("frirum_fb_K7P3XM");
    expect(ANSWERED_COOKIE_MAX_AGE_SECONDS).toBe(2_592_000);
    expect(answeredCookieHeader("K7P3XM", { secure: false })).toBe(
      "frirum_fb_K7P3XM=1; Path=/f; Max-Age=2592000; HttpOnly; SameSite=Lax",
    );
    expect(answeredCookieHeader("K7P3XM", { secure: true })).toMatch(/; Secure$/);
  });

  it("is recognised only for its own session and only with the value 1", () => {
    expect(hasAnsweredCookie("a=b; frirum_fb_K7P3XM=1; c=d", "K7P3XM")).toBe(true);
    expect(hasAnsweredCookie("frirum_fb_K7P3XM=1", "ABCDEF")).toBe(false);
    expect(hasAnsweredCookie("frirum_fb_K7P3XM=2", "K7P3XM")).toBe(false);
    expect(hasAnsweredCookie("xfrirum_fb_K7P3XM=1", "K7P3XM")).toBe(false);
    expect(hasAnsweredCookie(null, "K7P3XM")).toBe(false);
  });
});

describe("the page language", () => {
  it("uses the requested language when the audience's form is offered in it, else the first", () => {
    expect(pickFeedbackLocale("parents", "fa")).toBe("fa");
    expect(pickFeedbackLocale("pupils", "ar")).toBe("ar");
    expect(pickFeedbackLocale("pupils", "so")).toBe("da");
    expect(pickFeedbackLocale("staff", "ar")).toBe("da");
    expect(pickFeedbackLocale("staff", null)).toBe("da");
    expect(pickFeedbackLocale("parents", "xx")).toBe("da");
  });
});

describe("form content from the item bank", () => {
  const content = formContentFromBank(FEEDBACK_BANK.parents, { da: "Titel", ar: "عنوان" });

  it("keeps the items in order with their scale and marks non-Danish texts as drafts", () => {
    expect(content.items.map((i) => i.key)).toEqual(FEEDBACK_BANK.parents.items.map((i) => i.key));
    expect(new Set(content.items.map((i) => i.scale))).toEqual(new Set(["agree5"]));
    const texts = content.items[0].texts;
    expect(texts.map((t) => t.locale).sort()).toEqual(["ar", "da", "en", "fa", "so", "tr", "ur"]);
    for (const text of texts) expect(text.isDraft).toBe(text.locale !== "da");
    expect(content.titles).toEqual([
      { locale: "ar", text: "عنوان", isDraft: true },
      { locale: "da", text: "Titel", isDraft: false },
    ]);
  });

  it("labels every option of the scale", () => {
    expect(content.options.map((o) => o.value)).toEqual(
      FEEDBACK_SCALES.agree5.options.map((o) => o.value),
    );
    for (const option of content.options) expect(option.texts.length).toBe(7);
  });
});

describe("one-time code hashes", () => {
  it("are keyed with the secret and bound to the session", () => {
    const a = oneTimeCodeHash("secret-aaaaaaaaaaaaaaaa", 1, "ABCDEFGH");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(oneTimeCodeHash("secret-aaaaaaaaaaaaaaaa", 1, "ABCDEFGH")).toBe(a);
    expect(oneTimeCodeHash("secret-bbbbbbbbbbbbbbbb", 1, "ABCDEFGH")).not.toBe(a);
    expect(oneTimeCodeHash("secret-aaaaaaaaaaaaaaaa", 2, "ABCDEFGH")).not.toBe(a);
    expect(
      oneTimeCodeHashes(["secret-aaaaaaaaaaaaaaaa", "secret-bbbbbbbbbbbbbbbb"], 1, "ABCDEFGH"),
    ).toHaveLength(2);
  });
});
