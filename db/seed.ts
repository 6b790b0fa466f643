import type { DB } from "./connection";
import {
  DEMO_COORDINATOR,
  DEMO_COURSES,
  DEMO_FACILITATORS,
  DEMO_LEADER_NAMES,
  DEMO_SCHOOLS,
  leaderEmail,
} from "./demo-data";

/**
 * Inserts the demo schools, users and catalogue; running it again changes nothing. Rows are
 * created at `now` (the seeds share one "today").
 */
export async function seedDemoData(db: DB, now: Date = new Date()): Promise<{ created: number }> {
  let created = 0;
  const at = now.toISOString();
  // A plain transaction (not writeTransaction): seeding runs alone, before any server, so
  // nothing can change what it reads; and its counters must not count a PostgreSQL re-run.
  await db.transaction().execute(async (trx) => {
    for (const school of DEMO_SCHOOLS) {
      const r = await trx
        .insertInto("schools")
        .values({
          slug: school.slug,
          name: school.name,
          district: school.district,
          address: school.address,
          pilot_cohort: school.pilot,
          is_demo: 1,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.column("slug").doNothing())
        .executeTakeFirst();
      created += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    const schools = await trx.selectFrom("schools").select(["id", "slug"]).execute();
    const schoolId = new Map(schools.map((s) => [s.slug, s.id]));

    const users = [
      {
        email: DEMO_COORDINATOR.email,
        name: DEMO_COORDINATOR.name,
        role: "coordinator" as const,
        school_id: null,
        languages: '["da","en"]',
      },
      ...DEMO_FACILITATORS.map((f) => ({
        email: f.email,
        name: f.name,
        role: "facilitator" as const,
        school_id: null,
        languages: JSON.stringify(f.languages),
      })),
      ...DEMO_SCHOOLS.map((s, i) => ({
        email: leaderEmail(s.slug),
        name: DEMO_LEADER_NAMES[i],
        role: "school_leader" as const,
        school_id: schoolId.get(s.slug) ?? null,
        languages: '["da"]',
      })),
    ];
    for (const user of users) {
      const r = await trx
        .insertInto("users")
        .values({ ...user, is_demo: 1, phone: "", created_at: at })
        .onConflict((oc) => oc.column("email").doNothing())
        .executeTakeFirst();
      created += Number(r.numInsertedOrUpdatedRows ?? 0);
    }

    for (const course of DEMO_COURSES) {
      const r = await trx
        .insertInto("courses")
        .values({
          slug: course.slug,
          title: course.title,
          audience: course.audience,
          summary: course.summary,
          description: course.description,
          grade_min: course.gradeMin,
          grade_max: course.gradeMax,
          duration_minutes: course.durationMinutes,
          max_participants: course.maxParticipants,
          facilitators_needed: course.facilitatorsNeeded,
          languages: JSON.stringify(course.languages),
          school_provides: course.schoolProvides,
          feedback_form_audience: course.audience,
          is_demo: 1,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.column("slug").doNothing())
        .executeTakeFirst();
      created += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
  });
  return { created };
}
