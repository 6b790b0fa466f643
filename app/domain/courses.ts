/**
 * Catalogue courses: audiences, languages, the course form schema (shared by the coordinator's form
 * and its action), slugs and the catalogue filter. Pure: no I/O.
 *
 * Messages in schemas are message keys from `app/i18n/requests.ts` (prefix `course.`).
 */

import { z } from "zod";
import type { MessageKey } from "../i18n";
import {
  AUDIENCES,
  type Audience,
  COURSE_LANGUAGES,
  DEFAULT_LEAD_TIME_DAYS,
  GRADE_MAX,
  GRADE_MIN,
  SLUG_MAX_LENGTH,
} from "./course-options";

export {
  AUDIENCES,
  type Audience,
  COURSE_LANGUAGES,
  type CourseLanguage,
  DEFAULT_LEAD_TIME_DAYS,
  GRADE_MAX,
  GRADE_MIN,
  isAudience,
  isCourseLanguage,
  SLUG_MAX_LENGTH,
} from "./course-options";

/**
 * URL slug from a title: lower case, Danish letters spelled out (æ -> ae, ø -> oe, å -> aa), other
 * accents dropped (é -> e), anything else non-alphanumeric becomes one dash; at most 80 characters,
 * cut at a word boundary when possible. Returns "" when nothing usable is left.
 */
export function slugify(title: string): string {
  const spelled = title
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
  const slug = spelled.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length <= SLUG_MAX_LENGTH) return slug;
  const cut = slug.slice(0, SLUG_MAX_LENGTH);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > 0 ? cut.slice(0, lastDash) : cut).replace(/-+$/, "");
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// ---- form field helpers (form values arrive as strings from FormData) ----

/** "" / whitespace / null -> undefined, so an empty input counts as missing. */
export function emptyToUndefined(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value === "string" && value.trim() === "") return undefined;
  return value;
}

/**
 * A whole number from a form field within [min, max]; one message key covers empty, not a number,
 * not whole and out of range (the message states the range).
 */
export function intField(min: number, max: number, message: string) {
  return z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: message }).int(message).min(min, message).max(max, message),
  );
}

/** Like `intField` but empty means "not given" (undefined). */
export function optionalIntField(min: number, max: number, message: string) {
  return z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: message }).int(message).min(min, message).max(max, message).optional(),
  );
}

/** Like `intField` but empty means `fallback`. */
export function intFieldWithDefault(min: number, max: number, fallback: number, message: string) {
  return z.preprocess(
    (value) => emptyToUndefined(value) ?? fallback,
    z.coerce.number({ error: message }).int(message).min(min, message).max(max, message),
  );
}

const TRUE_STRINGS = new Set(["on", "true", "1", "yes"]);

/** A checkbox: `true`, "on", "true", "1", "yes" are true; anything else (absent, false, "") false. */
export const checkboxField = z.preprocess(
  (value) =>
    value === true || (typeof value === "string" && TRUE_STRINGS.has(value.trim().toLowerCase())),
  z.boolean(),
);

/**
 * A list from a form: FormData gives one string per checked box (or nothing); typed values may
 * be an array (or `false` for a lone unchecked box). Always yields an array.
 */
export function toList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.filter((item) => emptyToUndefined(item) !== undefined);
  if (value === undefined || value === null || value === false) return [];
  if (typeof value === "string" && value.trim() === "") return [];
  return [value];
}

/** A trimmed text field with a maximum length; optionally required. */
export function textField(max: number, tooLong: string, required?: string) {
  const base = z.string({ error: required ?? tooLong }).trim();
  // No `abort` on the required check: an aborting issue would also skip the form's cross-field
  // refinements, and the form should show all its errors at once.
  return required ? base.min(1, required).max(max, tooLong) : base.max(max, tooLong);
}

function optionalText(max: number, tooLong: string) {
  return z.preprocess((value) => value ?? "", textField(max, tooLong));
}

/**
 * For object-level refinements: run them even when some fields failed, so a form shows all its
 * errors at once (zod skips refinements after field errors by default).
 */
export function whenObject(payload: { value: unknown }): boolean {
  return typeof payload.value === "object" && payload.value !== null;
}

// ---- course form ----

