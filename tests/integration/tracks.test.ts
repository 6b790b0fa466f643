import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "../../app/lib/guards.server";
import { processOutboxOnce, smtpDelivery } from "../../app/lib/outbox-worker.server";
import { cancelSession } from "../../app/services/cancel-session.server";
import { moveSession } from "../../app/services/move-session.server";
import { loadCoordinatorRequest } from "../../app/services/requests.server";
import { scheduleSession } from "../../app/services/schedule-session.server";
import type { SchedulingConfig } from "../../app/services/scheduling-shared.server";
import {
  addTemplateStep,
  addTrackStep,
  attachSessionToStep,
  buildTrackModel,
  createTemplate,
  deleteTemplateStep,
  deleteTrackStep,
  detachSessionFromStep,
  editTemplateStep,
  editTrackStep,
  loadSchoolTracks,
  loadTemplatePage,
  moveTemplateStep,
  planStepSession,
  setTemplateActive,
  startTrack,
  stopTrack,
  updateTemplate,
} from "../../app/services/tracks.server";
import type { DB } from "../../db/connection";
import { isUniqueViolation } from "../../db/dialect";
import { insertFeedbackResponse } from "../../db/queries/feedback";
import { actorFor } from "../support/actors";
import { createTestDb, type TestDb } from "../support/db";
import { expectNotFound, ok, present } from "../support/responses";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";

const MAIL_FROM = "Frirum Forebyggelse <forebyggelse@kk.example>";
const NOW = new Date("2026-02-02T09:00:00.000Z");
const cfg: Partial<SchedulingConfig> = {
  appUrl: "https://frirum.example.dk",
  mailFrom: MAIL_FROM,
  now: () => NOW,
};

let testDb: TestDb;
let db: DB;
let smtp: TestSmtpServer;
let coordinator: CurrentUser;
const f: Record<number, { id: number; email: string }> = {};
const course: Record<string, number> = {};
let schoolId: number;
let otherSchoolId: number;

async function templateVersion(templateId: number) {
  const row = await db
    .selectFrom("track_templates")
    .select("version")
    .where("id", "=", templateId)
    .executeTakeFirstOrThrow();
  return row.version;
}

async function trackVersion(trackId: number) {
  const row = await db
    .selectFrom("tracks")
    .select("version")
    .where("id", "=", trackId)
    .executeTakeFirstOrThrow();
  return row.version;
}

const step = (slug: string, sessionsExpected: number, minGapDays: number, note = "") => ({
  courseId: course[slug],
  sessionsExpected,
  minGapDays,
  note,
});

/** A template with the seeded shape: briefing -> workshops (7) -> parents (7) -> follow-up (14). */
async function pilotTemplate(name: string) {
  const created = present(
    await createTemplate(db, coordinator, { name, description: "" }, { now: NOW }),
  );
  if (!created.ok) throw new Error(JSON.stringify(created));
  const id = created.templateId;
  for (const s of [
    step("oplaeg-bekymringstegn-for-personale", 1, 0),
    step("workshop-rettigheder-og-frihed", 3, 7, "Én workshop pr. klasse"),
    step("foraeldredialog-opdragelse-og-trivsel", 1, 7, "Med tolkning"),
    step("opfoelgning-for-personale", 1, 14),
  ]) {
    const added = present(
      await addTemplateStep(db, coordinator, id, {
        ...s,
        version: await templateVersion(id),
      }),
    );
    if (!added.ok) throw new Error(JSON.stringify(added));
  }
  return id;
}

async function stepsOf(trackId: number) {
  return db
    .selectFrom("track_steps")
    .selectAll()
    .where("track_id", "=", trackId)
    .orderBy("position")
    .execute();
}

function sessionForm(date: string, start: string, end: string, facilitatorIds: number[]) {
  return {
    date,
    start,
    end,
    place: "Skolen, festsalen",
    facilitatorIds,
    confirmUnavailability: false,
    version: undefined,
  };
}

beforeAll(async () => {
  testDb = await createTestDb({ seed: true });
  db = testDb.db;
  smtp = await startSmtpServer();
  coordinator = await actorFor(db, "koordinator@frirum.test");
  for (const n of [1, 2, 3, 4]) {
    const u = await actorFor(db, `facilitator${n}@frirum.test`);
    f[n] = { id: u.id, email: u.email };
  }
  for (const c of await db.selectFrom("courses").select(["id", "slug"]).execute()) {
    course[c.slug] = c.id;
  }
  const schools = await db.selectFrom("schools").select(["id", "slug"]).execute();
  schoolId = schools.find((s) => s.slug === "oesterbro-lindeskole")!.id;
  otherSchoolId = schools.find((s) => s.slug === "sundby-skole")!.id;
});

