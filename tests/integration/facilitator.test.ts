import { createHash } from "node:crypto";
import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/lib/guards.server";
import { unavailabilityAction } from "~/lib/unavailability-action.server";
import { action as calendarAction } from "~/routes/facilitator.calendar";
import { loader as feedLoader } from "~/routes/feeds.$token";
import {
  chooseCalendarDelivery,
  etagMatches,
  type IssueIntent,
  issueCalendarFeedToken,
  loadCalendarFeedPage,
  renderCalendarFeed,
} from "~/services/calendar-feed.server";
import {
  addUnavailability,
  loadFacilitatorSessionPage,
  loadMySessions,
  loadUnavailability,
  PAST_PAGE_SIZE,
  registerDelivery,
  removeUnavailability,
} from "~/services/facilitator.server";
import type { DB } from "../../db/connection";
import type { Audience, SessionStatus } from "../../db/schema";
import { actorFor } from "../support/actors";
import { createTestDb, type TestDb } from "../support/db";
import { expectNotFound, ok, present } from "../support/responses";
import { postToAction, withAppDb } from "../support/routes";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const APP_URL = "http://frirum.test";

let t: TestDb;
let now: Date;
let coordinator: CurrentUser;
let amira: CurrentUser; // facilitator1
let hodan: CurrentUser; // facilitator2
let leader: CurrentUser; // leader of the sessions' school
let schoolId: number;

const iso = (ms: number) => new Date(ms).toISOString();

async function insertRequest(
  db: DB,
  options: { audience?: Audience; status?: "scheduled" | "in_progress" } = {},
) {
  const course = await db
    .selectFrom("courses")
    .select("id")
    .where("audience", "=", options.audience ?? "pupils")
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto("requests")
    .values({
      school_id: schoolId,
      requester_id: leader.id,
      course_id: course.id,
      status: options.status ?? "scheduled",
      group_count: 3,
      participants_per_group: 25,
      grades: "[7,8]",
      location: "Lokale 12",
      contact_name: "Lærer Lone",
      contact_phone: "12 34 56 78",
      languages_needed: '["ar"]',
      interpreter_needed: 1,
      notes: "Klassen har arbejdet med emnet før.",
    })
    .returning(["id", "course_id"])
    .executeTakeFirstOrThrow();
  return { requestId: row.id, courseId: row.course_id };
}

