import { DEFAULT_LOCALE, isLocale, type Locale } from "../../app/i18n";
import type { DB } from "../connection";
import type { CalendarDelivery, NewUser, Role } from "../schema";

export function findUserByEmail(db: DB, email: string) {
  return db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", email.toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: DB, id: number) {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listUsers(db: DB, filter: { role?: Role } = {}) {
  let query = db
    .selectFrom("users")
    .leftJoin("schools", "schools.id", "users.school_id")
    .select([
      "users.id",
      "users.email",
      "users.name",
      "users.role",
      "users.school_id",
      "users.languages",
      "users.active",
      "users.is_demo",
      "schools.name as school_name",
    ]);
  if (filter.role) query = query.where("users.role", "=", filter.role);
  return query.orderBy("users.role").orderBy("users.name").execute();
}

export async function insertUser(db: DB, user: NewUser): Promise<number> {
  const row = await db
    .insertInto("users")
    .values({ ...user, email: user.email.toLowerCase() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setUserActive(db: DB, id: number, active: boolean, now: string) {
  await db
    .updateTable("users")
    .set({ active: active ? 1 : 0, deactivated_at: active ? null : now })
    .where("id", "=", id)
    .execute();
}

export async function findCalendarDelivery(db: DB, userId: number): Promise<CalendarDelivery> {
  const row = await db
    .selectFrom("users")
    .select("calendar_delivery")
    .where("id", "=", userId)
    .executeTakeFirst();
  return row?.calendar_delivery ?? "invites";
}

export async function setCalendarDelivery(db: DB, userId: number, delivery: CalendarDelivery) {
  await db
    .updateTable("users")
    .set({ calendar_delivery: delivery })
    .where("id", "=", userId)
    .execute();
}

/** Each user's calendar delivery choice (facilitators; one indexed lookup by id). */
export async function listCalendarDeliveries(
  db: DB,
  userIds: readonly number[],
): Promise<Map<number, CalendarDelivery>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("users")
    .select(["id", "calendar_delivery"])
    .where("id", "in", [...userIds])
    .execute();
  return new Map(rows.map((row) => [row.id, row.calendar_delivery]));
}

/** The stored language of each user (users.locale); an unknown value reads as the default. */
export async function listUserLocales(
  db: DB,
  userIds: readonly number[],
): Promise<Map<number, Locale>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("users")
    .select(["id", "locale"])
    .where("id", "in", [...userIds])
    .execute();
  return new Map(rows.map((row) => [row.id, isLocale(row.locale) ? row.locale : DEFAULT_LOCALE]));
}

export async function setUserLocale(db: DB, userId: number, locale: Locale): Promise<void> {
  await db.updateTable("users").set({ locale }).where("id", "=", userId).execute();
}

/** One user's stored language (the default for an unknown user). */
export async function findUserLocale(db: DB, userId: number): Promise<Locale> {
  return (await listUserLocales(db, [userId])).get(userId) ?? DEFAULT_LOCALE;
}