afterAll(async () => {
  await smtp?.stop();
  await testDb?.cleanup();
});

describe("track templates", () => {
  it("builds a template, refusing a duplicate course, an inactive course and a stale form", async () => {
    const id = await pilotTemplate("Skabelon A");
    const page = ok(await loadTemplatePage(db, coordinator, id));
    expect(page.steps.map((s) => [s.position, s.course_title])).toEqual([
      [1, "Oplæg for personale: Bekymringstegn og handlemuligheder"],
      [2, "Workshop: Rettigheder og frihed (7.-9. kl.)"],
      [3, "Forældredialog: Opdragelse, trivsel og frihed"],
      [4, "Opfølgning for personale: Sparring efter forløbet"],
    ]);

    const version = await templateVersion(id);
    const twice = present(
      await addTemplateStep(db, coordinator, id, {
        ...step("workshop-rettigheder-og-frihed", 1, 0),
        version,
      }),
    );
    expect(twice).toEqual({
      ok: false,
      errors: { courseId: "tracks.step.course.duplicate" },
      params: { course: "Workshop: Rettigheder og frihed (7.-9. kl.)", position: 2 },
    });

    await db
      .updateTable("courses")
      .set({ active: 0 })
      .where("id", "=", course["workshop-venskab-og-faellesskab"])
      .execute();
    const inactive = present(
      await addTemplateStep(db, coordinator, id, {
        ...step("workshop-venskab-og-faellesskab", 1, 0),
        version,
      }),
    );
    expect(inactive).toMatchObject({
      ok: false,
      errors: { courseId: "tracks.step.course.inactive" },
    });
    await db
      .updateTable("courses")
      .set({ active: 1 })
      .where("id", "=", course["workshop-venskab-og-faellesskab"])
      .execute();

    // Someone else renamed it meanwhile: the older form is refused and nothing is written.
    expect(
      present(
        await updateTemplate(
          db,
          coordinator,
          id,
          { name: "Ny", description: "", version },
          { now: NOW },
        ),
      ).ok,
    ).toBe(true);
    const stale = present(
      await addTemplateStep(db, coordinator, id, {
        ...step("workshop-venskab-og-faellesskab", 1, 0),
        version,
      }),
    );
    expect(stale).toEqual({ ok: false, errors: { _form: "tracks.template.stale" } });
    expect(ok(await loadTemplatePage(db, coordinator, id)).steps).toHaveLength(4);
  });

  it("refuses a second template with the same name", async () => {
    const first = present(await createTemplate(db, coordinator, { name: "Unik", description: "" }));
    expect(first.ok).toBe(true);
    expect(
      present(await createTemplate(db, coordinator, { name: "Unik", description: "x" })),
    ).toMatchObject({
      ok: false,
      errors: { name: "tracks.template.name.taken" },
    });
  });

  it("moves steps up and down and renumbers after a delete", async () => {
    const id = await pilotTemplate("Skabelon B");
    const titles = async () =>
      ok(await loadTemplatePage(db, coordinator, id)).steps.map((s) => s.course_id);
    const [a, b, c, d] = await titles();
    const steps = ok(await loadTemplatePage(db, coordinator, id)).steps;
    expect(
      present(
        await moveTemplateStep(db, coordinator, id, steps[2].id, "up", await templateVersion(id)),
      ).ok,
    ).toBe(true);
    expect(await titles()).toEqual([a, c, b, d]);
    expect(
      present(
        await moveTemplateStep(db, coordinator, id, steps[0].id, "up", await templateVersion(id)),
      ),
    ).toEqual({ ok: false, errors: { _form: "tracks.step.move.edge" } });
    expect(
      present(await deleteTemplateStep(db, coordinator, id, steps[0].id, await templateVersion(id)))
        .ok,
    ).toBe(true);
    const after = ok(await loadTemplatePage(db, coordinator, id)).steps;
    expect(after.map((s) => [s.position, s.course_id])).toEqual([
      [1, c],
      [2, b],
      [3, d],
    ]);
    // Changing a step to a course another step has is refused too.
    const edit = present(
      await editTemplateStep(db, coordinator, id, after[0].id, {
        courseId: b,
        sessionsExpected: 1,
        minGapDays: 0,
        note: "",
        version: await templateVersion(id),
      }),
    );
    expect(edit).toMatchObject({ ok: false, errors: { courseId: "tracks.step.course.duplicate" } });
  });
});

