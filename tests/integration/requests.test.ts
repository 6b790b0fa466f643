import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInboxQuery } from "~/domain/request-actions";
import type { RequestFormValues } from "~/domain/requests";
import type { CurrentUser } from "~/lib/guards.server";
import { parseIdParam } from "~/lib/params";
import {
  cancelRequestBySchool,
  createRequest,
  declineRequest,
  loadCoordinatorOverview,
  loadCoordinatorRequest,
  loadInbox,
  loadRequestForm,
  loadSchoolPage,
  loadSchoolRequest,
  markInProgress,
} from "~/services/requests.server";
import type { DB } from "../../db/connection";
import { createGuardTrigger, dropGuardTrigger } from "../../db/dialect";
import { actorFor } from "../support/actors";
import { createTestDb, type TestDb } from "../support/db";
import { expectNotFound, expectStatus, ok, present } from "../support/responses";

const APP_URL = "http://frirum.test";
/** Monday 2 March 2026, 10:00 in Copenhagen: windows from 16 March on meet the 14-day lead time. */
const NOW = new Date("2026-03-02T09:00:00Z");

let t: TestDb;
let leaderA: CurrentUser; // Valby Bakke Skole (standard)
let leaderB: CurrentUser; // Tingbjerg Skole (pilot 2024)
let coordinator: CurrentUser;
let facilitator: CurrentUser;
let workshopId: number; // pupils, grades 7-9, max 30, Danish only
let staffCourseId: number; // staff
let parentCourseId: number; // parents, several languages

async function courseId(db: DB, slug: string): Promise<number> {
  const row = await db
    .selectFrom("courses")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  leaderA = await actorFor(t.db, "leder.valby-bakke-skole@frirum.test");
  leaderB = await actorFor(t.db, "leder.tingbjerg-skole@frirum.test");
  coordinator = await actorFor(t.db, "koordinator@frirum.test");
  facilitator = await actorFor(t.db, "facilitator1@frirum.test");
  workshopId = await courseId(t.db, "workshop-rettigheder-og-frihed");
  staffCourseId = await courseId(t.db, "oplaeg-bekymringstegn-for-personale");
  parentCourseId = await courseId(t.db, "foraeldredialog-opdragelse-og-trivsel");
});
afterAll(async () => {
  await t.cleanup();
});

function validInput(overrides: Partial<RequestFormValues> = {}): RequestFormValues {
  return {
    courseId: workshopId,
    groupCount: 3,
    participantsPerGroup: 25,
    grades: [7, 8, 9],
    windows: [
      { date: "2026-03-16", part: "morning" },
      { date: "2026-03-18", part: "custom", from: "12:00", to: "14:00" },
    ],
    location: "Aulaen",
    contactName: "Peter Lund",
    contactPhone: "12 34 56 78",
    languagesNeeded: [],
    interpreterNeeded: false,
    notes: "Vi oplever pres om fritidsaktiviteter i 8. klasse.",
    acknowledgeDuplicate: true,
    ...overrides,
  };
}

function create(user: CurrentUser, input: RequestFormValues) {
  return createRequest(t.db, user, input, { appUrl: APP_URL, now: NOW });
}

async function createOk(user: CurrentUser, input = validInput()): Promise<number> {
  return ok(await create(user, input)).requestId;
}

