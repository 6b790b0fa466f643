import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withScheduleTexts } from "~/components/schedule-view.server";
import { withSessionTexts } from "~/components/session-view.server";
import type { CurrentUser } from "~/lib/guards.server";
import {
  createHoliday,
  deleteHoliday,
  loadHolidayForEdit,
  loadHolidaysPage,
  updateHoliday,
} from "~/services/holidays.server";
import { createRequest, loadRequestForm, loadSchoolRequest } from "~/services/requests.server";
import { loadSchedulePage } from "~/services/schedule-page.server";
import { scheduleSession } from "~/services/schedule-session.server";
import { loadCoordinatorSessionPage } from "~/services/session-page.server";
import { actorFor } from "../support/actors";
import { createTestDb, type TestDb } from "../support/db";
import { expectNotFound, ok, present } from "../support/responses";

let t: TestDb;
let coordinator: CurrentUser;
let leader: CurrentUser;
let facilitator: CurrentUser;

beforeEach(async () => {
  t = await createTestDb({ seed: true });
  coordinator = await actorFor(t.db, "koordinator@frirum.test");
  leader = await actorFor(t.db, "leder.valby-bakke-skole@frirum.test");
  facilitator = await actorFor(t.db, "facilitator1@frirum.test");
});
afterEach(async () => {
  await t.cleanup();
});

describe("the school-holiday calendar", () => {
  it("is seeded by the migration with Copenhagen's default plan for 2024-2027", async () => {
    const page = ok(await loadHolidaysPage(t.db, coordinator, 2026));
    expect(page.holidays.map((h) => [h.name, h.startsOn, h.endsOn])).toContainEqual([
      "Vinterferie (uge 7)",
      "2026-02-09",
      "2026-02-13",
    ]);
    expect(page.holidays.map((h) => h.name)).toContain("Påskeferie");
    // The Christmas holiday that starts in 2025 ends in 2026, so 2026 lists it too.
    expect(page.holidays[0]).toMatchObject({ startsOn: "2025-12-21", endsOn: "2026-01-03" });
    expect(ok(await loadHolidaysPage(t.db, coordinator, 2027)).holidays.length).toBeGreaterThan(8);
  });

  it("adds, edits and deletes with an audit entry each, and refuses stale forms", async () => {
    const created = present(
      await createHoliday(t.db, coordinator, {
        name: "Skolernes fælles fridag",
        startsOn: "2026-11-20",
        endsOn: "2026-11-20",
      }),
    );
    if (!created.ok) throw new Error("not created");
    const { holiday } = ok(await loadHolidayForEdit(t.db, coordinator, created.id));
    const edited = present(
      await updateHoliday(
        t.db,
        coordinator,
        created.id,
        { name: "Fælles fridag", startsOn: "2026-11-20", endsOn: "2026-11-21" },
        holiday.updatedAt,
      ),
    );
    expect(edited).toEqual({ ok: true, id: created.id });
    // The form opened before the edit is stale: refused, nothing overwritten or deleted.
    const stale = present(
      await updateHoliday(
        t.db,
        coordinator,
        created.id,
        { name: "Overskrevet", startsOn: "2026-11-20", endsOn: "2026-11-20" },
        holiday.updatedAt,
      ),
    );
    expect(stale).toEqual({ ok: false, errors: { _form: "holidays.stale" } });
    expect(present(await deleteHoliday(t.db, coordinator, created.id, holiday.updatedAt))).toEqual({
      ok: false,
      errors: { _form: "holidays.stale" },
    });
    const fresh = ok(await loadHolidayForEdit(t.db, coordinator, created.id));
    expect(fresh.holiday.name).toBe("Fælles fridag");
    expect(
      present(await deleteHoliday(t.db, coordinator, created.id, fresh.holiday.updatedAt)),
    ).toEqual({
      ok: true,
      id: created.id,
    });
    await expectNotFound(loadHolidayForEdit(t.db, coordinator, created.id));
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("entity_type", "=", "holiday")
      .where("entity_id", "=", String(created.id))
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      { action: "holiday.created", actor_id: coordinator.id },
      { action: "holiday.updated", actor_id: coordinator.id },
      { action: "holiday.deleted", actor_id: coordinator.id },
    ]);
  });

  it("is the coordinator's only (404 for others)", async () => {
    const input = { name: "X", startsOn: "2026-11-20", endsOn: "2026-11-20" };
    for (const who of [leader, facilitator]) {
      await expectNotFound(loadHolidaysPage(t.db, who, 2026));
      await expectNotFound(createHoliday(t.db, who, input));
      await expectNotFound(updateHoliday(t.db, who, 1, input, "x"));
      await expectNotFound(deleteHoliday(t.db, who, 1, "x"));
    }
  });
});