let uidCounter = 0;
async function insertSession(
  db: DB,
  request: { requestId: number; courseId: number },
  options: {
    startsAt: number;
    minutes?: number;
    facilitators: number[];
    status?: SessionStatus;
    cancelledAt?: number;
    sequence?: number;
  },
) {
  uidCounter += 1;
  const row = await db
    .insertInto("sessions")
    .values({
      request_id: request.requestId,
      course_id: request.courseId,
      school_id: schoolId,
      starts_at: iso(options.startsAt),
      ends_at: iso(options.startsAt + (options.minutes ?? 90) * 60_000),
      location: "Lokale 12, Tingbjerg Skole",
      status: options.status ?? "scheduled",
      uid: `session-test-${uidCounter}@frirum.test`,
      sequence: options.sequence ?? 0,
      cancelled_at: options.cancelledAt === undefined ? null : iso(options.cancelledAt),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const userId of options.facilitators) {
    await db
      .insertInto("session_facilitators")
      .values({ session_id: row.id, user_id: userId })
      .execute();
  }
  return row.id;
}

beforeEach(async () => {
  t = await createTestDb({ seed: true });
  now = new Date("2026-03-10T12:00:00.000Z");
  coordinator = await actorFor(t.db, "koordinator@frirum.test");
  amira = await actorFor(t.db, "facilitator1@frirum.test");
  hodan = await actorFor(t.db, "facilitator2@frirum.test");
  leader = await actorFor(t.db, "leder.tingbjerg-skole@frirum.test");
  schoolId = leader.schoolId as number;
});
afterEach(async () => {
  await t.cleanup();
});

describe("my sessions", () => {
  it("splits own sessions into upcoming (incl. in progress) and past, and pages the past", async () => {
    const request = await insertRequest(t.db);
    const n = now.getTime();
    const future = await insertSession(t.db, request, {
      startsAt: n + 3 * DAY,
      facilitators: [amira.id, hodan.id],
    });
    const inProgress = await insertSession(t.db, request, {
      startsAt: n - 30 * 60_000,
      facilitators: [amira.id],
    });
    const cancelledFuture = await insertSession(t.db, request, {
      startsAt: n + 5 * DAY,
      facilitators: [amira.id],
      status: "cancelled",
      cancelledAt: n - DAY,
    });
    const past: number[] = [];
    for (let i = 1; i <= PAST_PAGE_SIZE + 3; i++) {
      past.push(
        await insertSession(t.db, request, { startsAt: n - i * DAY, facilitators: [amira.id] }),
      );
    }
    await insertSession(t.db, request, { startsAt: n + 4 * DAY, facilitators: [hodan.id] });

    const page1 = ok(await loadMySessions(t.db, amira, { now }));
    expect(page1.upcoming.map((s) => s.id)).toEqual([inProgress, future, cancelledFuture]);
    expect(page1.upcoming[0]).toMatchObject({
      school_name: "Tingbjerg Skole (demo)",
      school_address: "Tingbjerg Allé 5, 2700 Brønshøj",
      status: "scheduled",
    });
    expect(page1.upcoming[2].status).toBe("cancelled");
    expect(page1.pastTotal).toBe(PAST_PAGE_SIZE + 3);
    expect(page1.pageCount).toBe(2);
    expect(page1.past.map((s) => s.id)).toEqual(past.slice(0, PAST_PAGE_SIZE));

    const page2 = ok(await loadMySessions(t.db, amira, { now, pastPage: 2 }));
    expect(page2.past.map((s) => s.id)).toEqual(past.slice(PAST_PAGE_SIZE));
    // Out of range pages are clamped, not empty.
    expect(ok(await loadMySessions(t.db, amira, { now, pastPage: 99 })).pastPage).toBe(2);

    const hodans = ok(await loadMySessions(t.db, hodan, { now }));
    expect(hodans.upcoming).toHaveLength(2);
    expect(hodans.past).toHaveLength(0);
  });

  it("is only for facilitators", async () => {
    await expectNotFound(loadMySessions(t.db, coordinator, { now }));
  });
});

describe("session page access", () => {
  it("shows the session to assigned facilitators and coordinators, 404 to everyone else", async () => {
    const request = await insertRequest(t.db);
    const sessionId = await insertSession(t.db, request, {
      startsAt: now.getTime() + DAY,
      facilitators: [amira.id],
    });
    const page = ok(await loadFacilitatorSessionPage(t.db, amira, sessionId, now));
    expect(page.session).toMatchObject({
      schoolName: "Tingbjerg Skole (demo)",
      schoolAddress: "Tingbjerg Allé 5, 2700 Brønshøj",
      contactName: "Lærer Lone",
      contactPhone: "12 34 56 78",
      notes: "Klassen har arbejdet med emnet før.",
      groupCount: 3,
      participantsPerGroup: 25,
      grades: [7, 8],
      languagesNeeded: ["ar"],
      interpreterNeeded: true,
      audience: "pupils",
      version: 1,
    });
    expect(page.facilitators).toEqual([expect.objectContaining({ id: amira.id, isMe: true })]);
    expect(page.feedbackPath).toBe(`/sessions/${sessionId}/feedback`);
    expect(page.deliveryBlocker).toBe("facilitator.attendance.notStarted");

    expect(ok(await loadFacilitatorSessionPage(t.db, coordinator, sessionId, now)).session.id).toBe(
      sessionId,
    );
    await expectNotFound(loadFacilitatorSessionPage(t.db, hodan, sessionId, now));
    await expectNotFound(loadFacilitatorSessionPage(t.db, leader, sessionId, now));
    await expectNotFound(loadFacilitatorSessionPage(t.db, amira, sessionId + 1000, now));
    await expectNotFound(loadFacilitatorSessionPage(t.db, amira, Number.NaN, now));
  });

  it("refuses delivery by others with 404 and changes nothing", async () => {
    const request = await insertRequest(t.db);
    const sessionId = await insertSession(t.db, request, {
      startsAt: now.getTime() - DAY,
      facilitators: [amira.id],
    });
    for (const other of [hodan, leader]) {
      await expectNotFound(
        registerDelivery(t.db, other, sessionId, { version: 1, present: 20, note: "" }, now),
      );
    }
    const row = await t.db
      .selectFrom("sessions")
      .select(["status", "version"])
      .where("id", "=", sessionId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "scheduled", version: 1 });
  });
});