function requestRow(id: number) {
  return t.db.selectFrom("requests").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

function eventsOf(id: number) {
  return t.db
    .selectFrom("request_events")
    .selectAll()
    .where("request_id", "=", id)
    .orderBy("id")
    .execute();
}

function outboxTo(address: string) {
  return t.db
    .selectFrom("email_outbox")
    .selectAll()
    .where("to_address", "=", address)
    .orderBy("id")
    .execute();
}

function auditOf(id: number) {
  return t.db
    .selectFrom("audit_log")
    .selectAll()
    .where("entity_type", "=", "request")
    .where("entity_id", "=", String(id))
    .orderBy("id")
    .execute();
}

async function countRows(table: "requests" | "email_outbox"): Promise<number> {
  const row = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("createRequest", () => {
  it("saves a valid request with its windows, a created event, an audit entry and the receipt", async () => {
    const mailsBefore = (await outboxTo(leaderA.email)).length;
    const id = await createOk(leaderA, validInput({ acknowledgeDuplicate: false }));

    const row = await requestRow(id);
    expect(row).toMatchObject({
      school_id: leaderA.schoolId,
      requester_id: leaderA.id,
      course_id: workshopId,
      status: "requested",
      version: 1,
      group_count: 3,
      participants_per_group: 25,
      location: "Aulaen",
      contact_phone: "12 34 56 78",
    });
    expect(JSON.parse(row.grades)).toEqual([7, 8, 9]);
    const windows = await t.db
      .selectFrom("request_windows")
      .selectAll()
      .where("request_id", "=", id)
      .orderBy("position")
      .execute();
    expect(windows.map((w) => [w.position, w.date, w.part, w.from_time, w.to_time])).toEqual([
      [1, "2026-03-16", "morning", null, null],
      [2, "2026-03-18", "custom", "12:00", "14:00"],
    ]);

    const events = await eventsOf(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "request.created",
      from_status: null,
      to_status: "requested",
      actor_id: leaderA.id,
    });
    expect((await auditOf(id)).map((a) => a.action)).toEqual(["request.created"]);

    const mails = await outboxTo(leaderA.email);
    expect(mails).toHaveLength(mailsBefore + 1);
    const receipt = mails[mails.length - 1];
    expect(receipt.kind).toBe("request-receipt");
    expect(receipt.subject).toBe("Kvittering: Workshop: Rettigheder og frihed (7.-9. kl.)");
    expect(receipt.text_body).toContain("Antal klasser/hold: 3");
    expect(receipt.text_body).toContain("Klassetrin: 7., 8., 9. klasse");
    expect(receipt.text_body).toContain("mandag den 16. marts 2026, formiddag kl. 08:00-11:30");
    expect(receipt.text_body).toContain("onsdag den 18. marts 2026, kl. 12:00-14:00");
    expect(receipt.text_body).toContain("Sted på skolen: Aulaen");
    expect(receipt.text_body).toContain("Vi oplever pres om fritidsaktiviteter");
    expect(receipt.text_body).toContain(`${APP_URL}/school/requests/${id}`);
    expect(receipt.html_body).toContain("Vi har modtaget jeres anmodning");
  });

  it.each([
    [
      "too many participants",
      { participantsPerGroup: 31 },
      "participantsPerGroup",
      "request.participantsPerGroup.overMax",
      { max: 30 },
    ],
    ["grades outside the course", { grades: [6, 7] }, "grades", "request.grades.outOfRange"],
    ["no grades for a pupil course", { grades: [] }, "grades", "request.grades.required"],
    [
      "a window inside the lead time",
      { windows: [{ date: "2026-03-10", part: "morning" as const }] },
      "windows.0.date",
      "request.window.leadTime",
      { days: 14, earliest: "2026-03-16" },
    ],
    [
      "a window in the past",
      { windows: [{ date: "2026-02-27", part: "morning" as const }] },
      "windows.0.date",
      "request.window.past",
    ],
    [
      "a window on a Saturday",
      {
        windows: [
          { date: "2026-03-16", part: "morning" as const },
          { date: "2026-03-21", part: "morning" as const },
        ],
      },
      "windows.1.date",
      "request.window.weekend",
    ],
    [
      "a language the course is not given in, without an interpreter",
      { languagesNeeded: ["ar" as const] },
      "languagesNeeded",
      "request.languagesNeeded.notOffered",
    ],
    [
      "a window shorter than the course",
      {
        windows: [{ date: "2026-03-16", part: "custom" as const, from: "09:00", to: "10:00" }],
      },
      "windows.0.to",
      "request.window.tooShort",
    ],
  ])(
    "refuses %s with a field error and saves nothing",
    async (_label, overrides, path, message, params?) => {
      const [requestsBefore, mailsBefore] = [
        await countRows("requests"),
        await countRows("email_outbox"),
      ];
      const result = present(
        await create(leaderA, validInput(overrides as Partial<RequestFormValues>)),
      );
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors[path]).toBe(message);
      if (params) expect(result.params[path]).toEqual(params);
      expect(result.duplicate).toBe(false);
      expect(await countRows("requests")).toBe(requestsBefore);
      expect(await countRows("email_outbox")).toBe(mailsBefore);
    },
  );

  it("refuses an inactive course", async () => {
    await t.db.updateTable("courses").set({ active: 0 }).where("id", "=", staffCourseId).execute();
    try {
      const result = await create(
        leaderA,
        validInput({ courseId: staffCourseId, grades: [], participantsPerGroup: 20 }),
      );
      expect(result).toMatchObject({ ok: false, errors: { courseId: "request.course.inactive" } });
      await expectNotFound(() => loadRequestForm(t.db, leaderA, String(staffCourseId)));
    } finally {
      await t.db
        .updateTable("courses")
        .set({ active: 1 })
        .where("id", "=", staffCourseId)
        .execute();
    }
  });

  it("accepts a language that needs an interpreter, and ignores grades for a parent course", async () => {
    const id = await createOk(
      leaderB,
      validInput({
        courseId: parentCourseId,
        grades: [3],
        languagesNeeded: ["ar", "prs"],
        interpreterNeeded: true,
      }),
    );
    const row = await requestRow(id);
    expect(JSON.parse(row.grades)).toEqual([]);
    expect(JSON.parse(row.languages_needed)).toEqual(["ar", "prs"]);
    expect(row.interpreter_needed).toBe(1);
  });

  it("warns before a second open request for the same course, and saves it once acknowledged", async () => {
    const first = await createOk(leaderB, validInput({ acknowledgeDuplicate: false }));
    const form = ok(await loadRequestForm(t.db, leaderB, String(workshopId), { now: NOW }));
    expect(form.openRequests.map((r) => r.id)).toContain(first);
    expect(form.earliestDate).toBe("2026-03-16");

    const before = await countRows("requests");
    const warned = await create(leaderB, validInput({ acknowledgeDuplicate: false }));
    expect(warned).toEqual({
      ok: false,
      errors: { acknowledgeDuplicate: "request.duplicate.warning" },
      params: {},
      duplicate: true,
    });
    expect(await countRows("requests")).toBe(before);

    const second = await createOk(leaderB, validInput({ acknowledgeDuplicate: true }));
    expect(second).toBeGreaterThan(first);
  });

  it("queues the receipt in the same transaction: no request is saved when the email cannot be queued", async () => {
    await createGuardTrigger(t.db, {
      name: "outbox_down",
      table: "email_outbox",
      event: "INSERT",
      when: sql`1 = 1`,
      message: "outbox down",
    });
    const before = await countRows("requests");
    try {
      await expect(create(leaderA, validInput())).rejects.toThrow(/outbox down/);
      expect(await countRows("requests")).toBe(before);
    } finally {
      await dropGuardTrigger(t.db, "outbox_down", "email_outbox");
    }
  });

  it("lets only school leaders request, for their own school", async () => {
    await expectNotFound(() => create(coordinator, validInput()));
    await expectNotFound(() => create(facilitator, validInput()));
    await expectNotFound(() => loadRequestForm(t.db, coordinator, String(workshopId)));
    await expectNotFound(() => loadRequestForm(t.db, leaderA, "abc"));
    await expectNotFound(() => loadRequestForm(t.db, leaderA, "999999"));
  });
});

