import type { DB } from "../../db/connection";

/**
 * The set-up of a double-booking race on the seeded demo data: `count` open requests for a course
 * that needs one facilitator, from the demo schools in turn, and the facilitator they will all
 * ask for. Each request is then scheduled at an overlapping time by a different writer.
 */
export async function prepareBookingRace(db: DB, count: number) {
  const facilitator = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", "facilitator2@frirum.test")
    .executeTakeFirstOrThrow();
  const course = await db
    .selectFrom("courses")
    .select(["id", "facilitators_needed"])
    .where("slug", "=", "workshop-venskab-og-faellesskab")
    .executeTakeFirstOrThrow();
  if (course.facilitators_needed !== 1) throw new Error("the race needs a one-facilitator course");
  const leaders = await db
    .selectFrom("users")
    .select(["id", "school_id"])
    .where("role", "=", "school_leader")
    .orderBy("id")
    .execute();
  const requestIds: number[] = [];
  for (let i = 0; i < count; i++) {
    const leader = leaders[i % leaders.length];
    const row = await db
      .insertInto("requests")
      .values({
        school_id: leader.school_id!,
        requester_id: leader.id,
        course_id: course.id,
        group_count: 1,
        participants_per_group: 20,
        location: `Skole ${i}`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    requestIds.push(row.id);
  }
  return { facilitatorId: facilitator.id, requestIds };
}
