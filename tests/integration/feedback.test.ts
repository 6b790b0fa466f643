/**
 * Anonymous feedback through the real server (production build: `npm run build` first) and the
 * staff services on fresh databases (SQLite files, or PostgreSQL with TEST_DATABASE_URL).
 */
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateOneTimeCodes, isValidShortCode, normalizeOneTimeCode } from "~/domain/feedback";
import { FEEDBACK_BANK } from "~/domain/feedback-bank";
import { utcToCopenhagen } from "~/domain/timezone";
import { feedbackText } from "~/i18n/feedback-form";
import { oneTimeCodeHash } from "~/lib/feedback-codes.server";
import { qrSvg } from "~/lib/qr.server";
import {
  countSessionFeedback,
  createOneTimeCodes,
  ensureFeedbackCode,
  loadSessionFeedback,
  setStrictFeedback,
} from "~/services/feedback.server";
import { listAuditEntries } from "../../db/queries/audit";
import {
  findFeedbackForm,
  insertFeedbackResponse,
  loadFeedbackFormRows,
} from "../../db/queries/feedback";
import { seedDemoFeedback, seedFeedbackForms } from "../../db/seed-feedback";
import { actorFor } from "../support/actors";
import { type AppServer, startAppServer } from "../support/app-server";
import { createTestDb, type TestDb, tableColumns, testDialect } from "../support/db";
import { feedbackBody, insertFeedbackSession } from "../support/feedback";
import { expectNotFound, ok, present } from "../support/responses";

const SECRET = "test-secret-0123456789abcdef";
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ALLOWED_COLUMNS = [
  "id",
  "session_id",
  "audience",
  "form_version",
  "locale",
  "answers",
  "comment",
  "session_date",
];

