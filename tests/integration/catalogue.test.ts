import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type CatalogueFilter,
  type CourseFormValues,
  matchesCatalogueFilter,
} from "~/domain/courses";
import { schoolFormSchema } from "~/domain/schools";
import { copenhagenMonthRange } from "~/domain/timezone";
import type { CurrentUser } from "~/lib/guards.server";
import { loadCatalogue, loadCatalogueCourse, toCatalogueCourse } from "~/services/catalogue.server";
import {
  createCourse,
  deleteUnusedCourse,
  loadCourseForEdit,
  loadCourseList,
  setCourseActivation,
  updateCourse,
} from "~/services/course-admin.server";
import { loadFacilitatorOverview } from "~/services/facilitator-overview.server";
import { loadSchoolForEdit, loadSchoolList, updateSchool } from "~/services/school-admin.server";
import { listAuditEntries } from "../../db/queries/audit";
import { findCourseById, listActiveCourses } from "../../db/queries/courses";
import { findSchoolById } from "../../db/queries/schools";
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
  leader = await actorFor(t.db, "leder.tingbjerg-skole@frirum.test");
  facilitator = await actorFor(t.db, "facilitator1@frirum.test");
});
afterEach(async () => {
  await t.cleanup();
});

function courseInput(overrides: Partial<CourseFormValues> = {}): CourseFormValues {
  return {
    title: "Workshop: Digitale fællesskaber",
    slug: "workshop-digitale-faellesskaber",
    audience: "pupils",
    summary: "Om fællesskaber online.",
    description: "To lektioner.",
    gradeMin: 5,
    gradeMax: 7,
    durationMinutes: 90,
    maxParticipants: 28,
    facilitatorsNeeded: 2,
    languages: ["da", "ar"],
    schoolProvides: "Lokale med projektor",
    leadTimeDays: 21,
    active: true,
    feedbackFormAudience: undefined,
    ...overrides,
  };
}

async function created(overrides: Partial<CourseFormValues> = {}): Promise<number> {
  const result = present(await createCourse(t.db, coordinator, courseInput(overrides)));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.courseId;
}

async function insertRequest(courseId: number) {
  await t.db
    .insertInto("requests")
    .values({
      school_id: leader.schoolId!,
      requester_id: leader.id,
      course_id: courseId,
      group_count: 1,
      participants_per_group: 20,
    })
    .execute();
}