describe("cancelRequestBySchool", () => {
  it("cancels a requested or in-progress request and refuses once scheduled", async () => {
    const id = await createOk(leaderA);
    const result = present(await cancelRequestBySchool(t.db, leaderA, id, 1));
    expect(result).toEqual({ ok: true });
    const row = await requestRow(id);
    expect(row.status).toBe("cancelled");
    expect(row.version).toBe(2);
    const events = await eventsOf(id);
    expect(events[events.length - 1]).toMatchObject({
      action: "request.cancelled",
      from_status: "requested",
      to_status: "cancelled",
      actor_id: leaderA.id,
    });
    // Already cancelled: a final status.
    expect(present(await cancelRequestBySchool(t.db, leaderA, id, 2))).toEqual({
      ok: false,
      errors: { _form: "request.cancel.notAllowed" },
    });

    const inProgress = await createOk(leaderA);
    expect(present(await markInProgress(t.db, coordinator, inProgress, 1))).toEqual({ ok: true });
    expect(present(await cancelRequestBySchool(t.db, leaderA, inProgress, 2))).toEqual({
      ok: true,
    });

    const scheduled = await createOk(leaderA);
    await t.db
      .updateTable("requests")
      .set({ status: "scheduled", version: 2 })
      .where("id", "=", scheduled)
      .execute();
    expect(present(await cancelRequestBySchool(t.db, leaderA, scheduled, 2))).toEqual({
      ok: false,
      errors: { _form: "request.cancel.notAllowed" },
    });
    expect((await requestRow(scheduled)).status).toBe("scheduled");
    expect(ok(await loadSchoolRequest(t.db, leaderA, scheduled)).canCancel).toBe(false);
  });

  it("refuses a stale form: the request changed meanwhile", async () => {
    const id = await createOk(leaderA);
    expect(present(await markInProgress(t.db, coordinator, id, 1))).toEqual({ ok: true });
    expect(present(await cancelRequestBySchool(t.db, leaderA, id, 1))).toEqual({
      ok: false,
      errors: { _form: "triage.stale" },
    });
    const row = await requestRow(id);
    expect(row.status).toBe("in_progress");
    expect(row.version).toBe(2);
  });
});