describe("starting a track", () => {
  it("refuses an empty template, an inactive template and a step whose course was deactivated", async () => {
    const empty = present(await createTemplate(db, coordinator, { name: "Tom", description: "" }));
    if (!empty.ok) throw new Error("template");
    const start = (templateId: number) =>
      startTrack(db, coordinator, { schoolId, templateId, cohortYear: 2030, markPilot: false });
    expect(await start(empty.templateId)).toEqual({
      ok: false,
      errors: { templateId: "tracks.start.template.empty" },
      params: { template: "Tom" },
    });

    const id = await pilotTemplate("Skabelon C");
    await db
      .updateTable("courses")
      .set({ active: 0 })
      .where("id", "=", course["opfoelgning-for-personale"])
      .execute();
    expect(await start(id)).toEqual({
      ok: false,
      errors: { templateId: "tracks.start.template.inactiveCourse" },
      params: { position: 4, course: "Opfølgning for personale: Sparring efter forløbet" },
    });
    await db
      .updateTable("courses")
      .set({ active: 1 })
      .where("id", "=", course["opfoelgning-for-personale"])
      .execute();

    expect(
      present(await setTemplateActive(db, coordinator, id, false, await templateVersion(id))).ok,
    ).toBe(true);
    expect(await start(id)).toMatchObject({
      ok: false,
      errors: { templateId: "tracks.start.template.inactive" },
    });
    expect(await db.selectFrom("tracks").select("id").execute()).toEqual([]);
  });

  it("copies the steps, so later template edits leave the track alone; one active track per year", async () => {
    const templateId = await pilotTemplate("Skabelon D");
    const started = present(
      await startTrack(
        db,
        coordinator,
        { schoolId, templateId, cohortYear: 2026, markPilot: true },
        { now: NOW },
      ),
    );
    if (!started.ok) throw new Error(JSON.stringify(started));
    const before = await stepsOf(started.trackId);
    expect(before.map((s) => [s.position, s.min_gap_days, s.sessions_expected])).toEqual([
      [1, 0, 1],
      [2, 7, 3],
      [3, 7, 1],
      [4, 14, 1],
    ]);
    // The school had no pilot cohort: now it shows the year, and its history says so.
    const school = await db
      .selectFrom("schools")
      .select("pilot_cohort")
      .where("id", "=", schoolId)
      .executeTakeFirstOrThrow();
    expect(school.pilot_cohort).toBe(2026);
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("entity_type", "=", "school")
      .where("entity_id", "=", String(schoolId))
      .execute();
    expect(audit.map((a) => [a.action, JSON.parse(a.details).after])).toEqual([
      ["school.updated", { pilotCohort: 2026 }],
    ]);

    const templateSteps = ok(await loadTemplatePage(db, coordinator, templateId)).steps;
    present(
      await editTemplateStep(db, coordinator, templateId, templateSteps[1].id, {
        courseId: templateSteps[1].course_id,
        sessionsExpected: 9,
        minGapDays: 30,
        note: "ændret",
        version: await templateVersion(templateId),
      }),
    );
    present(
      await deleteTemplateStep(
        db,
        coordinator,
        templateId,
        templateSteps[3].id,
        await templateVersion(templateId),
      ),
    );
    expect(await stepsOf(started.trackId)).toEqual(before);

    const again = present(
      await startTrack(db, coordinator, {
        schoolId,
        templateId,
        cohortYear: 2026,
        markPilot: false,
      }),
    );
    expect(again).toEqual({
      ok: false,
      errors: { cohortYear: "tracks.start.duplicate" },
      params: { school: "Østerbro Lindeskole (demo)", year: 2026, track: "Skabelon D" },
    });
    // The database holds the rule even past the service.
    await expect(
      db
        .insertInto("tracks")
        .values({ school_id: schoolId, name: "x", cohort_year: 2026, template_id: templateId })
        .execute(),
    ).rejects.toSatisfy(isUniqueViolation);

    // A stopped track frees the year; a stale stop form is refused.
    expect(
      present(await stopTrack(db, coordinator, started.trackId, { version: 99, reason: "" })),
    ).toEqual({
      ok: false,
      errors: { _form: "tracks.stale" },
    });
    expect(
      present(
        await stopTrack(db, coordinator, started.trackId, {
          version: await trackVersion(started.trackId),
          reason: "Forkert skabelon",
        }),
      ).ok,
    ).toBe(true);
    const restarted = present(
      await startTrack(db, coordinator, {
        schoolId,
        templateId,
        cohortYear: 2026,
        markPilot: false,
      }),
    );
    expect(restarted.ok).toBe(true);
  });
});

