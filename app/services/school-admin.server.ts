import type { DB } from "../../db/connection";
import { insertAuditEntry, listAuditEntries } from "../../db/queries/audit";
import {
  findSchoolById,
  listSchoolsWithRequestCounts,
  updateSchoolIfUnchanged,
} from "../../db/queries/schools";
import type { School } from "../../db/schema";
import { writeTransaction } from "../../db/write-transaction";
import type { FieldErrors } from "../domain/forms";
import {
  auditFieldChanges,
  type SchoolFields,
  type SchoolFormValues,
  schoolChanges,
} from "../domain/schools";
import type { CurrentUser } from "../lib/guards.server";
import { nextTimestamp } from "./course-admin.server";
import { forbidden, found, type NotFound, notFound } from "./result";

export type SchoolSaveResult =
  | { ok: true; changed: boolean }
  | { ok: false; errors: FieldErrors; currentUpdatedAt?: string }
  | NotFound;

function schoolFields(school: School): SchoolFields {
  return {
    name: school.name,
    district: school.district,
    address: school.address,
    pilotCohort: school.pilot_cohort,
    active: school.active === 1,
  };
}

/** The school form's initial values (strings, as the form holds them). */
export function schoolFormValues(school: School) {
  return {
    name: school.name,
    district: school.district,
    address: school.address,
    pilotCohort: school.pilot_cohort === null ? "" : String(school.pilot_cohort),
    active: school.active === 1,
  };
}

async function findSchool(db: DB, schoolId: number): Promise<School | undefined> {
  return Number.isSafeInteger(schoolId) ? await findSchoolById(db, schoolId) : undefined;
}

export async function loadSchoolList(db: DB, actor: CurrentUser) {
  if (forbidden(actor, "school.manage")) return notFound();
  return found({ schools: await listSchoolsWithRequestCounts(db) });
}

/** One school with its form values and audit history (newest first); unknown ids are a 404. */
export async function loadSchoolForEdit(db: DB, actor: CurrentUser, schoolId: number) {
  const school = forbidden(actor, "school.manage") ? undefined : await findSchool(db, schoolId);
  if (!school) return notFound();
  const entries = await listAuditEntries(db, "school", schoolId);
  const history = entries.map((entry) => {
    // A malformed row (null details) shows without field changes.
    const details: unknown = entry.details ?? {};
    return {
      id: entry.id,
      action: entry.action,
      actorName: entry.actor_name,
      createdAt: entry.created_at,
      changes: auditFieldChanges(details),
    };
  });
  return found({ school, values: schoolFormValues(school), history });
}

/**
 * Saves the form over the school and writes the changed fields (before and after) to the audit
 * log in the same transaction. Refused when the school changed since the form was opened
 * (`expectedUpdatedAt`); nothing is written when nothing changed.
 */
export async function updateSchool(
  db: DB,
  actor: CurrentUser,
  schoolId: number,
  input: SchoolFormValues,
  expectedUpdatedAt: string,
): Promise<SchoolSaveResult> {
  const current = forbidden(actor, "school.manage") ? undefined : await findSchool(db, schoolId);
  if (!current) return notFound();
  const stale = {
    ok: false as const,
    errors: { _form: "schoolAdmin.stale" } satisfies FieldErrors,
    currentUpdatedAt: current.updated_at,
  };
  if (current.updated_at !== expectedUpdatedAt) return stale;
  const changes = schoolChanges(schoolFields(current), input);
  if (!changes) return { ok: true, changed: false };
  const saved = await writeTransaction(db, async (trx) => {
    const updated = await updateSchoolIfUnchanged(trx, schoolId, expectedUpdatedAt, {
      name: input.name,
      district: input.district,
      address: input.address,
      pilot_cohort: input.pilotCohort,
      active: input.active ? 1 : 0,
      updated_at: nextTimestamp(current.updated_at),
    });
    if (!updated) return false;
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "school.updated",
      entityType: "school",
      entityId: schoolId,
      details: changes,
    });
    return true;
  });
  if (!saved) {
    const latest = await findSchoolById(db, schoolId);
    return { ...stale, currentUpdatedAt: latest?.updated_at };
  }
  return { ok: true, changed: true };
}