describe("coordinator actions", () => {
  it("marks a request in progress with an event and an audit entry", async () => {
    const id = await createOk(leaderA);
    expect(present(await markInProgress(t.db, coordinator, id, 1))).toEqual({ ok: true });
    const row = await requestRow(id);
    expect(row).toMatchObject({ status: "in_progress", version: 2 });
    expect((await eventsOf(id)).map((e) => [e.action, e.from_status, e.to_status])).toEqual([
      ["request.created", null, "requested"],
      ["request.in_progress", "requested", "in_progress"],
    ]);
    const audit = await auditOf(id);
    expect(audit[audit.length - 1]).toMatchObject({
      action: "request.in_progress",
      actor_id: coordinator.id,
    });
    // Marking it again is not a transition.
    expect(present(await markInProgress(t.db, coordinator, id, 2))).toEqual({
      ok: false,
      errors: { _form: "request.transition.illegal" },
      params: { from: "in_progress", to: "in_progress" },
    });
  });

  it("declines with a required reason and emails the reason to the requester", async () => {
    const id = await createOk(leaderA);
    expect(
      present(
        await declineRequest(
          t.db,
          coordinator,
          id,
          { version: 1, reason: "   " },
          { appUrl: APP_URL },
        ),
      ),
    ).toMatchObject({
      ok: false,
      errors: { reason: "triage.decline.reason.required" },
    });
    expect((await requestRow(id)).status).toBe("requested");

    const mailsBefore = (await outboxTo(leaderA.email)).length;
    const reason = "Vi har ikke facilitatorer nok i marts.\nSend gerne en ny anmodning til april.";
    expect(
      present(
        await declineRequest(t.db, coordinator, id, { version: 1, reason }, { appUrl: APP_URL }),
      ),
    ).toEqual({ ok: true });
    const row = await requestRow(id);
    expect(row).toMatchObject({ status: "declined", decline_reason: reason, version: 2 });
    const events = await eventsOf(id);
    expect(events[events.length - 1]).toMatchObject({ action: "request.declined", note: reason });
    expect((await auditOf(id)).map((a) => a.action)).toContain("request.declined");

    const mails = await outboxTo(leaderA.email);
    expect(mails).toHaveLength(mailsBefore + 1);
    const notice = mails[mails.length - 1];
    expect(notice.kind).toBe("request-declined");
    expect(notice.subject).toBe("Anmodning afvist: Workshop: Rettigheder og frihed (7.-9. kl.)");
    expect(notice.text_body).toContain(reason);
    expect(notice.text_body).toContain(`${APP_URL}/school/requests/${id}`);

    // Final: neither declining again nor marking in progress is allowed.
    expect(
      present(
        await declineRequest(
          t.db,
          coordinator,
          id,
          { version: 2, reason: "igen" },
          { appUrl: APP_URL },
        ),
      ),
    ).toMatchObject({ ok: false, errors: { _form: "request.transition.illegal" } });
    expect(present(await markInProgress(t.db, coordinator, id, 2))).toMatchObject({
      ok: false,
      errors: { _form: "request.transition.illegal" },
    });

    const page = ok(await loadSchoolRequest(t.db, leaderA, id));
    expect(page.request.status).toBe("declined");
    expect(page.request.declineReason).toBe(reason);
    expect(page.canCancel).toBe(false);
  });

  it("refuses a stale version and changes nothing", async () => {
    const id = await createOk(leaderA);
    expect(present(await markInProgress(t.db, coordinator, id, 1))).toEqual({ ok: true });
    const mailsBefore = await countRows("email_outbox");
    expect(
      present(
        await declineRequest(
          t.db,
          coordinator,
          id,
          { version: 1, reason: "For sent" },
          { appUrl: APP_URL },
        ),
      ),
    ).toEqual({ ok: false, errors: { _form: "triage.stale" } });
    expect(present(await markInProgress(t.db, coordinator, id, 1))).toEqual({
      ok: false,
      errors: { _form: "triage.stale" },
    });
    expect(await requestRow(id)).toMatchObject({ status: "in_progress", version: 2 });
    expect(await countRows("email_outbox")).toBe(mailsBefore);
  });
});