describe("scheduling into a track", () => {
  let trackId: number;
  let steps: Awaited<ReturnType<typeof stepsOf>>;
  let briefingId: number;
  let workshopId: number;

  beforeAll(async () => {
    const templateId = await pilotTemplate("Skabelon E");
    const started = present(
      await startTrack(db, coordinator, {
        schoolId: otherSchoolId,
        templateId,
        cohortYear: 2026,
        markPilot: false,
      }),
    );
    if (!started.ok) throw new Error(JSON.stringify(started));
    trackId = started.trackId;
    steps = await stepsOf(trackId);
  });

  it("'Planlæg session' creates one request per step and reuses it while it is open", async () => {
    const planned = present(await planStepSession(db, coordinator, trackId, steps[0].id));
    expect(planned).toMatchObject({ ok: true, created: true });
    if (!planned.ok) return;
    const request = await db
      .selectFrom("requests")
      .selectAll()
      .where("id", "=", planned.requestId)
      .executeTakeFirstOrThrow();
    expect(request).toMatchObject({
      school_id: otherSchoolId,
      course_id: course["oplaeg-bekymringstegn-for-personale"],
      status: "in_progress",
      requester_id: coordinator.id,
    });
    expect(present(await planStepSession(db, coordinator, trackId, steps[0].id))).toEqual({
      ok: true,
      requestId: planned.requestId,
      created: false,
    });
    // The request's page links back to its track and step.
    const page = ok(await loadCoordinatorRequest(db, coordinator, planned.requestId));
    expect(page.trackStep).toMatchObject({ trackId, position: 1 });
  });

  it("books step 1 with invites to the facilitators and a notice to the school, like any session", async () => {
    const planned = present(await planStepSession(db, coordinator, trackId, steps[0].id));
    if (!planned.ok) throw new Error("plan");
    const result = present(
      await scheduleSession(
        db,
        coordinator,
        planned.requestId,
        sessionForm("2026-03-02", "14:00", "16:00", [f[1].id]),
        cfg,
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    briefingId = result.sessionId;
    const link = await db
      .selectFrom("track_step_sessions")
      .selectAll()
      .where("session_id", "=", briefingId)
      .executeTakeFirstOrThrow();
    expect(link.step_id).toBe(steps[0].id);

    const deliver = smtpDelivery(smtp.url, MAIL_FROM);
    for (let i = 0; i < 10; i++) {
      const sent = await processOutboxOnce(db, deliver, () => NOW);
      if (sent.sent === 0) break;
    }
    const invite = smtp.received.find((m) => m.envelopeTo.includes(f[1].email));
    if (!invite) throw new Error("no invite");
    const part = invite.parsed.attachments.find((a) => a.contentType === "text/calendar");
    const calendar = new ICAL.Component(ICAL.parse(part!.content.toString("utf8")));
    const event = calendar.getFirstSubcomponent("vevent")!;
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    // The UID takes the sender's domain (MAIL_FROM), not the host of APP_URL.
    expect(event.getFirstPropertyValue("uid")).toBe(`session-${briefingId}@kk.example`);
    expect(String(event.getFirstPropertyValue("dtstart"))).toBe("2026-03-02T13:00:00Z");
    expect(event.getAllProperties("attendee").map((p) => String(p.getFirstValue()))).toEqual([
      `mailto:${f[1].email}`,
    ]);
    const leader = smtp.received.find((m) =>
      m.envelopeTo.includes("leder.sundby-skole@frirum.test"),
    );
    expect(leader?.parsed.subject).toMatch(/^Planlagt:/);
  });

  it("refuses step 2 before step 1 has ended plus 7 days, naming the step, session and date", async () => {
    const planned = present(await planStepSession(db, coordinator, trackId, steps[1].id));
    if (!planned.ok) throw new Error("plan");
    const outboxBefore = await db.selectFrom("email_outbox").select("id").execute();
    const refused = present(
      await scheduleSession(
        db,
        coordinator,
        planned.requestId,
        sessionForm("2026-03-06", "08:15", "09:45", [f[2].id, f[3].id]),
        cfg,
      ),
    );
    expect(refused).toMatchObject({
      ok: false,
      errors: { overrideOrder: "tracks.order.refused" },
      orderViolations: [
        {
          kind: "tooEarly",
          stepPosition: 2,
          courseTitle: "Workshop: Rettigheder og frihed (7.-9. kl.)",
          otherStepPosition: 1,
          otherCourseTitle: "Oplæg for personale: Bekymringstegn og handlemuligheder",
          otherSessionId: briefingId,
          otherStartsAt: "2026-03-02T13:00:00.000Z",
          gapDays: 7,
          limit: { date: "2026-03-09" },
        },
      ],
    });
    // Nothing was saved or queued.
    expect(await db.selectFrom("email_outbox").select("id").execute()).toEqual(outboxBefore);

    // A ticked override without a reason is still refused; with a reason it goes through.
    const noReason = present(
      await scheduleSession(
        db,
        coordinator,
        planned.requestId,
        {
          ...sessionForm("2026-03-06", "08:15", "09:45", [f[2].id, f[3].id]),
          overrideOrder: true,
          overrideReason: "  ",
        },
        cfg,
      ),
    );
    expect(noReason.ok).toBe(false);
    const overridden = present(
      await scheduleSession(
        db,
        coordinator,
        planned.requestId,
        {
          ...sessionForm("2026-03-06", "08:15", "09:45", [f[2].id, f[3].id]),
          overrideOrder: true,
          overrideReason: "Skolen flyttede temadagen; personalet er orienteret på forhånd.",
        },
        cfg,
      ),
    );
    expect(overridden.ok).toBe(true);
    if (!overridden.ok) return;
    workshopId = overridden.sessionId;
    const overrides = await db.selectFrom("track_overrides").selectAll().execute();
    expect(overrides).toHaveLength(1);
    expect(overrides[0]).toMatchObject({
      track_id: trackId,
      step_id: steps[1].id,
      session_id: workshopId,
      action: "scheduled",
      reason: "Skolen flyttede temadagen; personalet er orienteret på forhånd.",
      actor_id: coordinator.id,
    });
    expect(JSON.parse(overrides[0].violations)[0]).toMatchObject({
      otherSessionId: briefingId,
      stepPosition: 2,
    });
    const audit = await db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_type", "=", "track")
      .where("entity_id", "=", String(trackId))
      .execute();
    expect(audit.map((a) => a.action)).toContain("track.orderOverridden");
  });

  it("catches moving step 1 later than the booked step 2, and lets a move that fits through", async () => {
    const session = await db
      .selectFrom("sessions")
      .select("version")
      .where("id", "=", briefingId)
      .executeTakeFirstOrThrow();
    const move = (date: string) => ({
      date,
      start: "14:00",
      end: "16:00",
      place: "Skolen",
      confirmUnavailability: false,
      version: session.version,
    });
    const refused = present(
      await moveSession(db, coordinator, briefingId, move("2026-03-04"), cfg),
    );
    expect(refused).toMatchObject({
      ok: false,
      errors: { overrideOrder: "tracks.order.refused" },
      orderViolations: [{ kind: "tooLate", otherSessionId: workshopId, otherStepPosition: 2 }],
    });
    const earlier = present(
      await moveSession(db, coordinator, briefingId, move("2026-02-26"), cfg),
    );
    expect(earlier.ok).toBe(true);
  });

  it("ignores cancelled sessions", async () => {
    const planned = present(await planStepSession(db, coordinator, trackId, steps[2].id));
    if (!planned.ok) throw new Error("plan");
    // Step 3 one day after the (overridden) workshop: too early.
    const early = sessionForm("2026-03-09", "17:00", "19:00", [f[1].id, f[4].id]);
    expect(present(await scheduleSession(db, coordinator, planned.requestId, early, cfg)).ok).toBe(
      false,
    );
    const workshop = await db
      .selectFrom("sessions")
      .select("version")
      .where("id", "=", workshopId)
      .executeTakeFirstOrThrow();
    expect(
      present(
        await cancelSession(
          db,
          coordinator,
          workshopId,
          { version: workshop.version, reason: "" },
          cfg,
        ),
      ).ok,
    ).toBe(true);
    // Without the workshop, step 3 needs briefing (26 Feb) + 7 + 7 days: 12 March is fine.
    const later = sessionForm("2026-03-12", "17:00", "19:00", [f[1].id, f[4].id]);
    expect(present(await scheduleSession(db, coordinator, planned.requestId, later, cfg)).ok).toBe(
      true,
    );
  });

  it("attaches a session booked through the normal request flow, with the same rule", async () => {
    // The school's own request for the workshop course, scheduled the normal way on 5 March.
    const leader = await actorFor(db, "leder.sundby-skole@frirum.test");
    const request = await db
      .insertInto("requests")
      .values({
        school_id: otherSchoolId,
        requester_id: leader.id,
        course_id: course["workshop-rettigheder-og-frihed"],
        group_count: 1,
        participants_per_group: 25,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const booked = present(
      await scheduleSession(
        db,
        coordinator,
        request.id,
        sessionForm("2026-03-05", "08:15", "09:45", [f[2].id, f[3].id]),
        cfg,
      ),
    );
    if (!booked.ok) throw new Error(JSON.stringify(booked));
    // Not linked to the track by itself (its request is not the step's).
    expect(
      await db
        .selectFrom("track_step_sessions")
        .select("step_id")
        .where("session_id", "=", booked.sessionId)
        .execute(),
    ).toEqual([]);

    const wrongStep = present(
      await attachSessionToStep(db, coordinator, trackId, {
        sessionId: booked.sessionId,
        stepId: steps[0].id,
      }),
    );
    expect(wrongStep).toMatchObject({
      ok: false,
      errors: { sessionId: "tracks.attach.session.otherCourse" },
    });

    // 5 March is 7 days after the moved briefing (26 Feb): fits after step 1, and before step 3.
    const attached = present(
      await attachSessionToStep(db, coordinator, trackId, {
        sessionId: booked.sessionId,
        stepId: steps[1].id,
      }),
    );
    expect(attached).toEqual({ ok: true });
    expect(
      present(
        await attachSessionToStep(db, coordinator, trackId, {
          sessionId: booked.sessionId,
          stepId: steps[1].id,
        }),
      ),
    ).toMatchObject({ ok: false, errors: { sessionId: "tracks.attach.session.linked" } });

    // Detach and book one too early for step 3 (12 March): it is refused until overridden.
    expect(
      present(await detachSessionFromStep(db, coordinator, trackId, booked.sessionId)).ok,
    ).toBe(true);
    const tooLate = await db
      .insertInto("requests")
      .values({
        school_id: otherSchoolId,
        requester_id: leader.id,
        course_id: course["workshop-rettigheder-og-frihed"],
        group_count: 1,
        participants_per_group: 25,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const late = present(
      await scheduleSession(
        db,
        coordinator,
        tooLate.id,
        sessionForm("2026-03-10", "08:15", "09:45", [f[2].id, f[3].id]),
        cfg,
      ),
    );
    if (!late.ok) throw new Error(JSON.stringify(late));
    const refused = present(
      await attachSessionToStep(db, coordinator, trackId, {
        sessionId: late.sessionId,
        stepId: steps[1].id,
      }),
    );
    expect(refused).toMatchObject({
      ok: false,
      orderViolations: [{ kind: "tooLate", otherStepPosition: 3 }],
    });
    const forced = present(
      await attachSessionToStep(db, coordinator, trackId, {
        sessionId: late.sessionId,
        stepId: steps[1].id,
        overrideOrder: true,
        overrideReason: "Klassen var på lejrskole; forældremødet er orienteret.",
      }),
    );
    expect(forced).toEqual({ ok: true });
    const overrides = await db
      .selectFrom("track_overrides")
      .select("action")
      .where("track_id", "=", trackId)
      .orderBy("id")
      .execute();
    expect(overrides.map((o) => o.action)).toEqual(["scheduled", "attached"]);
  });

  it("refuses a gap that would put booked sessions out of order, and deleting a step with sessions", async () => {
    // Step 3 (12 March) is 2 days after the attached workshop (10 March, overridden): a larger
    // gap on step 2 (26 Feb briefing -> workshop 10 March = 12 days) to 20 would break it anew.
    const refused = present(
      await editTrackStep(db, coordinator, trackId, steps[1].id, {
        sessionsExpected: 3,
        minGapDays: 20,
        note: "",
        version: await trackVersion(trackId),
      }),
    );
    expect(refused).toMatchObject({
      ok: false,
      errors: { minGapDays: "tracks.step.gap.breaksOrder" },
      // Step 2 now needs 20 days after the briefing, and step 3 (20 + 7) too.
      orderViolations: [
        { stepPosition: 2, otherStepPosition: 1, gapDays: 20, limit: { date: "2026-03-18" } },
        { stepPosition: 3, otherStepPosition: 1, gapDays: 27, limit: { date: "2026-03-25" } },
      ],
    });
    const fine = present(
      await editTrackStep(db, coordinator, trackId, steps[1].id, {
        sessionsExpected: 2,
        minGapDays: 5,
        note: "To klasser",
        version: await trackVersion(trackId),
      }),
    );
    expect(fine).toEqual({ ok: true });

    expect(
      present(
        await deleteTrackStep(db, coordinator, trackId, steps[0].id, await trackVersion(trackId)),
      ),
    ).toEqual({
      ok: false,
      errors: { _form: "tracks.step.delete.hasSessions" },
      params: {
        position: 1,
        course: "Oplæg for personale: Bekymringstegn og handlemuligheder",
        count: 1,
        delivered: 0,
        scheduled: 1,
      },
    });
    // Step 4 has no sessions: it can go; a stale form cannot.
    expect(present(await deleteTrackStep(db, coordinator, trackId, steps[3].id, 1))).toEqual({
      ok: false,
      errors: { _form: "tracks.stale" },
    });
    expect(
      present(
        await deleteTrackStep(db, coordinator, trackId, steps[3].id, await trackVersion(trackId)),
      ).ok,
    ).toBe(true);
    const added = present(
      await addTrackStep(db, coordinator, trackId, {
        ...step("foraeldremoede-venskaber-og-fritid", 1, 3),
        version: await trackVersion(trackId),
      }),
    );
    expect(added.ok).toBe(true);
    expect((await stepsOf(trackId)).map((s) => s.position)).toEqual([1, 2, 3, 4]);
  });

  it("builds the track model: status, dates, facilitators, attendance, answers and response rate", async () => {
    // Deliver the briefing with 30 staff present and 21 answers; the attached workshop stays booked.
    await db
      .updateTable("sessions")
      .set({ status: "delivered", attendance_professionals: 30 })
      .where("id", "=", briefingId)
      .execute();
    for (let i = 0; i < 21; i++) {
      await insertFeedbackResponse(db, {
        sessionId: briefingId,
        audience: "staff",
        formVersion: 1,
        locale: "da",
        answers: { s1: "agree" },
        comment: null,
        sessionDate: "2026-02-26",
      });
    }
    const model = await buildTrackModel(db, trackId, { now: NOW });
    if (!model) throw new Error("model");
    expect(model.steps.map((s) => [s.position, s.status])).toEqual([
      [1, "delivered"],
      [2, "planned"],
      [3, "planned"],
      [4, "notPlanned"],
    ]);
    expect(model.progress).toEqual({ delivered: 1, total: 4 });
    const briefing = model.steps[0];
    expect(briefing.sessions[0]).toMatchObject({
      id: briefingId,
      startsAt: "2026-02-26T13:00:00.000Z",
      facilitators: ["Amira Haddad (demo)"],
      attendance: { pupils: null, staff: 30, parents: null },
      answers: 21,
    });
    expect(briefing.reach).toEqual({
      pupils: 0,
      staff: 30,
      parents: 0,
      answers: 21,
      responseRate: 0.7,
      sessionsWithoutAttendance: 0,
    });
    // The cancelled workshop is listed but does not count.
    expect(model.steps[1].sessions.map((s) => s.status)).toEqual(["cancelled", "scheduled"]);
    expect(model.steps[1].scheduledCount).toBe(1);
    expect(model.nextSession).toMatchObject({
      startsAt: "2026-03-10T07:15:00.000Z",
      stepPosition: 2,
    });
    // Plain data: survives JSON unchanged (the annual report stores it).
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it("shows the school leader their own school's tracks only", async () => {
    const leader = await actorFor(db, "leder.sundby-skole@frirum.test");
    const { tracks } = ok(await loadSchoolTracks(db, leader, otherSchoolId, { now: NOW }));
    expect(tracks.map((t) => t.id)).toContain(trackId);
    const stranger = await actorFor(db, "leder.valby-bakke-skole@frirum.test");
    await expectNotFound(loadSchoolTracks(db, stranger, otherSchoolId));
  });
});
