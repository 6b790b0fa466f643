import type { DB } from "../connection";

/** Demo accounts for the sign-in page of a demo installation (users marked is_demo). */
export function listDemoAccounts(db: DB) {
  return db
    .selectFrom("users")
    .leftJoin("schools", "schools.id", "users.school_id")
    .select(["users.email", "users.role", "users.name", "schools.name as school_name"])
    .where("users.is_demo", "=", 1)
    .where("users.active", "=", 1)
    .orderBy("users.role")
    .orderBy("users.email")
    .execute();
}