describe("access control", () => {
  it("answers 404 to a school leader for another school's request, reading and every action", async () => {
    const id = await createOk(leaderA);
    await expectNotFound(() => loadSchoolRequest(t.db, leaderB, id));
    await expectNotFound(() => cancelRequestBySchool(t.db, leaderB, id, 1));
    await expectNotFound(() => markInProgress(t.db, leaderB, id, 1));
    await expectNotFound(() =>
      declineRequest(t.db, leaderB, id, { version: 1, reason: "x" }, { appUrl: APP_URL }),
    );
    await expectNotFound(() => loadCoordinatorRequest(t.db, leaderB, id));
    // Nothing changed.
    expect(await requestRow(id)).toMatchObject({ status: "requested", version: 1 });
    // The owner can read it.
    expect(ok(await loadSchoolRequest(t.db, leaderA, id)).request.id).toBe(id);
  });

  it("keeps facilitators out of the coordinator's inbox and actions", async () => {
    const id = await createOk(leaderA);
    await expectNotFound(() =>
      loadInbox(t.db, facilitator, parseInboxQuery(new URLSearchParams())),
    );
    await expectNotFound(() => loadCoordinatorRequest(t.db, facilitator, id));
    await expectNotFound(() => loadCoordinatorOverview(t.db, facilitator));
    await expectNotFound(() => markInProgress(t.db, facilitator, id, 1));
    await expectNotFound(() =>
      declineRequest(t.db, facilitator, id, { version: 1, reason: "x" }, { appUrl: APP_URL }),
    );
    await expectNotFound(() => loadSchoolRequest(t.db, facilitator, id));
    await expectNotFound(() => cancelRequestBySchool(t.db, facilitator, id, 1));
    expect(await requestRow(id)).toMatchObject({ status: "requested", version: 1 });
  });

  it("answers 404 for malformed and unknown ids", async () => {
    for (const raw of [
      "abc",
      "0",
      "-1",
      "1.5",
      "01",
      "1e3",
      "",
      undefined,
      "99999999999999999999",
    ]) {
      await expectStatus(() => parseIdParam(raw), 404);
    }
    await expectNotFound(() => loadSchoolRequest(t.db, leaderA, 999_999));
    await expectNotFound(() => cancelRequestBySchool(t.db, leaderA, 999_999, 1));
    await expectNotFound(() => loadCoordinatorRequest(t.db, coordinator, 999_999));
    await expectNotFound(() => markInProgress(t.db, coordinator, 999_999, 1));
  });
});