describe("the public catalogue", () => {
  it("shows active courses only, filtered in SQL by audience", async () => {
    const all = ok(await loadCatalogue(t.db, leader, {})).courses;
    expect(all.length).toBe(8);
    const parents = ok(await loadCatalogue(t.db, leader, { audience: "parents" })).courses;
    expect(parents.map((c) => c.title).sort()).toEqual([
      "Forældredialog: Opdragelse, trivsel og frihed",
      "Forældremøde: Venskaber og fritidsliv",
    ]);
    expect(parents.every((c) => c.audience === "parents")).toBe(true);

    const courseId = ok(
      await loadCatalogueCourse(t.db, leader, "foraeldremoede-venskaber-og-fritid"),
    ).course.id;
    present(await setCourseActivation(t.db, coordinator, courseId, false));
    const afterDeactivation = ok(
      await loadCatalogue(t.db, leader, { audience: "parents" }),
    ).courses;
    expect(afterDeactivation.map((c) => c.id)).not.toContain(courseId);
  });

  it("gives the list only what its cards show: descriptions are for the course's own page", async () => {
    const [card] = ok(await loadCatalogue(t.db, leader, {})).courses;
    expect(Object.keys(card).sort()).toEqual(
      [
        "audience",
        "durationMinutes",
        "gradeMax",
        "gradeMin",
        "id",
        "languages",
        "slug",
        "summary",
        "title",
      ].sort(),
    );
    const page = ok(await loadCatalogueCourse(t.db, leader, card.slug)).course;
    expect(page.description.length).toBeGreaterThan(0);
    expect(page).toMatchObject(card);
  });

  it("filters by grade, language and duration", async () => {
    const grade8 = ok(await loadCatalogue(t.db, facilitator, { grade: 8 })).courses;
    expect(grade8.map((c) => c.slug).sort()).toEqual([
      "workshop-kaerlighed-og-valg",
      "workshop-rettigheder-og-frihed",
    ]);
    const somali = ok(await loadCatalogue(t.db, leader, { language: "so" })).courses;
    expect(somali.map((c) => c.slug).sort()).toEqual([
      "foraeldredialog-opdragelse-og-trivsel",
      "foraeldremoede-venskaber-og-fritid",
    ]);
    const short = ok(await loadCatalogue(t.db, leader, { maxDuration: 60 })).courses;
    expect(short.length).toBeGreaterThan(0);
    expect(short.every((c) => c.durationMinutes <= 60)).toBe(true);
    expect(ok(await loadCatalogue(t.db, leader, { audience: "staff", grade: 3 })).courses).toEqual(
      [],
    );
  });

  it("agrees with the pure matchesCatalogueFilter for every combination", async () => {
    const everything = (await listActiveCourses(t.db)).map(toCatalogueCourse);
    const filters: CatalogueFilter[] = [];
    for (const audience of [undefined, "pupils", "staff", "parents"] as const) {
      for (const grade of [undefined, 0, 4, 7, 10]) {
        for (const language of [undefined, "da", "ar", "tr", "prs"]) {
          for (const maxDuration of [undefined, 60, 120]) {
            filters.push({ audience, grade, language, maxDuration });
          }
        }
      }
    }
    for (const filter of filters) {
      const clean = Object.fromEntries(
        Object.entries(filter).filter(([, v]) => v !== undefined),
      ) as CatalogueFilter;
      const fromSql = (await listActiveCourses(t.db, clean)).map((c) => c.id).sort();
      const fromDomain = everything
        .filter((c) => matchesCatalogueFilter(c, clean))
        .map((c) => c.id)
        .sort();
      expect(fromSql, JSON.stringify(clean)).toEqual(fromDomain);
    }
  });

  it("orders pupils, staff, parents; within an audience courses without a lower grade first", async () => {
    // SQLite sorts NULL first in ascending order, PostgreSQL last unless told: same order on both.
    await t.db
      .insertInto("courses")
      .values([
        {
          slug: "b-grade-3",
          title: "B grade 3",
          audience: "pupils",
          grade_min: 3,
          grade_max: 5,
          duration_minutes: 60,
          max_participants: 30,
        },
        {
          slug: "a-any-grade",
          title: "A any grade",
          audience: "pupils",
          grade_min: null,
          grade_max: null,
          duration_minutes: 60,
          max_participants: 30,
        },
      ])
      .execute();
    const courses = await listActiveCourses(t.db);
    const audiences = courses.map((c) => c.audience);
    expect(audiences).toEqual(
      [...audiences].sort(
        (a, b) =>
          ["pupils", "staff", "parents"].indexOf(a) - ["pupils", "staff", "parents"].indexOf(b),
      ),
    );
    expect(courses[0].slug).toBe("a-any-grade");
    const pupils = courses.filter((c) => c.audience === "pupils");
    expect(pupils.slice(1).map((c) => c.grade_min)).toEqual(
      pupils
        .slice(1)
        .map((c) => c.grade_min)
        .sort((a, b) => Number(a) - Number(b)),
    );
  });

  it("answers an unknown or inactive slug with 404", async () => {
    const course = ok(
      await loadCatalogueCourse(t.db, leader, "workshop-rettigheder-og-frihed"),
    ).course;
    expect(course.title).toBe("Workshop: Rettigheder og frihed (7.-9. kl.)");
    expect(course.languages).toEqual(["da"]);
    await expectNotFound(loadCatalogueCourse(t.db, leader, "findes-ikke"));
    present(await setCourseActivation(t.db, coordinator, course.id, false));
    await expectNotFound(loadCatalogueCourse(t.db, leader, "workshop-rettigheder-og-frihed"));
  });
});

