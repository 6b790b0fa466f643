import { sql, type Updateable } from "kysely";
import type { DB } from "../connection";
import { reusableQuery } from "../reusable-query";
import type { SchoolsTable } from "../schema";

const schoolOptions = reusableQuery((db: DB) =>
  db
    .selectFrom("schools")
    .select(["id", "name", "pilot_cohort"])
    .where("active", "=", 1)
    .orderBy("name"),
);

export function listSchoolOptions(db: DB) {
  return schoolOptions.rows(db);
}

export function findSchoolById(db: DB, id: number) {
  return db.selectFrom("schools").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Every school (active and inactive) with how many requests it has (any status). */
export function listSchoolsWithRequestCounts(db: DB) {
  return db
    .selectFrom("schools")
    .leftJoin(
      db
        .selectFrom("requests")
        .select(["school_id", (eb) => eb.fn.countAll<number>().as("request_count")])
        .groupBy("school_id")
        .as("rc"),
      "rc.school_id",
      "schools.id",
    )
    .select([
      "schools.id",
      "schools.name",
      "schools.district",
      "schools.pilot_cohort",
      "schools.active",
      sql<number>`coalesce(rc.request_count, 0)`.as("request_count"),
    ])
    .orderBy("schools.name")
    .execute();
}

/**
 * Updates a school only if nobody changed it since `expectedUpdatedAt` (optimistic concurrency);
 * false when the row changed meanwhile (or is gone).
 */
export async function updateSchoolIfUnchanged(
  db: DB,
  id: number,
  expectedUpdatedAt: string,
  values: Updateable<SchoolsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("schools")
    .set(values)
    .where("id", "=", id)
    .where("updated_at", "=", expectedUpdatedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