describe("school page and sessions", () => {
  it("lists only the school's own requests with their sessions", async () => {
    const id = await createOk(leaderA);
    const start = "2026-03-16T08:00:00.000Z";
    const session = await t.db
      .insertInto("sessions")
      .values({
        request_id: id,
        course_id: workshopId,
        school_id: leaderA.schoolId as number,
        starts_at: start,
        ends_at: "2026-03-16T09:30:00.000Z",
        location: "Aulaen",
        uid: `test-session-${id}@frirum.test`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("session_facilitators")
      .values({ session_id: session.id, user_id: facilitator.id })
      .execute();

    const page = ok(await loadSchoolPage(t.db, leaderA));
    expect(page.school.name).toBe("Valby Bakke Skole (demo)");
    const listed = page.requests.find((r) => r.id === id);
    expect(listed?.sessions).toEqual([
      expect.objectContaining({
        id: session.id,
        starts_at: start,
        location: "Aulaen",
        status: "scheduled",
        facilitators: [facilitator.name],
      }),
    ]);
    const schoolIds = await t.db
      .selectFrom("requests")
      .select("school_id")
      .where(
        "id",
        "in",
        page.requests.map((r) => r.id),
      )
      .execute();
    expect(new Set(schoolIds.map((r) => r.school_id))).toEqual(new Set([leaderA.schoolId]));
    expect(ok(await loadSchoolPage(t.db, leaderB)).requests.some((r) => r.id === id)).toBe(false);

    const coordinatorView = ok(await loadCoordinatorRequest(t.db, coordinator, id));
    expect(coordinatorView.sessions[0].facilitators).toEqual([facilitator.name]);
    expect(coordinatorView.canSchedule).toBe(true);
    expect(coordinatorView.request.school.pilotCohort).toBeNull();
    expect(coordinatorView.events.map((e) => e.action)).toEqual(["request.created"]);
  });
});

describe("inbox", () => {
  it("filters by status, audience, school, cohort and course, sorts by age and counts per status", async () => {
    // Start from a clean slate of requests for exact counts.
    await t.db.deleteFrom("session_facilitators").execute();
    await t.db.deleteFrom("sessions").execute();
    await t.db.deleteFrom("requests").execute();

    const a1 = await createOk(leaderA); // standard school, pupils
    const a2 = await createOk(
      leaderA,
      validInput({ courseId: staffCourseId, grades: [], participantsPerGroup: 40 }),
    );
    const b1 = await createOk(leaderB); // pilot school, pupils
    const b2 = await createOk(
      leaderB,
      validInput({ courseId: parentCourseId, languagesNeeded: ["ar"], participantsPerGroup: 30 }),
    );
    expect(present(await markInProgress(t.db, coordinator, a1, 1))).toEqual({ ok: true });
    expect(
      present(
        await declineRequest(
          t.db,
          coordinator,
          b2,
          { version: 1, reason: "Nej" },
          { appUrl: APP_URL },
        ),
      ),
    ).toEqual({ ok: true });

    const inbox = (search: string) =>
      loadInbox(t.db, coordinator, parseInboxQuery(new URLSearchParams(search))).then(ok);
    const ids = async (search: string) => (await inbox(search)).requests.map((r) => r.id);

    const all = await inbox("");
    expect(all.total).toBe(4);
    expect(all.requests.map((r) => r.id)).toEqual([a1, a2, b1, b2]);
    expect(all.counts).toEqual({ requested: 2, in_progress: 1, declined: 1 });
    expect(await ids("sort=newest")).toEqual([b2, b1, a2, a1]);
    expect(await ids("status=requested")).toEqual([a2, b1]);
    // The total follows every filter, the status included.
    expect((await inbox("status=requested")).total).toBe(2);
    expect((await inbox("cohort=pilot")).total).toBe(2);
    expect((await inbox(`course=${workshopId}&cohort=pilot&status=requested`)).total).toBe(1);
    expect((await inbox("status=scheduled")).total).toBe(0);
    expect(await ids("status=in_progress")).toEqual([a1]);
    expect(await ids("audience=pupils")).toEqual([a1, b1]);
    expect(await ids("audience=staff")).toEqual([a2]);
    expect(await ids(`school=${leaderB.schoolId}`)).toEqual([b1, b2]);
    expect(await ids("cohort=pilot")).toEqual([b1, b2]);
    expect(await ids("cohort=standard")).toEqual([a1, a2]);
    expect(await ids(`course=${workshopId}`)).toEqual([a1, b1]);
    expect(await ids(`course=${workshopId}&cohort=pilot&status=requested`)).toEqual([b1]);
    // Counts follow the other filters but not the status filter.
    expect((await inbox("cohort=pilot&status=declined")).counts).toEqual({
      requested: 1,
      declined: 1,
    });
    // Nonsense in the query string is ignored, never an error.
    expect(await ids("status=bogus&school=abc&sort=sideways&page=-3")).toEqual([a1, a2, b1, b2]);

    const overview = ok(await loadCoordinatorOverview(t.db, coordinator));
    expect(overview.counts).toEqual({ requested: 2, in_progress: 1, declined: 1 });
    expect(overview.oldest.map((r) => r.id)).toEqual([a1, a2, b1]);
  });

  it("pages 50 requests at a time", async () => {
    for (let i = 0; i < 52; i++) await createOk(leaderA);
    const first = ok(await loadInbox(t.db, coordinator, parseInboxQuery(new URLSearchParams())));
    expect(first.total).toBe(56);
    expect(first.pageCount).toBe(2);
    expect(first.requests).toHaveLength(50);
    const second = ok(
      await loadInbox(t.db, coordinator, parseInboxQuery(new URLSearchParams("page=2"))),
    );
    expect(second.requests).toHaveLength(6);
    expect(second.query.page).toBe(2);
    const seen = new Set([...first.requests, ...second.requests].map((r) => r.id));
    expect(seen.size).toBe(56);
    // A page past the end shows the last page.
    const beyond = ok(
      await loadInbox(t.db, coordinator, parseInboxQuery(new URLSearchParams("page=9"))),
    );
    expect(beyond.query.page).toBe(2);
    expect(beyond.requests.map((r) => r.id)).toEqual(second.requests.map((r) => r.id));
  });
});