describe("registering delivery", () => {
  it("is refused before the session starts", async () => {
    const request = await insertRequest(t.db);
    const sessionId = await insertSession(t.db, request, {
      startsAt: now.getTime() + HOUR,
      facilitators: [amira.id],
    });
    const result = present(
      await registerDelivery(t.db, amira, sessionId, { version: 1, present: 27, note: "" }, now),
    );
    expect(result).toEqual({ ok: false, errors: { _form: "facilitator.attendance.notStarted" } });
  });

  it("refuses a stale form and never overwrites", async () => {
    const request = await insertRequest(t.db);
    const sessionId = await insertSession(t.db, request, {
      startsAt: now.getTime() - DAY,
      facilitators: [amira.id],
    });
    // Someone changed the session after the form was rendered at version 1.
    await t.db.updateTable("sessions").set({ version: 2 }).where("id", "=", sessionId).execute();
    const result = present(
      await registerDelivery(t.db, amira, sessionId, { version: 1, present: 27, note: "" }, now),
    );
    expect(result).toEqual({ ok: false, errors: { _form: "facilitator.attendance.stale" } });
    const row = await t.db
      .selectFrom("sessions")
      .select(["status", "attendance_pupils", "version"])
      .where("id", "=", sessionId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "scheduled", attendance_pupils: null, version: 2 });
  });

  it("delivers the session, drops its attendance reminders, and the request once all are delivered", async () => {
    const request = await insertRequest(t.db);
    const n = now.getTime();
    const first = await insertSession(t.db, request, {
      startsAt: n - 2 * DAY,
      facilitators: [amira.id, hodan.id],
    });
    const second = await insertSession(t.db, request, {
      startsAt: n - DAY,
      facilitators: [amira.id],
    });
    // A cancelled session does not hold the request back.
    await insertSession(t.db, request, {
      startsAt: n - DAY,
      facilitators: [amira.id],
      status: "cancelled",
      cancelledAt: n - 3 * DAY,
    });
    const outbox = (key: string, status: "pending" | "sent" = "pending") =>
      t.db
        .insertInto("email_outbox")
        .values({
          to_address: "facilitator1@frirum.test",
          subject: "Husk fremmøde",
          text_body: "x",
          html_body: "x",
          kind: "session-attendance-reminder",
          status,
          dedupe_key: key,
        })
        .execute();
    await outbox(`reminder-attendance:session-${first}:seq-0:user-${amira.id}`);
    await outbox(`reminder-attendance:session-${first}:seq-0:user-${hodan.id}`);
    await outbox(`reminder-attendance:session-${first}:user-${amira.id}`);
    await outbox(`reminder-attendance:session-${first}:seq-1:user-9`, "sent");
    await outbox(`reminder-3d:session-${first}:seq-0:user-${amira.id}`);
    await outbox(`reminder-attendance:session-${second}:seq-0:user-${amira.id}`);
    await outbox(`reminder-attendance:session-${first}0:seq-0:user-${amira.id}`);

    const firstResult = present(
      await registerDelivery(
        t.db,
        amira,
        first,
        { version: 1, present: 27, note: "God stemning." },
        now,
      ),
    );
    expect(firstResult).toEqual({ ok: true, requestDelivered: false, remindersDeleted: 3 });
    const delivered = await t.db
      .selectFrom("sessions")
      .selectAll()
      .where("id", "=", first)
      .executeTakeFirstOrThrow();
    expect(delivered).toMatchObject({
      status: "delivered",
      attendance_pupils: 27,
      attendance_professionals: null,
      attendance_parents: null,
      delivery_note: "God stemning.",
      delivered_at: now.toISOString(),
      version: 2,
    });
    const keys = await t.db.selectFrom("email_outbox").select("dedupe_key").orderBy("id").execute();
    expect(keys.map((k) => k.dedupe_key)).toEqual([
      `reminder-attendance:session-${first}:seq-1:user-9`,
      `reminder-3d:session-${first}:seq-0:user-${amira.id}`,
      `reminder-attendance:session-${second}:seq-0:user-${amira.id}`,
      `reminder-attendance:session-${first}0:seq-0:user-${amira.id}`,
    ]);
    const requestAfterFirst = await t.db
      .selectFrom("requests")
      .select("status")
      .where("id", "=", request.requestId)
      .executeTakeFirstOrThrow();
    expect(requestAfterFirst.status).toBe("scheduled");

    // The coordinator registers the second one: now every non-cancelled session is delivered.
    const secondResult = present(
      await registerDelivery(t.db, coordinator, second, { version: 1, present: 24, note: "" }, now),
    );
    expect(secondResult).toEqual({ ok: true, requestDelivered: true, remindersDeleted: 1 });
    const requestRow = await t.db
      .selectFrom("requests")
      .select(["status", "version"])
      .where("id", "=", request.requestId)
      .executeTakeFirstOrThrow();
    expect(requestRow).toEqual({ status: "delivered", version: 2 });
    const events = await t.db
      .selectFrom("request_events")
      .select(["action", "from_status", "to_status", "actor_id"])
      .where("request_id", "=", request.requestId)
      .execute();
    expect(events).toEqual([
      {
        action: "request.delivered",
        from_status: "scheduled",
        to_status: "delivered",
        actor_id: coordinator.id,
      },
    ]);
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "entity_id", "actor_id"])
      .where("entity_type", "=", "session")
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      { action: "session.delivered", entity_id: String(first), actor_id: amira.id },
      { action: "session.delivered", entity_id: String(second), actor_id: coordinator.id },
    ]);

    // A correction with the new version keeps the delivery time and needs the current version.
    const later = new Date(now.getTime() + HOUR);
    const correction = present(
      await registerDelivery(
        t.db,
        amira,
        first,
        { version: 2, present: 26, note: "Rettet." },
        later,
      ),
    );
    expect(correction).toEqual({ ok: true, requestDelivered: false, remindersDeleted: 0 });
    const corrected = await t.db
      .selectFrom("sessions")
      .select(["attendance_pupils", "delivered_at", "version"])
      .where("id", "=", first)
      .executeTakeFirstOrThrow();
    expect(corrected).toEqual({
      attendance_pupils: 26,
      delivered_at: now.toISOString(),
      version: 3,
    });
    expect(
      present(
        await registerDelivery(t.db, amira, first, { version: 2, present: 1, note: "" }, later),
      ),
    ).toEqual({ ok: false, errors: { _form: "facilitator.attendance.stale" } });
  });

  it("stores staff and parent attendance in their own columns", async () => {
    for (const [audience, column] of [
      ["staff", "attendance_professionals"],
      ["parents", "attendance_parents"],
    ] as const) {
      const request = await insertRequest(t.db, { audience });
      const sessionId = await insertSession(t.db, request, {
        startsAt: now.getTime() - DAY,
        facilitators: [amira.id],
      });
      const result = present(
        await registerDelivery(t.db, amira, sessionId, { version: 1, present: 14, note: "" }, now),
      );
      expect(result.ok).toBe(true);
      const row = await t.db
        .selectFrom("sessions")
        .select(["attendance_pupils", "attendance_professionals", "attendance_parents"])
        .where("id", "=", sessionId)
        .executeTakeFirstOrThrow();
      expect(row[column]).toBe(14);
      expect(row.attendance_pupils).toBeNull();
    }
  });

  it("leaves a request that is not scheduled (e.g. back in progress) alone", async () => {
    const request = await insertRequest(t.db, { status: "in_progress" });
    const sessionId = await insertSession(t.db, request, {
      startsAt: now.getTime() - DAY,
      facilitators: [amira.id],
    });
    const result = present(
      await registerDelivery(t.db, amira, sessionId, { version: 1, present: 20, note: "" }, now),
    );
    expect(result).toMatchObject({ ok: true, requestDelivered: false });
    const row = await t.db
      .selectFrom("requests")
      .select("status")
      .where("id", "=", request.requestId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("in_progress");
  });
});

