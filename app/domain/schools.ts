/**
 * Schools as the coordinator edits them: the form schema (shared by the form and its action) and
 * the before/after diff that goes into the audit log. Pure: no I/O.
 *
 * Messages in schemas are message keys from `app/i18n/catalogue.ts` (prefix `schoolAdmin.`).
 */
import { z } from "zod";
import { checkboxField, optionalIntField, textField } from "./courses";

/** Pilot cohorts are years; the database allows 2000-2100. */
export const PILOT_COHORT_MIN = 2000;
export const PILOT_COHORT_MAX = 2100;

function optionalText(max: number, tooLong: string) {
  return z.preprocess((value) => value ?? "", textField(max, tooLong));
}

export const schoolFormSchema = z
  .object({
    name: textField(120, "schoolAdmin.name.tooLong", "schoolAdmin.name.required"),
    district: optionalText(80, "schoolAdmin.district.tooLong"),
    address: optionalText(200, "schoolAdmin.address.tooLong"),
    /** Empty means "no pilot cohort" (a standard school). */
    pilotCohort: optionalIntField(
      PILOT_COHORT_MIN,
      PILOT_COHORT_MAX,
      "schoolAdmin.pilotCohort.invalid",
    ),
    active: checkboxField,
  })
  .transform((school) => ({ ...school, pilotCohort: school.pilotCohort ?? null }));

export type SchoolFormInput = z.input<typeof schoolFormSchema>;
export type SchoolFormValues = z.output<typeof schoolFormSchema>;

/** The editable facts of a school, in the form's terms. */
export type SchoolFields = {
  name: string;
  district: string;
  address: string;
  pilotCohort: number | null;
  active: boolean;
};

export const SCHOOL_FIELDS = ["name", "district", "address", "pilotCohort", "active"] as const;
export type SchoolField = (typeof SCHOOL_FIELDS)[number];

export type SchoolChanges = {
  before: Partial<SchoolFields>;
  after: Partial<SchoolFields>;
};

/**
 * The fields that differ between `before` and `after`, each with its old and new value (what the
 * audit log records); null when nothing changed.
 */
export function schoolChanges(before: SchoolFields, after: SchoolFields): SchoolChanges | null {
  const changes: SchoolChanges = { before: {}, after: {} };
  let changed = false;
  for (const field of SCHOOL_FIELDS) {
    if (before[field] !== after[field]) {
      (changes.before as Record<string, unknown>)[field] = before[field];
      (changes.after as Record<string, unknown>)[field] = after[field];
      changed = true;
    }
  }
  return changed ? changes : null;
}

/** Reads the `{ before, after }` details of an audit entry back; anything malformed gives []. */
export function auditFieldChanges(
  details: unknown,
): Array<{ field: string; before: unknown; after: unknown }> {
  if (!details || typeof details !== "object") return [];
  const { before, after } = details as { before?: unknown; after?: unknown };
  if (!before || !after || typeof before !== "object" || typeof after !== "object") return [];
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields].map((field) => ({
    field,
    before: (before as Record<string, unknown>)[field],
    after: (after as Record<string, unknown>)[field],
  }));
}
