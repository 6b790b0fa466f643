/** The school-holiday calendar (Copenhagen calendar dates as YYYY-MM-DD text, both ends included). */
import type { DB } from "../connection";

export interface HolidayRow {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
  updatedAt: string;
}

const columns = ["id", "name", "starts_on", "ends_on", "updated_at"] as const;

function toHoliday(row: {
  id: number;
  name: string;
  starts_on: string;
  ends_on: string;
  updated_at: string;
}): HolidayRow {
  return {
    id: row.id,
    name: row.name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    updatedAt: row.updated_at,
  };
}

/** Holidays that overlap [from, to] (dates), in date order. */
export async function listHolidaysBetween(db: DB, from: string, to: string): Promise<HolidayRow[]> {
  const rows = await db
    .selectFrom("holidays")
    .select(columns)
    .where("starts_on", "<=", to)
    .where("ends_on", ">=", from)
    .orderBy("starts_on")
    .orderBy("id")
    .execute();
  return rows.map(toHoliday);
}

export async function findHoliday(db: DB, id: number): Promise<HolidayRow | undefined> {
  const row = await db
    .selectFrom("holidays")
    .select(columns)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toHoliday(row) : undefined;
}

export async function insertHoliday(
  db: DB,
  holiday: { name: string; startsOn: string; endsOn: string; now: string },
): Promise<number> {
  const row = await db
    .insertInto("holidays")
    .values({
      name: holiday.name,
      starts_on: holiday.startsOn,
      ends_on: holiday.endsOn,
      created_at: holiday.now,
      updated_at: holiday.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Updates only if `updated_at` still is `expectedUpdatedAt` (stale forms change nothing). */
export async function updateHolidayIfUnchanged(
  db: DB,
  id: number,
  expectedUpdatedAt: string,
  values: { name: string; startsOn: string; endsOn: string; updatedAt: string },
): Promise<boolean> {
  const result = await db
    .updateTable("holidays")
    .set({
      name: values.name,
      starts_on: values.startsOn,
      ends_on: values.endsOn,
      updated_at: values.updatedAt,
    })
    .where("id", "=", id)
    .where("updated_at", "=", expectedUpdatedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteHolidayIfUnchanged(
  db: DB,
  id: number,
  expectedUpdatedAt: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom("holidays")
    .where("id", "=", id)
    .where("updated_at", "=", expectedUpdatedAt)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