describe("holiday warnings", () => {
  const NOW = new Date("2026-11-30T09:00:00Z");

  it("saves a request with a preferred date in a holiday and names the holiday on its page", async () => {
    const course = await t.db
      .selectFrom("courses")
      .select("id")
      .where("slug", "=", "workshop-rettigheder-og-frihed")
      .executeTakeFirstOrThrow();
    const form = ok(await loadRequestForm(t.db, leader, String(course.id), { now: NOW }));
    expect(form.holidays).toContainEqual({
      name: "Juleferie",
      startsOn: "2026-12-21",
      endsOn: "2027-01-03",
    });
    const result = present(
      await createRequest(
        t.db,
        leader,
        {
          courseId: course.id,
          groupCount: 1,
          participantsPerGroup: 25,
          grades: [8],
          windows: [
            { date: "2026-12-22", part: "morning" },
            { date: "2027-01-05", part: "morning" },
          ],
          location: "Aulaen",
          contactName: "Peter Lund",
          contactPhone: "12 34 56 78",
          languagesNeeded: [],
          interpreterNeeded: false,
          notes: "",
          acknowledgeDuplicate: true,
        },
        { appUrl: "http://frirum.test", now: NOW },
      ),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const page = ok(await loadSchoolRequest(t.db, leader, result.requestId));
    expect(page.windowHolidays).toEqual({ "2026-12-22": "Juleferie" });
    const schedule = ok(
      await loadSchedulePage(t.db, coordinator, result.requestId, {
        date: "2026-12-22",
      }),
    );
    expect(schedule.holidays.some((h) => h.name === "Juleferie")).toBe(true);
    // The page shows its windows, their holidays and the suggestions' time as the loader wrote them.
    const scheduleTexts = withScheduleTexts(schedule, "da");
    expect(scheduleTexts.request.windows).toEqual([
      { text: "tirsdag den 22. december 2026: Formiddag, kl. 08:00-11:30", holiday: "Juleferie" },
      { text: "tirsdag den 5. januar 2027: Formiddag, kl. 08:00-11:30", holiday: null },
    ]);
    expect(scheduleTexts.request.open).toBe(true);
    expect(scheduleTexts.suggestionsFor).toMatch(/^tirsdag den 22\. december 2026 kl\. 08\.00–/);
    expect(scheduleTexts.suggestions.length).toBeGreaterThan(0);
    // The session page (move form) gets the same holidays to warn with.
    const booked = present(
      await scheduleSession(
        t.db,
        coordinator,
        result.requestId,
        {
          date: "2027-01-05",
          start: "09:00",
          end: "10:30",
          place: "Aulaen",
          facilitatorIds: [facilitator.id, (await actorFor(t.db, "facilitator2@frirum.test")).id],
          confirmUnavailability: false,
          version: undefined,
        },
        { appUrl: "http://frirum.test", mailFrom: "Frirum <frirum@kk.example>", now: () => NOW },
      ),
    );
    if (!booked.ok) throw new Error(JSON.stringify(booked.errors));
    const sessionPage = ok(await loadCoordinatorSessionPage(t.db, coordinator, booked.sessionId));
    expect(sessionPage.holidays).toEqual(schedule.holidays);
    const sessionTexts = withSessionTexts(sessionPage, "da");
    expect(sessionTexts.session.time).toBe("tirsdag den 5. januar 2027 kl. 09.00–10.30");
    expect(sessionTexts.history[0]?.what).toMatch(
      /^Planlagt: tirsdag den 5\. januar 2027 kl\. 09\.00–10\.30/,
    );
  });
});