describe("unavailability", () => {
  const block = {
    startsAt: "2026-03-20T07:00:00.000Z",
    endsAt: "2026-03-20T11:00:00.000Z",
    reason: "Kursus",
  };

  it("lets a facilitator add, list and remove own blocks, with audit entries", async () => {
    const added = present(await addUnavailability(t.db, amira, amira.id, block, now));
    expect(added).toEqual({ ok: true, id: expect.any(Number), overlappingSessions: 0 });
    if (!added.ok) throw new Error("not added");
    const listed = ok(await loadUnavailability(t.db, amira, amira.id, now));
    expect(listed.blocks).toEqual([{ id: added.id, ...block }]);
    expect(listed.facilitator).toMatchObject({ id: amira.id, isMe: true });

    present(await removeUnavailability(t.db, amira, amira.id, added.id));
    expect(ok(await loadUnavailability(t.db, amira, amira.id, now)).blocks).toEqual([]);
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "actor_id", "entity_id"])
      .where("action", "like", "unavailability.%")
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      { action: "unavailability.added", actor_id: amira.id, entity_id: String(amira.id) },
      { action: "unavailability.removed", actor_id: amira.id, entity_id: String(amira.id) },
    ]);
  });

  it("keeps other facilitators out (404) and lets coordinators manage anyone's", async () => {
    const added = present(await addUnavailability(t.db, amira, amira.id, block, now));
    if (!added.ok) throw new Error("not added");
    await expectNotFound(loadUnavailability(t.db, hodan, amira.id, now));
    await expectNotFound(addUnavailability(t.db, hodan, amira.id, block, now));
    await expectNotFound(removeUnavailability(t.db, hodan, amira.id, added.id));
    // Through one's own id, someone else's block is not found either.
    await expectNotFound(removeUnavailability(t.db, hodan, hodan.id, added.id));
    await expectNotFound(loadUnavailability(t.db, leader, amira.id, now));
    // A coordinator cannot address a non-facilitator as a facilitator.
    await expectNotFound(loadUnavailability(t.db, coordinator, leader.id, now));
    expect(ok(await loadUnavailability(t.db, amira, amira.id, now)).blocks).toHaveLength(1);

    const byCoordinator = present(await addUnavailability(t.db, coordinator, amira.id, block, now));
    expect(byCoordinator.ok).toBe(true);
    present(await removeUnavailability(t.db, coordinator, amira.id, added.id));
    const rows = await t.db
      .selectFrom("unavailability")
      .select(["user_id", "created_by"])
      .execute();
    expect(rows).toEqual([{ user_id: amira.id, created_by: coordinator.id }]);
  });

  it("refuses blocks that have ended and counts scheduled sessions inside a new block", async () => {
    const past = present(
      await addUnavailability(
        t.db,
        amira,
        amira.id,
        { startsAt: "2026-03-01T07:00:00.000Z", endsAt: "2026-03-01T09:00:00.000Z", reason: "" },
        now,
      ),
    );
    expect(past).toEqual({ ok: false, errors: { startDate: "facilitator.unavailability.past" } });

    const request = await insertRequest(t.db);
    await insertSession(t.db, request, {
      startsAt: Date.parse("2026-03-20T08:00:00.000Z"),
      facilitators: [amira.id],
    });
    const overlapping = present(await addUnavailability(t.db, amira, amira.id, block, now));
    expect(overlapping).toMatchObject({ ok: true, overlappingSessions: 1 });
  });

  it("parses the posted form in the action (Copenhagen time) and reports field errors", async () => {
    const data = new FormData();
    data.set("intent", "add");
    data.set("startDate", "2026-03-29");
    data.set("startTime", "02:30");
    data.set("endTime", "05:00");
    expect(await unavailabilityAction(t.db, amira, amira.id, data, now)).toMatchObject({
      intent: "add",
      ok: false,
      errors: { startTime: "time.nonexistent" },
    });
    data.set("startTime", "03:00");
    expect(await unavailabilityAction(t.db, amira, amira.id, data, now)).toEqual({
      intent: "add",
      ok: true,
      overlappingSessions: 0,
    });
    const row = await t.db
      .selectFrom("unavailability")
      .select(["starts_at", "ends_at"])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      starts_at: "2026-03-29T01:00:00.000Z",
      ends_at: "2026-03-29T03:00:00.000Z",
    });
  });
});