export const courseFormSchema = z
  .object({
    title: textField(120, "course.title.tooLong", "course.title.required"),
    /** Empty means "derive from the title". */
    slug: z.preprocess(
      (value) => value ?? "",
      z.string().trim().max(SLUG_MAX_LENGTH, "course.slug.invalid"),
    ),
    audience: z.enum(AUDIENCES, { error: "course.audience.required" satisfies MessageKey }),
    summary: optionalText(300, "course.summary.tooLong"),
    description: optionalText(5000, "course.description.tooLong"),
    gradeMin: optionalIntField(GRADE_MIN, GRADE_MAX, "course.grade.range"),
    gradeMax: optionalIntField(GRADE_MIN, GRADE_MAX, "course.grade.range"),
    durationMinutes: intField(15, 480, "course.durationMinutes.range"),
    maxParticipants: intField(1, 500, "course.maxParticipants.range"),
    facilitatorsNeeded: intFieldWithDefault(1, 4, 1, "course.facilitatorsNeeded.range"),
    languages: z.preprocess(
      toList,
      z
        .array(z.enum(COURSE_LANGUAGES, { error: "course.languages.invalid" satisfies MessageKey }))
        .min(1, "course.languages.required"),
    ),
    schoolProvides: optionalText(1000, "course.schoolProvides.tooLong"),
    leadTimeDays: intFieldWithDefault(0, 120, DEFAULT_LEAD_TIME_DAYS, "course.leadTimeDays.range"),
    active: checkboxField,
    /** Audience of the feedback form the course uses; empty means "the course's own audience". */
    feedbackFormAudience: z.preprocess(
      emptyToUndefined,
      z
        .enum(AUDIENCES, { error: "courseAdmin.feedbackFormAudience.invalid" satisfies MessageKey })
        .optional(),
    ),
  })
  .superRefine(
    (course, ctx) => {
      // Runs even when single fields failed (see `whenObject`), so every value is checked for its
      // type before use: a failed field holds whatever was posted.
      const title = typeof course.title === "string" ? course.title.trim() : "";
      const slug = typeof course.slug === "string" && course.slug ? course.slug : slugify(title);
      if (title && !SLUG_PATTERN.test(slug)) {
        ctx.addIssue({
          code: "custom",
          path: ["slug"],
          message: "course.slug.invalid" satisfies MessageKey,
        });
      }
      if (course.audience !== "pupils") return;
      const min = emptyToUndefined(course.gradeMin);
      const max = emptyToUndefined(course.gradeMax);
      if (min === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["gradeMin"],
          message: "course.grade.required" satisfies MessageKey,
        });
      }
      if (max === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["gradeMax"],
          message: "course.grade.required" satisfies MessageKey,
        });
      }
      if (typeof min === "number" && typeof max === "number" && min > max) {
        ctx.addIssue({
          code: "custom",
          path: ["gradeMax"],
          message: "course.grade.order" satisfies MessageKey,
        });
      }
    },
    { when: whenObject },
  )
  .transform((course) => {
    const pupils = course.audience === "pupils";
    return {
      ...course,
      slug: course.slug || slugify(course.title),
      // Grades only mean something for pupil courses; other audiences store none.
      gradeMin: pupils ? (course.gradeMin ?? null) : null,
      gradeMax: pupils ? (course.gradeMax ?? null) : null,
      languages: [...new Set(course.languages)],
    };
  });

export type CourseFormInput = z.input<typeof courseFormSchema>;
export type CourseFormValues = z.output<typeof courseFormSchema>;

// ---- catalogue filter ----

export type CatalogueCourse = {
  audience: Audience;
  gradeMin: number | null;
  gradeMax: number | null;
  languages: readonly string[];
  durationMinutes: number;
};

export type CatalogueFilter = {
  audience?: Audience;
  /** A grade (0-10): only pupil courses whose range includes it match. */
  grade?: number;
  language?: string;
  /** Longest acceptable duration in minutes. */
  maxDuration?: number;
};

/**
 * Does a course pass the catalogue filter? Unset criteria match everything. A grade filter matches
 * pupil courses whose grade range includes the grade; staff and parent courses have no grades, so
 * they never match a grade filter. Whether inactive courses are shown is the query's business.
 */
export function matchesCatalogueFilter(course: CatalogueCourse, filter: CatalogueFilter): boolean {
  if (filter.audience !== undefined && course.audience !== filter.audience) return false;
  if (filter.grade !== undefined) {
    if (course.audience !== "pupils") return false;
    const min = course.gradeMin ?? GRADE_MIN;
    const max = course.gradeMax ?? GRADE_MAX;
    if (filter.grade < min || filter.grade > max) return false;
  }
  if (filter.language !== undefined && !course.languages.includes(filter.language)) return false;
  if (filter.maxDuration !== undefined && course.durationMinutes > filter.maxDuration) return false;
  return true;
}