describe("course administration", () => {
  it("creates a course with an audit entry; the feedback form defaults to the audience", async () => {
    const id = await created();
    const row = await findCourseById(t.db, id);
    expect(row).toMatchObject({
      slug: "workshop-digitale-faellesskaber",
      audience: "pupils",
      grade_min: 5,
      grade_max: 7,
      languages: ["da", "ar"],
      lead_time_days: 21,
      feedback_form_audience: "pupils",
      active: 1,
    });
    const audit = await listAuditEntries(t.db, "course", id);
    expect(audit.map((a) => a.action)).toEqual(["course.created"]);
    expect(audit[0].actor_name).toBe(coordinator.name);
    const listed = ok(await loadCourseList(t.db, coordinator)).courses.find((c) => c.id === id);
    expect(listed?.request_count).toBe(0);
    expect(
      ok(await loadCatalogueCourse(t.db, leader, "workshop-digitale-faellesskaber")).course.id,
    ).toBe(id);
  });

  it("keeps an explicit feedback form audience", async () => {
    const id = await created({ audience: "staff", feedbackFormAudience: "parents" });
    expect((await findCourseById(t.db, id))?.feedback_form_audience).toBe("parents");
  });

  it("edits a course, moves updated_at and audits before/after of the changed columns", async () => {
    const id = await created();
    const { course } = ok(await loadCourseForEdit(t.db, coordinator, id));
    const result = present(
      await updateCourse(
        t.db,
        coordinator,
        id,
        courseInput({ title: "Workshop: Digitalt fællesskab", maxParticipants: 30 }),
        course.updated_at,
      ),
    );
    expect(result).toEqual({ ok: true, courseId: id });
    const after = await findCourseById(t.db, id);
    expect(after?.title).toBe("Workshop: Digitalt fællesskab");
    expect(after?.max_participants).toBe(30);
    expect(after!.updated_at > course.updated_at).toBe(true);
    const [entry] = await listAuditEntries(t.db, "course", id);
    expect(entry.action).toBe("course.updated");
    expect(entry.details).toEqual({
      before: { title: "Workshop: Digitale fællesskaber", max_participants: 28 },
      after: { title: "Workshop: Digitalt fællesskab", max_participants: 30 },
    });
  });

  it("refuses a slug another course has, on create and on edit", async () => {
    const clash = present(
      await createCourse(
        t.db,
        coordinator,
        courseInput({ slug: "workshop-rettigheder-og-frihed" }),
      ),
    );
    expect(clash).toEqual({ ok: false, errors: { slug: "courseAdmin.slug.taken" } });
    const id = await created();
    const { course } = ok(await loadCourseForEdit(t.db, coordinator, id));
    const editClash = present(
      await updateCourse(
        t.db,
        coordinator,
        id,
        courseInput({ slug: "workshop-rettigheder-og-frihed" }),
        course.updated_at,
      ),
    );
    expect(editClash).toEqual({ ok: false, errors: { slug: "courseAdmin.slug.taken" } });
    expect((await findCourseById(t.db, id))?.slug).toBe("workshop-digitale-faellesskaber");
    // Keeping its own slug is no clash.
    expect(
      present(await updateCourse(t.db, coordinator, id, courseInput(), course.updated_at)).ok,
    ).toBe(true);
  });

  it("refuses a stale edit and saves nothing, then allows saving over the current version", async () => {
    const id = await created();
    const { course: opened } = ok(await loadCourseForEdit(t.db, coordinator, id));
    // Someone else saves first.
    const first = present(
      await updateCourse(
        t.db,
        coordinator,
        id,
        courseInput({ summary: "Ændret af en anden" }),
        opened.updated_at,
      ),
    );
    expect(first.ok).toBe(true);
    const current = await findCourseById(t.db, id);

    const stale = present(
      await updateCourse(
        t.db,
        coordinator,
        id,
        courseInput({ summary: "Min ændring" }),
        opened.updated_at,
      ),
    );
    expect(stale).toEqual({
      ok: false,
      errors: { _form: "courseAdmin.stale" },
      currentUpdatedAt: current?.updated_at,
    });
    expect((await findCourseById(t.db, id))?.summary).toBe("Ændret af en anden");

    if (stale.ok) return;
    const again = present(
      await updateCourse(
        t.db,
        coordinator,
        id,
        courseInput({ summary: "Min ændring" }),
        stale.currentUpdatedAt!,
      ),
    );
    expect(again.ok).toBe(true);
    expect((await findCourseById(t.db, id))?.summary).toBe("Min ændring");
  });

  it("deactivation makes an open edit form stale too", async () => {
    const id = await created();
    const { course } = ok(await loadCourseForEdit(t.db, coordinator, id));
    present(await setCourseActivation(t.db, coordinator, id, false));
    const result = present(
      await updateCourse(t.db, coordinator, id, courseInput(), course.updated_at),
    );
    expect(result.ok).toBe(false);
    expect((await findCourseById(t.db, id))?.active).toBe(0);
  });

  it("deactivates and reactivates with audit entries", async () => {
    const id = await created();
    present(await setCourseActivation(t.db, coordinator, id, false));
    expect(ok(await loadCatalogue(t.db, leader, {})).courses.map((c) => c.id)).not.toContain(id);
    expect(
      ok(await loadCourseList(t.db, coordinator)).courses.find((c) => c.id === id)?.active,
    ).toBe(0);
    present(await setCourseActivation(t.db, coordinator, id, true));
    expect(ok(await loadCatalogue(t.db, leader, {})).courses.map((c) => c.id)).toContain(id);
    expect((await listAuditEntries(t.db, "course", id)).map((a) => a.action)).toEqual([
      "course.activated",
      "course.deactivated",
      "course.created",
    ]);
  });

  it("never deletes a course with requests; deletes one without", async () => {
    const used = await created();
    await insertRequest(used);
    expect(present(await deleteUnusedCourse(t.db, coordinator, used))).toEqual({
      ok: false,
      errors: { _form: "courseAdmin.delete.hasRequests" },
    });
    expect(await findCourseById(t.db, used)).toBeDefined();
    expect(ok(await loadCourseForEdit(t.db, coordinator, used)).requestCount).toBe(1);
    expect(
      ok(await loadCourseList(t.db, coordinator)).courses.find((c) => c.id === used)?.request_count,
    ).toBe(1);

    const unused = await created({ slug: "ubrugt", title: "Ubrugt forløb" });
    expect(present(await deleteUnusedCourse(t.db, coordinator, unused))).toEqual({ ok: true });
    expect(await findCourseById(t.db, unused)).toBeUndefined();
    expect((await listAuditEntries(t.db, "course", unused))[0].action).toBe("course.deleted");
  });

  it("keeps a course that another table points at (a track template step) with a message, not an error", async () => {
    const id = await created({ slug: "i-skabelon", title: "I en skabelon" });
    const template = await t.db
      .insertInto("track_templates")
      .values({ name: "Skabelon med forløbet" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("track_template_steps")
      .values({
        template_id: template.id,
        position: 1,
        course_id: id,
        sessions_expected: 1,
        min_gap_days: 0,
      })
      .execute();
    expect(present(await deleteUnusedCourse(t.db, coordinator, id))).toEqual({
      ok: false,
      errors: { _form: "courseAdmin.delete.inUse" },
    });
    expect(await findCourseById(t.db, id)).toBeDefined();
  });

  it("answers unknown course ids with 404", async () => {
    await expectNotFound(loadCourseForEdit(t.db, coordinator, 999_999));
    await expectNotFound(setCourseActivation(t.db, coordinator, 999_999, false));
    await expectNotFound(deleteUnusedCourse(t.db, coordinator, 999_999));
    await expectNotFound(updateCourse(t.db, coordinator, 999_999, courseInput(), "x"));
  });
});

describe("school administration", () => {
  async function tingbjerg() {
    const { school } = ok(await loadSchoolForEdit(t.db, coordinator, leader.schoolId!));
    return school;
  }

  it("lists schools with district, pilot cohort, active flag and request counts", async () => {
    await insertRequest(
      ok(await loadCatalogueCourse(t.db, leader, "workshop-rettigheder-og-frihed")).course.id,
    );
    const schools = ok(await loadSchoolList(t.db, coordinator)).schools;
    expect(schools.length).toBe(12);
    const row = schools.find((s) => s.id === leader.schoolId);
    expect(row).toMatchObject({
      name: "Tingbjerg Skole (demo)",
      district: "Brønshøj-Husum",
      pilot_cohort: 2024,
      active: 1,
      request_count: 1,
    });
    expect(schools.filter((s) => s.request_count === 0).length).toBe(11);
  });

  it("writes every change to the audit log with before and after, shown as history", async () => {
    const school = await tingbjerg();
    const input = schoolFormSchema.parse({
      name: school.name,
      district: school.district,
      address: school.address,
      pilotCohort: "2025",
      active: "on",
    });
    expect(
      present(await updateSchool(t.db, coordinator, school.id, input, school.updated_at)),
    ).toEqual({
      ok: true,
      changed: true,
    });
    expect((await findSchoolById(t.db, school.id))?.pilot_cohort).toBe(2025);
    const [entry] = await listAuditEntries(t.db, "school", school.id);
    expect(entry.action).toBe("school.updated");
    expect(entry.details).toEqual({
      before: { pilotCohort: 2024 },
      after: { pilotCohort: 2025 },
    });
    const { history } = ok(await loadSchoolForEdit(t.db, coordinator, school.id));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      action: "school.updated",
      actorName: coordinator.name,
      changes: [{ field: "pilotCohort", before: 2024, after: 2025 }],
    });
  });

  it("writes nothing when nothing changed", async () => {
    const school = await tingbjerg();
    const input = schoolFormSchema.parse({
      name: school.name,
      district: school.district,
      address: school.address,
      pilotCohort: "2024",
      active: "on",
    });
    expect(
      present(await updateSchool(t.db, coordinator, school.id, input, school.updated_at)),
    ).toEqual({
      ok: true,
      changed: false,
    });
    expect(await listAuditEntries(t.db, "school", school.id)).toEqual([]);
  });

  it("refuses a stale school form", async () => {
    const school = await tingbjerg();
    const base = { name: school.name, district: school.district, address: school.address };
    const first = schoolFormSchema.parse({ ...base, pilotCohort: "", active: "on" });
    expect(
      present(await updateSchool(t.db, coordinator, school.id, first, school.updated_at)).ok,
    ).toBe(true);
    const second = schoolFormSchema.parse({ ...base, pilotCohort: "2026", active: "on" });
    const result = present(
      await updateSchool(t.db, coordinator, school.id, second, school.updated_at),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual({ _form: "schoolAdmin.stale" });
    expect((await findSchoolById(t.db, school.id))?.pilot_cohort).toBeNull();
    expect(await listAuditEntries(t.db, "school", school.id)).toHaveLength(1);
  });

  it("answers unknown school ids with 404", async () => {
    await expectNotFound(loadSchoolForEdit(t.db, coordinator, 999_999));
  });
});

describe("facilitator overview", () => {
  it("counts each facilitator's sessions this Copenhagen month, not cancelled ones", async () => {
    const now = new Date("2026-03-15T10:00:00Z");
    const month = copenhagenMonthRange(now.toISOString());
    expect(month).toEqual({
      month: "2026-03",
      from: "2026-02-28T23:00:00.000Z",
      to: "2026-03-31T22:00:00.000Z",
    });
    const courseId = ok(await loadCatalogueCourse(t.db, leader, "workshop-rettigheder-og-frihed"))
      .course.id;
    await insertRequest(courseId);
    const request = await t.db.selectFrom("requests").select("id").executeTakeFirstOrThrow();
    const sessions = [
      ["2026-03-01T07:00:00.000Z", "scheduled"],
      ["2026-03-20T07:00:00.000Z", "delivered"],
      ["2026-03-21T07:00:00.000Z", "cancelled"],
      ["2026-03-31T22:30:00.000Z", "scheduled"], // 1 April in Copenhagen
    ] as const;
    for (const [index, [startsAt, status]] of sessions.entries()) {
      const row = await t.db
        .insertInto("sessions")
        .values({
          request_id: request.id,
          course_id: courseId,
          school_id: leader.schoolId!,
          starts_at: startsAt,
          ends_at: startsAt.replace("T07:", "T08:").replace("T22:30", "T23:30"),
          status,
          uid: `test-${index}@frirum.test`,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await t.db
        .insertInto("session_facilitators")
        .values({ session_id: row.id, user_id: facilitator.id })
        .execute();
    }
    const overview = ok(await loadFacilitatorOverview(t.db, coordinator, now));
    expect(overview.month).toBe("2026-03");
    expect(overview.facilitators).toHaveLength(4);
    const amira = overview.facilitators.find((f) => f.id === facilitator.id);
    expect(amira).toMatchObject({
      languages: ["da", "ar", "en"],
      active: true,
      sessionsThisMonth: 2,
    });
    expect(
      overview.facilitators.filter((f) => f.id !== facilitator.id).map((f) => f.sessionsThisMonth),
    ).toEqual([0, 0, 0]);
  });
});

describe("access control", () => {
  it("refuses every admin service to a school leader and a facilitator with 404", async () => {
    const courseId = ok(await loadCatalogueCourse(t.db, leader, "workshop-rettigheder-og-frihed"))
      .course.id;
    const { course } = ok(await loadCourseForEdit(t.db, coordinator, courseId));
    const school = ok(await loadSchoolForEdit(t.db, coordinator, leader.schoolId!)).school;
    const schoolInput = schoolFormSchema.parse({ name: "Overtaget", active: "on" });
    for (const who of [leader, facilitator]) {
      await expectNotFound(loadCourseList(t.db, who));
      await expectNotFound(loadCourseForEdit(t.db, who, courseId));
      await expectNotFound(createCourse(t.db, who, courseInput()));
      await expectNotFound(updateCourse(t.db, who, courseId, courseInput(), course.updated_at));
      await expectNotFound(setCourseActivation(t.db, who, courseId, false));
      await expectNotFound(deleteUnusedCourse(t.db, who, courseId));
      await expectNotFound(loadSchoolList(t.db, who));
      // Even the leader's own school is not theirs to edit.
      await expectNotFound(loadSchoolForEdit(t.db, who, school.id));
      await expectNotFound(updateSchool(t.db, who, school.id, schoolInput, school.updated_at));
      await expectNotFound(loadFacilitatorOverview(t.db, who));
    }
    // Nothing changed.
    expect(await findCourseById(t.db, courseId)).toEqual(course);
    expect((await findSchoolById(t.db, school.id))?.name).toBe("Tingbjerg Skole (demo)");
    expect(
      await t.db
        .selectFrom("courses")
        .select("id")
        .where("slug", "=", "workshop-digitale-faellesskaber")
        .execute(),
    ).toEqual([]);
    expect(await t.db.selectFrom("audit_log").selectAll().execute()).toEqual([]);
  });
});