/** Issues a feed token and fails the test unless it was issued. */
async function issueFeed(
  actor: CurrentUser,
  at: Date,
  intent: IssueIntent = "create",
): Promise<{ token: string; urls: { https: string; webcal: string }; regenerated: boolean }> {
  const result = present(await issueCalendarFeedToken(t.db, actor, APP_URL, at, intent));
  if (!result.ok) throw new Error(`feed not issued: ${result.errors._form}`);
  return result;
}

describe("private calendar feed", () => {
  function parseFeed(body: string) {
    const calendar = new ICAL.Component(ICAL.parse(body));
    return {
      calendar,
      events: calendar.getAllSubcomponents("vevent"),
    };
  }

  it("stores only the token's hash, and GET of the page changes nothing", async () => {
    expect(ok(await loadCalendarFeedPage(t.db, amira))).toEqual({
      ok: true,
      feed: null,
      delivery: "invites",
    });
    expect(await t.db.selectFrom("calendar_feeds").selectAll().execute()).toEqual([]);

    const issued = await issueFeed(amira, now);
    expect(Buffer.from(issued.token, "base64url")).toHaveLength(32);
    expect(issued.urls).toEqual({
      https: `${APP_URL}/feeds/${issued.token}.ics`,
      webcal: `webcal://frirum.test/feeds/${issued.token}.ics`,
    });
    const rows = await t.db.selectFrom("calendar_feeds").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(createHash("sha256").update(issued.token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(issued.token);
    expect(ok(await loadCalendarFeedPage(t.db, amira)).feed).not.toBeNull();
    // Only facilitators manage their own feed.
    await expectNotFound(issueCalendarFeedToken(t.db, coordinator, APP_URL, now));
  });

  it("serves a PUBLISH feed without attendees, with cancelled sessions as CANCELLED for 30 days", async () => {
    const request = await insertRequest(t.db);
    const n = now.getTime();
    const upcoming = await insertSession(t.db, request, {
      startsAt: n + 2 * DAY,
      facilitators: [amira.id, hodan.id],
      sequence: 2,
    });
    const recentPast = await insertSession(t.db, request, {
      startsAt: n - 10 * DAY,
      facilitators: [amira.id],
    });
    const cancelled = await insertSession(t.db, request, {
      startsAt: n + 3 * DAY,
      facilitators: [amira.id],
      status: "cancelled",
      cancelledAt: n - 2 * DAY,
      sequence: 1,
    });
    // Too old: started 40 days ago; cancelled 31 days ago.
    await insertSession(t.db, request, { startsAt: n - 40 * DAY, facilitators: [amira.id] });
    await insertSession(t.db, request, {
      startsAt: n + 1 * DAY,
      facilitators: [amira.id],
      status: "cancelled",
      cancelledAt: n - 31 * DAY,
    });
    // Someone else's.
    await insertSession(t.db, request, { startsAt: n + 2 * DAY, facilitators: [hodan.id] });

    const { token } = await issueFeed(amira, now);
    const feed = await renderCalendarFeed(t.db, token, { now, appUrl: APP_URL });
    if (!feed) throw new Error("no feed");
    expect(feed.body).not.toMatch(/^ATTENDEE/m);
    expect(feed.body).not.toContain("RSVP");
    expect(feed.body).not.toContain("METHOD:REQUEST");
    expect(feed.body).toContain("METHOD:PUBLISH");
    expect(feed.body).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    for (const line of feed.body.split("\r\n")) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    }

    const { calendar, events } = parseFeed(feed.body);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    const sessions = await t.db
      .selectFrom("sessions")
      .select(["id", "uid"])
      .where("id", "in", [upcoming, recentPast, cancelled])
      .execute();
    const uidOf = new Map(sessions.map((s) => [s.id, s.uid]));
    const byUid = new Map(events.map((e) => [String(e.getFirstPropertyValue("uid")), e]));
    expect([...byUid.keys()].sort()).toEqual(
      [uidOf.get(upcoming), uidOf.get(recentPast), uidOf.get(cancelled)].sort(),
    );
    const upcomingEvent = byUid.get(uidOf.get(upcoming) as string);
    expect(upcomingEvent?.getFirstPropertyValue("sequence")).toBe(2);
    expect(upcomingEvent?.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(String(upcomingEvent?.getFirstPropertyValue("summary"))).toContain(
      "Tingbjerg Skole (demo)",
    );
    expect(String(upcomingEvent?.getFirstPropertyValue("dtstart"))).toBe(
      ICAL.Time.fromJSDate(new Date(n + 2 * DAY), true).toString(),
    );
    const cancelledEvent = byUid.get(uidOf.get(cancelled) as string);
    expect(cancelledEvent?.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancelledEvent?.getFirstPropertyValue("sequence")).toBe(1);
    for (const event of events) {
      expect(event.getAllProperties("attendee")).toEqual([]);
    }

    // Same data, same body: the ETag is stable and answers 304.
    const again = await renderCalendarFeed(t.db, token, {
      now: new Date(n + HOUR),
      appUrl: APP_URL,
    });
    expect(again?.etag).toBe(feed.etag);
    expect(etagMatches(feed.etag, feed.etag)).toBe(true);
    expect(etagMatches(`W/${feed.etag}, "other"`, feed.etag)).toBe(true);
    expect(etagMatches('"other"', feed.etag)).toBe(false);

    // A change (e.g. a move bumps SEQUENCE) changes the ETag.
    await t.db
      .updateTable("sessions")
      .set({ sequence: 3, updated_at: iso(n) })
      .where("id", "=", upcoming)
      .execute();
    const changed = await renderCalendarFeed(t.db, token, { now, appUrl: APP_URL });
    expect(changed?.etag).not.toBe(feed.etag);
  });

  it("answers over HTTP with text/calendar, cache headers, ETag/304, and 404 for revoked or deactivated", async () => {
    const request = await insertRequest(t.db);
    await insertSession(t.db, request, {
      startsAt: Date.now() + 2 * DAY,
      facilitators: [amira.id],
    });
    const first = await issueFeed(amira, new Date());
    const get = (token: string, headers: Record<string, string> = {}) =>
      withAppDb(
        t.db,
        () =>
          feedLoader({
            request: new Request(`${APP_URL}/feeds/${token}.ics`, { headers }),
            params: { token: `${token}.ics` },
            context: {},
          }) as Promise<Response>,
      );

    const ok = await get(first.token);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(ok.headers.get("Cache-Control")).toContain("max-age=600");
    const etag = ok.headers.get("ETag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const body = await ok.text();
    expect(parseFeed(body).events).toHaveLength(1);

    const notModified = await get(first.token, { "If-None-Match": etag as string });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    expect(notModified.headers.get("ETag")).toBe(etag);

    expect((await get("unknown-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).status).toBe(404);
    expect((await get("short")).status).toBe(404);

    // Regenerating revokes the old link at once.
    const second = await issueFeed(amira, new Date(), "regenerate");
    expect(second.regenerated).toBe(true);
    expect((await get(first.token)).status).toBe(404);
    expect((await get(second.token)).status).toBe(200);
    const audit = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "like", "calendarFeed.%")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "calendarFeed.created",
      "calendarFeed.regenerated",
    ]);

    // A deactivated facilitator's feed is gone.
    await t.db.updateTable("users").set({ active: 0 }).where("id", "=", amira.id).execute();
    expect((await get(second.token)).status).toBe(404);
  });
});

describe("the calendar page's intents", () => {
  /** A signed-in facilitator's POST to /facilitator/calendar through the route's action. */
  const post = (actor: CurrentUser, fields: Record<string, string>) =>
    postToAction(calendarAction, { db: t.db, actor, path: "/facilitator/calendar", fields });
  const feedHash = async () =>
    (
      await t.db
        .selectFrom("calendar_feeds")
        .select("token_hash")
        .where("user_id", "=", amira.id)
        .executeTakeFirst()
    )?.token_hash;

  it("renews the link only on an explicit, confirmed regenerate", async () => {
    const created = await post(amira, { intent: "create" });
    expect(created).toMatchObject({ issued: { ok: true, regenerated: false } });
    const original = await feedHash();
    expect(original).toBeDefined();

    // Before the fix any POST renewed the link: no intent, another intent, a repeated create.
    const unconfirmed: Record<string, string>[] = [
      {},
      { intent: "whatever" },
      { intent: "regenerate" },
    ];
    for (const fields of unconfirmed) {
      const answer = await post(amira, fields);
      expect(answer, JSON.stringify(fields)).toBeInstanceOf(Response);
      expect((answer as Response).status).toBe(400);
    }
    expect(await post(amira, { intent: "create" })).toMatchObject({
      issued: { ok: false, errors: { _form: "facilitator.feed.alreadyExists" } },
    });
    expect(await post(amira, { intent: "delivery", delivery: "both" })).toMatchObject({
      issued: null,
    });
    expect(await feedHash()).toBe(original);

    const renewed = await post(amira, { intent: "regenerate", confirm: "yes" });
    expect(renewed).toMatchObject({ issued: { ok: true, regenerated: true } });
    expect(await feedHash()).not.toBe(original);
  });

  it("stores the delivery choice with an audit entry and creates a feed link when the feed is chosen", async () => {
    const chosen = present(await chooseCalendarDelivery(t.db, hodan, "feed", APP_URL, now));
    expect(chosen.delivery).toBe("feed");
    expect(chosen.issued).toMatchObject({ ok: true, regenerated: false });
    expect(ok(await loadCalendarFeedPage(t.db, hodan)).delivery).toBe("feed");
    // Choosing again changes nothing and issues no second link.
    expect(
      present(await chooseCalendarDelivery(t.db, hodan, "feed", APP_URL, now)).issued,
    ).toBeNull();
    present(await chooseCalendarDelivery(t.db, hodan, "invites", APP_URL, now));
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("action", "=", "calendarDelivery.changed")
      .orderBy("id")
      .execute();
    expect(audit.map((row) => JSON.parse(row.details))).toEqual([
      { from: "invites", to: "feed" },
      { from: "feed", to: "invites" },
    ]);
    expect(await post(hodan, { intent: "delivery", delivery: "nonsense" })).toBeInstanceOf(
      Response,
    );
    await expectNotFound(chooseCalendarDelivery(t.db, coordinator, "feed", APP_URL, now));
  });
});
