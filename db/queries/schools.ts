import type { DB } from "../connection";

export function listSchoolOptions(db: DB) {
  return db
    .selectFrom("schools")
    .select(["id", "name", "pilot_cohort"])
    .where("active", "=", 1)
    .orderBy("name")
    .execute();
}

export function findSchoolById(db: DB, id: number) {
  return db.selectFrom("schools").selectAll().where("id", "=", id).executeTakeFirst();
}