/** HTML text with the entities React escapes turned back, for "contains this message" checks. */
function textOf(html: string): string {
  return html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function htmlTag(html: string): string {
  return html.match(/<html[^>]*>/)?.[0] ?? "";
}

describe("the public feedback routes (real server)", () => {
  let server: AppServer;
  const sessions: Record<string, { sessionId: number; startsAt: string }> = {};

  beforeAll(async () => {
    // Request logging on, to prove the feedback routes are left out of it.
    server = await startAppServer({ env: { FRIRUM_QUIET: "0" } });
    sessions.ANYN22 = await insertFeedbackSession(server.db, { code: "ANYN22" });
    sessions.PAR2NT = await insertFeedbackSession(server.db, {
      code: "PAR2NT",
      audience: "parents",
    });
    sessions.STRCT7 = await insertFeedbackSession(server.db, { code: "STRCT7", strict: true });
    sessions.FVTVR2 = await insertFeedbackSession(server.db, {
      code: "FVTVR2",
      startsInMinutes: 3 * 24 * 60,
    });
    sessions.PAST22 = await insertFeedbackSession(server.db, {
      code: "PAST22",
      startsInMinutes: -20 * 24 * 60,
      status: "delivered",
    });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  const post = (path: string, fields: Record<string, string | string[]>, cookie?: string) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      body: feedbackBody(fields),
      redirect: "manual",
      headers: { Origin: server.url, ...(cookie ? { Cookie: cookie } : {}) },
    });
  const responsesOf = (sessionId: number) =>
    server.db
      .selectFrom("feedback_responses")
      .selectAll()
      .where("session_id", "=", sessionId)
      .execute();

  it("stores exactly session, audience, form version, language, answers, comment and the session's date", async () => {
    const res = await post("/f/ANYN22?lang=da", {
      formVersion: "1",
      locale: "da",
      "answer.easy_to_understand": "yes_very",
      "answer.felt_safe": "dont_know",
      "answer.would_recommend": "",
      comment: "  Tak for i dag  ",
      website: "",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/f/ANYN22/tak?lang=da");
    // The device cookie says only "answered here": a constant value, scoped to /f.
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(
      /^frirum_fb_ANYN22=1; Path=\/f; Max-Age=2592000; HttpOnly; SameSite=Lax$/,
    );

    expect(await tableColumns(server.db, "feedback_responses")).toEqual(ALLOWED_COLUMNS);

    const rows = await responsesOf(sessions.ANYN22.sessionId);
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(Object.keys(row).sort()).toEqual([...ALLOWED_COLUMNS].sort());
    expect(row.id).toMatch(UUID_V4);
    expect(row).toEqual({
      id: row.id,
      session_id: sessions.ANYN22.sessionId,
      audience: "pupils",
      form_version: 1,
      locale: "da",
      answers: JSON.stringify({ easy_to_understand: "yes_very", felt_safe: "dont_know" }),
      comment: "Tak for i dag",
      session_date: utcToCopenhagen(sessions.ANYN22.startsAt).date,
    });

    // No hidden counter either: SQLite keeps no rowid (WITHOUT ROWID); on PostgreSQL the id has
    // no default, so no sequence numbers the answers.
    if (testDialect() === "sqlite") {
      await expect(sql`SELECT rowid FROM feedback_responses`.execute(server.db)).rejects.toThrow(
        /no such column: rowid/,
      );
    } else {
      const { rows } = await sql<{ column_default: string | null; is_identity: string }>`
        SELECT column_default, is_identity FROM information_schema.columns
        WHERE table_name = 'feedback_responses' AND column_name = 'id'`.execute(server.db);
      expect(rows).toEqual([{ column_default: null, is_identity: "NO" }]);
    }

    // The form page sets no cookie and sends no Referer to other sites.
    const page = await fetch(`${server.url}/f/ANYN22`);
    expect(page.headers.get("set-cookie")).toBeNull();
    expect(page.headers.get("referrer-policy")).toBe("same-origin");
    expect(page.headers.get("cache-control")).toBe("no-store");

    // The request log is on, but never mentions the feedback routes or the code.
    expect(server.output()).toContain("/healthz");
    expect(server.output()).not.toContain("ANYN22");
    expect(server.output()).not.toMatch(/ \/f[/? ]/);
  });

  it("gives every response a new random id", async () => {
    for (let i = 0; i < 3; i++) {
      const res = await post("/f/ANYN22?lang=en", {
        formVersion: "1",
        locale: "en",
        "answer.learned_something_new": "yes_little",
      });
      expect(res.status).toBe(303);
    }
    const ids = (await responsesOf(sessions.ANYN22.sessionId)).map((r) => String(r.id));
    expect(ids.length).toBeGreaterThanOrEqual(4);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });

  it("shows the thank-you page in the form's language and says 'already answered' on a second visit", async () => {
    const thanks = await fetch(`${server.url}/f/PAR2NT/tak?lang=ar`);
    expect(thanks.status).toBe(200);
    const html = await thanks.text();
    expect(htmlTag(html)).toBe('<html lang="ar" dir="rtl">');
    expect(textOf(html)).toContain(feedbackText("ar", "feedback.thanks.title"));

    const again = await fetch(`${server.url}/f/ANYN22`, {
      headers: { Cookie: "frirum_fb_ANYN22=1" },
    });
    expect(again.status).toBe(200);
    expect(textOf(await again.text())).toContain(
      feedbackText("da", "feedback.alreadyAnswered.title"),
    );
    const before = (await responsesOf(sessions.ANYN22.sessionId)).length;
    const repost = await post(
      "/f/ANYN22",
      { formVersion: "1", locale: "da", "answer.felt_safe": "no" },
      "frirum_fb_ANYN22=1",
    );
    expect(repost.status).toBe(409);
    expect(await responsesOf(sessions.ANYN22.sessionId)).toHaveLength(before);
    // Another session's cookie does not count.
    const other = await fetch(`${server.url}/f/PAR2NT`, {
      headers: { Cookie: "frirum_fb_ANYN22=1" },
    });
    expect(textOf(await other.text())).not.toContain(
      feedbackText("da", "feedback.alreadyAnswered.title"),
    );
  });

  it("shows a kind page before the window opens and after it closes, and saves nothing", async () => {
    const early = await fetch(`${server.url}/f/FVTVR2?lang=en`);
    expect(early.status).toBe(403);
    expect(textOf(await early.text())).toContain(feedbackText("en", "feedback.notOpen.title"));
    const earlyPost = await post("/f/FVTVR2?lang=en", {
      formVersion: "1",
      locale: "en",
      "answer.felt_safe": "no",
    });
    expect(earlyPost.status).toBe(403);

    const late = await fetch(`${server.url}/f/PAST22`);
    expect(late.status).toBe(410);
    expect(textOf(await late.text())).toContain(feedbackText("da", "feedback.closed.title"));
    const latePost = await post("/f/PAST22", {
      formVersion: "1",
      locale: "da",
      "answer.felt_safe": "no",
    });
    expect(latePost.status).toBe(410);

    expect(await responsesOf(sessions.FVTVR2.sessionId)).toHaveLength(0);
    expect(await responsesOf(sessions.PAST22.sessionId)).toHaveLength(0);
  });

  it("answers an unknown code with a 404 page in the requested language", async () => {
    const res = await fetch(`${server.url}/f/ZZZZZZ?lang=ar`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(htmlTag(html)).toBe('<html lang="ar" dir="rtl">');
    expect(textOf(html)).toContain(feedbackText("ar", "feedback.unknownCode.title"));
    // Malformed codes too, and the entry form with a bad code.
    expect((await fetch(`${server.url}/f/not-a-code`)).status).toBe(404);
    const entry = await fetch(`${server.url}/f?code=12&lang=so`);
    expect(entry.status).toBe(404);
    expect(textOf(await entry.text())).toContain(feedbackText("so", "feedback.unknownCode.body"));
    // A typed code is normalized and sent to its form.
    const typed = await fetch(`${server.url}/f?code=par-2nt&lang=ar`, { redirect: "manual" });
    expect(typed.status).toBe(302);
    expect(typed.headers.get("location")).toBe("/f/PAR2NT?lang=ar");
  });

  const badInputs: Array<{ name: string; fields: Record<string, string>; key: string }> = [
    {
      name: "an answer outside the scale",
      fields: { "answer.could_ask_questions": "yes_very" },
      key: "feedback.error.answerOutOfScale",
    },
    {
      name: "an unknown item",
      fields: { "answer.favourite_colour": "agree" },
      key: "feedback.error.unknownItem",
    },
    {
      name: "a wrong form version",
      fields: { formVersion: "7" },
      key: "feedback.error.wrongFormVersion",
    },
    {
      name: "a language the form is not offered in",
      fields: { locale: "xx" },
      key: "feedback.error.invalidLanguage",
    },
  ];
  for (const bad of badInputs) {
    it(`answers ${bad.name} with a 422 page in Arabic that keeps the valid answers`, async () => {
      const before = (await responsesOf(sessions.PAR2NT.sessionId)).length;
      const res = await post("/f/PAR2NT?lang=ar", {
        formVersion: "1",
        locale: "ar",
        "answer.treated_respectfully": "strongly_agree",
        comment: "شكرا",
        ...bad.fields,
      });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(htmlTag(html)).toBe('<html lang="ar" dir="rtl">');
      expect(textOf(html)).toContain(feedbackText("ar", bad.key));
      expect(html).toMatch(/name="answer\.treated_respectfully" checked="" value="strongly_agree"/);
      expect(html).toContain(">شكرا</textarea>");
      expect(await responsesOf(sessions.PAR2NT.sessionId)).toHaveLength(before);
    });
  }

  it("asks for at least one answer when nothing is filled in", async () => {
    const res = await post("/f/PAR2NT?lang=tr", { formVersion: "1", locale: "tr" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(htmlTag(html)).toBe('<html lang="tr" dir="ltr">');
    expect(textOf(html)).toContain(feedbackText("tr", "feedback.error.atLeastOne"));
  });

  it("saves the answers when only the comment is invalid, and says the comment was not saved", async () => {
    const res = await post("/f/PAR2NT?lang=ur", {
      formVersion: "1",
      locale: "ur",
      "answer.school_should_continue": "agree",
      comment: "ا".repeat(1001),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/f/PAR2NT/tak?lang=ur&comment=notSaved");
    const rows = await responsesOf(sessions.PAR2NT.sessionId);
    const saved = rows.find((r) => r.locale === "ur");
    expect(saved).toMatchObject({
      answers: JSON.stringify({ school_should_continue: "agree" }),
      comment: null,
      audience: "parents",
    });
    const thanks = await fetch(`${server.url}${res.headers.get("location")}`);
    const html = await thanks.text();
    expect(htmlTag(html)).toBe('<html lang="ur" dir="rtl">');
    expect(textOf(html)).toContain(feedbackText("ur", "feedback.thanks.commentNotSaved"));
  });

  it("pretends success to a bot that fills the honeypot, and stores nothing", async () => {
    const before = (await responsesOf(sessions.PAR2NT.sessionId)).length;
    const res = await post("/f/PAR2NT", {
      formVersion: "1",
      locale: "da",
      "answer.school_should_continue": "agree",
      website: "http://spam.example",
    });
    expect(res.status).toBe(303);
    expect(await responsesOf(sessions.PAR2NT.sessionId)).toHaveLength(before);
  });

  describe("strict mode with one-time codes", () => {
    let codes: string[];
    beforeAll(async () => {
      codes = generateOneTimeCodes(3);
      await server.db
        .insertInto("one_time_codes")
        .values(
          codes.map((code) => ({
            id: crypto.randomUUID(),
            session_id: sessions.STRCT7.sessionId,
            code_hash: oneTimeCodeHash(
              SECRET,
              sessions.STRCT7.sessionId,
              normalizeOneTimeCode(code),
            ),
            used: 0,
          })),
        )
        .execute();
    });
    const answer = { formVersion: "1", locale: "da", "answer.felt_safe": "yes_very" };

    it("asks for the code, rejects an unknown one, and keeps the answers", async () => {
      const form = await fetch(`${server.url}/f/STRCT7`);
      expect(textOf(await form.text())).toContain(feedbackText("da", "feedback.oneTimeCode.label"));

      const missing = await post("/f/STRCT7", answer);
      expect(missing.status).toBe(422);
      const missingHtml = textOf(await missing.text());
      expect(missingHtml).toContain(feedbackText("da", "feedback.oneTimeCode.required"));
      expect(missingHtml).toMatch(/name="answer\.felt_safe" checked="" value="yes_very"/);

      const unknown = await post("/f/STRCT7", { ...answer, oneTimeCode: "ZZZZ-ZZZZ" });
      expect(unknown.status).toBe(422);
      expect(textOf(await unknown.text())).toContain(
        feedbackText("da", "feedback.oneTimeCode.invalid"),
      );
      expect(await responsesOf(sessions.STRCT7.sessionId)).toHaveLength(0);
    });

    it("lets exactly one of many concurrent uses of a code win", async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, () => post("/f/STRCT7", { ...answer, oneTimeCode: codes[0] })),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([303, 409, 409, 409, 409, 409, 409, 409]);
      const conflict = results.find((r) => r.status === 409);
      expect(textOf((await conflict?.text()) ?? "")).toContain(
        feedbackText("da", "feedback.oneTimeCode.used"),
      );
      expect(await responsesOf(sessions.STRCT7.sessionId)).toHaveLength(1);
      const used = (
        await server.db
          .selectFrom("one_time_codes")
          .select("used")
          .where("session_id", "=", sessions.STRCT7.sessionId)
          .orderBy("used", "desc")
          .execute()
      ).map((r) => r.used);
      expect(used).toEqual([1, 0, 0]);
    });

    it("accepts a code typed in lower case with spaces, and never links it to the response", async () => {
      const typed = codes[1].toLowerCase().replace("-", " ");
      const res = await post("/f/STRCT7", { ...answer, oneTimeCode: typed });
      expect(res.status).toBe(303);
      expect(await tableColumns(server.db, "one_time_codes")).toEqual([
        "id",
        "session_id",
        "code_hash",
        "used",
      ]);
      const stored = (
        await server.db.selectFrom("one_time_codes").select("code_hash").execute()
      ).map((r) => r.code_hash);
      for (const code of codes) {
        expect(stored.join(" ")).not.toContain(normalizeOneTimeCode(code));
      }
    });
  });
});

describe("feedback staff services and forms", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb({ seed: true });
    await seedFeedbackForms(t.db);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it("seeds the item bank as version 1 of each form, once, with drafts marked", async () => {
    await seedFeedbackForms(t.db);
    const forms = await t.db.selectFrom("feedback_forms").selectAll().execute();
    expect(forms.map((f) => `${f.audience}:${f.version}`).sort()).toEqual([
      "parents:1",
      "pupils:1",
      "staff:1",
    ]);
    const pupils = await findFeedbackForm(t.db, "pupils", 1);
    const { items, texts } = await loadFeedbackFormRows(t.db, pupils?.id ?? 0);
    expect(items.map((i) => i.key)).toEqual(FEEDBACK_BANK.pupils.items.map((i) => i.key));
    const first = texts.filter((x) => x.item_id === items[0].id);
    expect(first.find((x) => x.locale === "da")).toMatchObject({ is_draft: 0 });
    expect(first.find((x) => x.locale === "ar")).toMatchObject({ is_draft: 1 });
  });

  it("refuses, in the database, to edit a form version that has answers", async () => {
    const { sessionId } = await insertFeedbackSession(t.db, { code: "VERS22" });
    await insertFeedbackResponse(t.db, {
      sessionId,
      audience: "pupils",
      formVersion: 1,
      locale: "da",
      answers: { easy_to_understand: "yes_very" },
      comment: null,
      sessionDate: "2026-11-27",
    });
    const v1 = await findFeedbackForm(t.db, "pupils", 1);
    const before = await loadFeedbackFormRows(t.db, v1?.id ?? 0);
    await expect(
      t.db
        .updateTable("feedback_items")
        .set({ key: "renamed" })
        .where("form_id", "=", v1?.id ?? 0)
        .execute(),
    ).rejects.toThrow(/has answers/);
    await expect(
      t.db
        .deleteFrom("feedback_texts")
        .where("form_id", "=", v1?.id ?? 0)
        .execute(),
    ).rejects.toThrow(/has answers/);
    expect(await loadFeedbackFormRows(t.db, v1?.id ?? 0)).toEqual(before);
  });

  it("gives a session a short code once, for its facilitator or a coordinator only", async () => {
    const { sessionId } = await insertFeedbackSession(t.db, {
      code: "TMP222",
      facilitators: ["facilitator1@frirum.test"],
    });
    await t.db
      .updateTable("sessions")
      .set({ feedback_code: null })
      .where("id", "=", sessionId)
      .execute();
    const facilitator = await actorFor(t.db, "facilitator1@frirum.test");
    const other = await actorFor(t.db, "facilitator2@frirum.test");
    const leader = await actorFor(t.db, "leder.tingbjerg-skole@frirum.test");
    await expectNotFound(ensureFeedbackCode(t.db, other, sessionId));
    await expectNotFound(ensureFeedbackCode(t.db, leader, sessionId));

    const { code } = ok(await ensureFeedbackCode(t.db, facilitator, sessionId));
    expect(isValidShortCode(code)).toBe(true);
    expect(
      ok(await ensureFeedbackCode(t.db, await actorFor(t.db, "koordinator@frirum.test"), sessionId))
        .code,
    ).toBe(code);

    const page = ok(
      await loadSessionFeedback(t.db, facilitator, sessionId, {
        appUrl: "https://frirum.example",
        now: new Date(),
      }),
    );
    expect(page.url).toBe(`https://frirum.example/f/${code}`);
    expect(await qrSvg(page.url ?? "")).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(page.window.state).toBe("open");
    expect(page.count).toBe(0);
    expect(ok(await countSessionFeedback(t.db, facilitator, sessionId)).count).toBe(0);
    await expectNotFound(countSessionFeedback(t.db, other, sessionId));
  });

  it("switches strict mode and stores one-time codes only as keyed hashes", async () => {
    const { sessionId } = await insertFeedbackSession(t.db, {
      code: "SKP222",
      facilitators: ["facilitator1@frirum.test"],
    });
    const facilitator = await actorFor(t.db, "facilitator1@frirum.test");
    present(await setStrictFeedback(t.db, facilitator, sessionId, true));
    const session = await t.db
      .selectFrom("sessions")
      .select("strict_feedback")
      .where("id", "=", sessionId)
      .executeTakeFirstOrThrow();
    expect(session.strict_feedback).toBe(1);

    expect(
      present(
        await createOneTimeCodes(t.db, facilitator, sessionId, 0, { secret: SECRET, appUrl: "x" }),
      ),
    ).toEqual({ ok: false, errors: { count: "feedbackStaff.slips.countInvalid" } });
    const result = present(
      await createOneTimeCodes(t.db, facilitator, sessionId, 25, {
        secret: SECRET,
        appUrl: "https://frirum.example",
      }),
    );
    if (!result.ok) throw new Error("expected codes");
    expect(result.codes).toHaveLength(25);
    expect(result.url).toBe("https://frirum.example/f/SKP222");
    const rows = await t.db
      .selectFrom("one_time_codes")
      .selectAll()
      .where("session_id", "=", sessionId)
      .execute();
    expect(rows).toHaveLength(25);
    const hashes = new Set(rows.map((r) => r.code_hash));
    for (const code of result.codes) {
      expect(hashes.has(oneTimeCodeHash(SECRET, sessionId, normalizeOneTimeCode(code)))).toBe(true);
    }
    // A plain hash of the code is not what is stored (it is keyed with the server secret).
    const dump = JSON.stringify(rows);
    for (const code of result.codes) expect(dump).not.toContain(normalizeOneTimeCode(code));
    const audit = await listAuditEntries(t.db, "session", sessionId);
    expect(audit.map((a) => a.action)).toEqual([
      "feedback.oneTimeCodesCreated",
      "feedback.strictOn",
    ]);
  });

  it("seeds anonymous demo answers for past delivered sessions, pilot a little better, once", async () => {
    const now = new Date();
    const pilot = await insertFeedbackSession(t.db, {
      code: "PKT222",
      status: "delivered",
      startsInMinutes: -10 * 24 * 60,
      schoolSlug: "tingbjerg-skole",
    });
    const standard = await insertFeedbackSession(t.db, {
      code: "STD222",
      status: "delivered",
      startsInMinutes: -10 * 24 * 60,
      schoolSlug: "valby-bakke-skole",
    });
    const future = await insertFeedbackSession(t.db, { code: "FTR222", startsInMinutes: 60 });
    for (const id of [pilot.sessionId, standard.sessionId]) {
      await t.db
        .updateTable("sessions")
        .set({ attendance_pupils: 400 })
        .where("id", "=", id)
        .execute();
    }
    const first = await seedDemoFeedback(t.db, now);
    expect(first.sessions).toBe(2);
    const again = await seedDemoFeedback(t.db, now);
    expect(again).toEqual({ sessions: 0, responses: 0 });

    const rows = await t.db.selectFrom("feedback_responses").selectAll().execute();
    const of = (id: number) => rows.filter((r) => r.session_id === id);
    for (const id of [pilot.sessionId, standard.sessionId]) {
      expect(of(id).length).toBeGreaterThanOrEqual(240);
      expect(of(id).length).toBeLessThanOrEqual(360);
    }
    expect(of(future.sessionId)).toHaveLength(0);
    const topBox = (id: number) => {
      let top = 0;
      let all = 0;
      for (const r of of(id)) {
        for (const value of Object.values(JSON.parse(r.answers) as Record<string, string>)) {
          all++;
          if (value === "yes_very") top++;
        }
      }
      return top / all;
    };
    expect(topBox(pilot.sessionId)).toBeGreaterThan(topBox(standard.sessionId));
    expect(topBox(pilot.sessionId) - topBox(standard.sessionId)).toBeLessThan(0.2);
    for (const r of rows) {
      expect(r.id).toMatch(UUID_V4);
      expect(r.session_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
