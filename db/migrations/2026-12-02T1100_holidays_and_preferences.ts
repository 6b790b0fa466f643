import { type Kysely, sql } from "kysely";
import { copenhagenDefaultCalendar } from "../../app/domain/holidays";
import { columnTypes } from "../dialect";

/**
 * - `holidays`: the school-holiday calendar (named date ranges, both ends included), seeded with
 *   Copenhagen's guideline plan for 2024-2027 (see app/domain/holidays.ts); the coordinator edits
 *   it. Dates are Copenhagen calendar dates (YYYY-MM-DD text, sortable).
 * - `users.calendar_delivery`: how a facilitator gets sessions into a calendar: emailed invites,
 *   the private feed, or both. Facilitators who already have a feed keep getting both (as before).
 * - `sign_in_tokens.redirect_to`: the page to open after signing in with that emailed link (a
 *   same-origin path, checked when it is stored and again when it is used).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable("holidays")
    .addColumn("id", "integer", t.id)
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(name) BETWEEN 1 AND 100`))
    .addColumn("starts_on", t.date, (c) => c.notNull())
    .addColumn("ends_on", t.date, (c) => c.notNull())
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addCheckConstraint("holidays_order", sql`ends_on >= starts_on`)
    .execute();
  await db.schema
    .createIndex("holidays_range_idx")
    .on("holidays")
    .columns(["starts_on", "ends_on"])
    .execute();
  const defaults = copenhagenDefaultCalendar(2024, 2027);
  await db
    .insertInto("holidays")
    .values(defaults.map((h) => ({ name: h.name, starts_on: h.startsOn, ends_on: h.endsOn })))
    .execute();

  await db.schema
    .alterTable("users")
    .addColumn("calendar_delivery", "text", (c) =>
      c.notNull().defaultTo("invites").check(sql`calendar_delivery IN ('invites','feed','both')`),
    )
    .execute();
  await db
    .updateTable("users")
    .set({ calendar_delivery: "both" })
    .where("id", "in", db.selectFrom("calendar_feeds").select("user_id"))
    .execute();

  await db.schema.alterTable("sign_in_tokens").addColumn("redirect_to", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("sign_in_tokens").dropColumn("redirect_to").execute();
  await db.schema.alterTable("users").dropColumn("calendar_delivery").execute();
  await db.schema.dropTable("holidays").execute();
}
