/**
 * The school-holiday calendar: the coordinator's page (list per year, add, edit, delete; audited;
 * stale forms refused) and the lookups the request form and the scheduling page warn with.
 */

import type { DB } from "../../db/connection";
import { insertAuditEntry, listAuditEntries } from "../../db/queries/audit";
import {
  deleteHolidayIfUnchanged,
  findHoliday,
  type HolidayRow,
  insertHoliday,
  listHolidaysBetween,
  updateHolidayIfUnchanged,
} from "../../db/queries/holidays";
import { writeTransaction } from "../../db/write-transaction";
import type { FieldErrors } from "../domain/forms";
import type { HolidayFormValues } from "../domain/holidays";
import { addDays, todayInCopenhagen } from "../domain/time";
import type { CurrentUser } from "../lib/guards.server";
import { nextTimestamp } from "./course-admin.server";
import { forbidden, found, type NotFound, notFound } from "./result";

export type { HolidayRow };

export type HolidaySaveResult =
  | { ok: true; id: number }
  | { ok: false; errors: FieldErrors }
  | NotFound;

const STALE = { ok: false as const, errors: { _form: "holidays.stale" } satisfies FieldErrors };

/** Holidays touching the days from `from` for `days` days (for warnings; no permission needed). */
export function holidaysAhead(db: DB, from: string, days: number): Promise<HolidayRow[]> {
  return listHolidaysBetween(db, from, addDays(from, days));
}

/**
 * The holidays a date picked on a staff form can fall in (a month back to a year and a month
 * ahead), as plain ranges for the page to warn with.
 */
export async function holidaysForDatePicking(db: DB, now: Date = new Date()) {
  const today = todayInCopenhagen(now);
  const rows = await listHolidaysBetween(db, addDays(today, -31), addDays(today, 400));
  return rows.map(({ name, startsOn, endsOn }) => ({ name, startsOn, endsOn }));
}

/** Holidays that overlap [from, to]. */
export function holidaysBetween(db: DB, from: string, to: string): Promise<HolidayRow[]> {
  return listHolidaysBetween(db, from, to);
}

/** The coordinator's list for one calendar year (holidays starting or ending in it). */
export async function loadHolidaysPage(db: DB, actor: CurrentUser, year: number) {
  if (forbidden(actor, "holiday.manage")) return notFound();
  return found({
    year,
    holidays: await listHolidaysBetween(db, `${year}-01-01`, `${year}-12-31`),
  });
}

export async function loadHolidayForEdit(db: DB, actor: CurrentUser, id: number) {
  const holiday = forbidden(actor, "holiday.manage") ? undefined : await findHoliday(db, id);
  if (!holiday) return notFound();
  const history = await listAuditEntries(db, "holiday", id);
  return found({ holiday, history });
}

export async function createHoliday(
  db: DB,
  actor: CurrentUser,
  input: HolidayFormValues,
  now: Date = new Date(),
): Promise<HolidaySaveResult> {
  if (forbidden(actor, "holiday.manage")) return notFound();
  const id = await writeTransaction(db, async (trx) => {
    const created = await insertHoliday(trx, { ...input, now: now.toISOString() });
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "holiday.created",
      entityType: "holiday",
      entityId: created,
      details: { ...input },
    });
    return created;
  });
  return { ok: true, id };
}

/** Saves over a holiday unless it changed since the form was opened (`expectedUpdatedAt`). */
export async function updateHoliday(
  db: DB,
  actor: CurrentUser,
  id: number,
  input: HolidayFormValues,
  expectedUpdatedAt: string,
  now: Date = new Date(),
): Promise<HolidaySaveResult> {
  if (forbidden(actor, "holiday.manage")) return notFound();
  return writeTransaction(db, async (trx): Promise<HolidaySaveResult> => {
    const current = await findHoliday(trx, id);
    if (!current) return notFound();
    if (current.updatedAt !== expectedUpdatedAt) return STALE;
    const saved = await updateHolidayIfUnchanged(trx, id, expectedUpdatedAt, {
      ...input,
      updatedAt: nextTimestamp(current.updatedAt, now),
    });
    if (!saved) return STALE;
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "holiday.updated",
      entityType: "holiday",
      entityId: id,
      details: {
        before: { name: current.name, startsOn: current.startsOn, endsOn: current.endsOn },
        after: { ...input },
      },
    });
    return { ok: true as const, id };
  });
}

/** Deletes a holiday unless it changed since the page was opened. */
export async function deleteHoliday(
  db: DB,
  actor: CurrentUser,
  id: number,
  expectedUpdatedAt: string,
): Promise<HolidaySaveResult> {
  if (forbidden(actor, "holiday.manage")) return notFound();
  return writeTransaction(db, async (trx): Promise<HolidaySaveResult> => {
    const current = await findHoliday(trx, id);
    if (!current) return notFound();
    if (!(await deleteHolidayIfUnchanged(trx, id, expectedUpdatedAt))) return STALE;
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "holiday.deleted",
      entityType: "holiday",
      entityId: id,
      details: { name: current.name, startsOn: current.startsOn, endsOn: current.endsOn },
    });
    return { ok: true as const, id };
  });
}
