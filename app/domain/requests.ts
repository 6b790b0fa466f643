/**
 * Course requests from schools: the status lifecycle, preferred date windows, the request form
 * schema (one schema for the browser and for the action) and the rules that need
 * the course (`checkRequestAgainstCourse`). Pure: no I/O; "today" is passed in. School holidays
 * are a warning, not a rule (see `holidayWarnings` in ./holidays).
 *
 * Messages are message keys from `app/i18n/requests.ts` (prefix `request.`).
 */

import { z } from "zod";
import type { MessageKey } from "../i18n";
import {
  type Audience,
  COURSE_LANGUAGES,
  checkboxField,
  GRADE_MAX,
  GRADE_MIN,
  intField,
  textField,
  toList,
  whenObject,
} from "./courses";
import { REQUEST_FORM_ARRAY_FIELDS } from "./form-arrays";
import { formDataToObject } from "./forms";
import {
  DAY_PARTS,
  MAX_DAYS_AHEAD,
  MAX_WINDOWS,
  type RequestWindow,
  windowTimes,
} from "./request-rules";
import { addDays, isValidDateString, isWeekend } from "./time";

export {
  ALLOWED_TRANSITIONS,
  canSchoolCancel,
  DAY_PART_TIMES,
  DAY_PARTS,
  type DayPart,
  duplicateOpenRequestWarning,
  isOpenStatus,
  MAX_DAYS_AHEAD,
  MAX_WINDOWS,
  REQUEST_STATUSES,
  type RequestStatus,
  type RequestWindow,
  type TransitionResult,
  transitionRequest,
  windowTimes,
} from "./request-rules";

const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return hours * 60 + minutes;
}

// ---- request form schema ----

const optionalTime = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z
    .string({ error: "request.window.time.invalid" satisfies MessageKey })
    .trim()
    .regex(TIME_PATTERN, "request.window.time.invalid")
    .optional(),
);

export const requestWindowSchema = z
  .object({
    date: z
      .string({ error: "request.window.date.required" satisfies MessageKey })
      .trim()
      .min(1, "request.window.date.required")
      .refine((date) => date === "" || isValidDateString(date), "request.window.date.invalid"),
    part: z.enum(DAY_PARTS, { error: "request.window.part.required" satisfies MessageKey }),
    from: optionalTime,
    to: optionalTime,
  })
  .superRefine(
    (window, ctx) => {
      if (window.part !== "custom") return;
      const from = typeof window.from === "string" ? window.from : undefined;
      const to = typeof window.to === "string" ? window.to : undefined;
      if (from === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["from"],
          message: "request.window.time.required" satisfies MessageKey,
        });
      }
      if (to === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["to"],
          message: "request.window.time.required" satisfies MessageKey,
        });
      }
      if (
        from !== undefined &&
        to !== undefined &&
        TIME_PATTERN.test(from) &&
        TIME_PATTERN.test(to) &&
        minutesOf(from) >= minutesOf(to)
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["to"],
          message: "request.window.time.order" satisfies MessageKey,
        });
      }
    },
    { when: whenObject },
  )
  // A fixed day part carries no times of its own (`windowTimes` gives its defaults).
  .transform(
    (window): RequestWindow =>
      window.part === "custom"
        ? { date: window.date, part: window.part, from: window.from, to: window.to }
        : { date: window.date, part: window.part },
  );

/** A window slot left completely empty: no date, no from, no to (a preselected part does not count). */
function isEmptyWindowSlot(slot: unknown): boolean {
  if (slot === null || slot === undefined) return true;
  if (typeof slot !== "object") return false;
  const { date, from, to } = slot as Record<string, unknown>;
  return [date, from, to].every(
    (value) =>
      value === undefined || value === null || (typeof value === "string" && !value.trim()),
  );
}

/** Danish (8 digits) or international numbers: digits and spaces, optionally a leading "+". */
export function isPhoneNumber(value: string): boolean {
  if (!/^\+?[0-9 ]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, "").length;
  return digits >= 8 && digits <= 15;
}

export const requestFormSchema = z
  .object({
    courseId: intField(1, Number.MAX_SAFE_INTEGER, "request.courseId.required"),
    groupCount: intField(1, 20, "request.groupCount.range"),
    participantsPerGroup: intField(1, 100, "request.participantsPerGroup.range"),
    /** Grades 0-10; whether they are needed and allowed depends on the course (see the rules). */
    grades: z.preprocess(
      toList,
      z
        .array(intField(GRADE_MIN, GRADE_MAX, "request.grades.invalid"))
        .transform((grades) => [...new Set(grades)].sort((a, b) => a - b)),
    ),
    /**
     * 1-3 windows. A form may show fixed slots: a slot with no date and no times is an unused slot
     * (null) and is dropped after validation, so error paths keep the slot's index.
     */
    windows: z.preprocess(
      (value) =>
        // Array.from, not map: a sparse array (slot 0 never posted) keeps its indexes.
        Array.from(Array.isArray(value) ? value : toList(value), (slot) =>
          isEmptyWindowSlot(slot) ? null : slot,
        ),
      z
        .array(requestWindowSchema.nullable())
        .superRefine(
          (slots, ctx) => {
            const used = slots.filter((slot) => slot !== null).length;
            if (used < 1)
              ctx.addIssue({ code: "custom", message: "request.windows.min" satisfies MessageKey });
            if (used > MAX_WINDOWS)
              ctx.addIssue({ code: "custom", message: "request.windows.max" satisfies MessageKey });
          },
          { when: (payload) => Array.isArray(payload.value) },
        )
        .transform((slots) => slots.filter((slot): slot is RequestWindow => slot !== null)),
    ),
    location: textField(200, "request.location.tooLong", "request.location.required"),
    contactName: textField(120, "request.contactName.tooLong", "request.contactName.required"),
    contactPhone: z
      .string({ error: "request.contactPhone.required" satisfies MessageKey })
      .trim()
      .min(1, "request.contactPhone.required")
      .refine((phone) => phone === "" || isPhoneNumber(phone), "request.contactPhone.invalid"),
    languagesNeeded: z.preprocess(
      toList,
      z
        .array(
          z.enum(COURSE_LANGUAGES, {
            error: "request.languagesNeeded.invalid" satisfies MessageKey,
          }),
        )
        .transform((languages) => [...new Set(languages)]),
    ),
    interpreterNeeded: checkboxField,
    notes: z.preprocess((value) => value ?? "", textField(2000, "request.notes.tooLong")),
    /** Ticked after the duplicate-request warning was shown (see `duplicateOpenRequestWarning`). */
    acknowledgeDuplicate: checkboxField,
  })
  .superRefine(
    (request, ctx) => {
      // An interpreter for which language? Asked here because it needs no course.
      if (
        request.interpreterNeeded === true &&
        Array.isArray(request.languagesNeeded) &&
        request.languagesNeeded.length === 0
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["languagesNeeded"],
          message: "request.interpreter.languageRequired" satisfies MessageKey,
        });
      }
    },
    { when: whenObject },
  );

export type RequestFormInput = z.input<typeof requestFormSchema>;
export type RequestFormValues = z.output<typeof requestFormSchema>;

export { REQUEST_FORM_ARRAY_FIELDS } from "./form-arrays";

/**
 * Turn a posted FormData into the object `requestFormSchema` parses (`windows.0.date`, repeated
 * `grades` and `languagesNeeded`); the browser parses its FormData the same way before sending.
 */
export function requestFormValuesFromFormData(form: FormData): Record<string, unknown> {
  return formDataToObject(form, REQUEST_FORM_ARRAY_FIELDS);
}

// ---- rules that need the course ----

export type RequestRuleCourse = {
  audience: Audience;
  gradeMin: number | null;
  gradeMax: number | null;
  maxParticipants: number;
  leadTimeDays: number;
  languages: readonly string[];
  active: boolean;
  /** When given, every window must be at least this long. */
  durationMinutes?: number;
};

export type RequestRuleInput = Pick<
  RequestFormValues,
  "participantsPerGroup" | "grades" | "windows" | "languagesNeeded" | "interpreterNeeded"
>;

export type RequestRuleIssue = {
  /** Form path, e.g. "windows.0.date", "participantsPerGroup", "grades". */
  path: string;
  message: MessageKey;
  params?: Record<string, string | number>;
};

/**
 * The request rules that need the course and "today" (YYYY-MM-DD in Copenhagen):
 * - the course is active;
 * - participants per group at most the course's maximum;
 * - pupil courses need at least one grade, all within the course's range (staff and parent
 *   courses ignore grades);
 * - languages the course is not offered in are refused unless an interpreter is asked for (then
 *   the coordinator arranges one);
 * - each window: after today and at least `leadTimeDays` ahead, at most `MAX_DAYS_AHEAD` ahead, on
 *   a weekday, long enough for the course, and not a repeat of an earlier window (same date and
 *   times). A date in a school holiday is only warned about (`holidayWarnings`): schools may want
 *   e.g. a parent evening in a holiday week.
 * Each window gets at most one date issue (the first of: past, lead time, too far, weekend,
 * duplicate). Returns [] when all is well.
 */
export function checkRequestAgainstCourse(
  input: RequestRuleInput,
  course: RequestRuleCourse,
  today: string,
): RequestRuleIssue[] {
  const issues: RequestRuleIssue[] = [];

  if (!course.active)
    issues.push({ path: "courseId", message: "request.course.inactive" satisfies MessageKey });

  if (input.participantsPerGroup > course.maxParticipants) {
    issues.push({
      path: "participantsPerGroup",
      message: "request.participantsPerGroup.overMax" satisfies MessageKey,
      params: { max: course.maxParticipants },
    });
  }

  if (course.audience === "pupils") {
    const min = course.gradeMin ?? GRADE_MIN;
    const max = course.gradeMax ?? GRADE_MAX;
    if (input.grades.length === 0) {
      issues.push({ path: "grades", message: "request.grades.required" satisfies MessageKey });
    } else if (input.grades.some((grade) => grade < min || grade > max)) {
      issues.push({
        path: "grades",
        message: "request.grades.outOfRange" satisfies MessageKey,
        params: { min, max },
      });
    }
  }

  const notOffered = input.languagesNeeded.filter(
    (language) => !course.languages.includes(language),
  );
  if (notOffered.length > 0 && !input.interpreterNeeded) {
    issues.push({
      path: "languagesNeeded",
      message: "request.languagesNeeded.notOffered" satisfies MessageKey,
      params: { languages: notOffered.join(", ") },
    });
  }

  const earliest = addDays(today, Math.max(course.leadTimeDays, 1));
  const latest = addDays(today, MAX_DAYS_AHEAD);
  const seen = new Set<string>();
  input.windows.forEach((window, index) => {
    const datePath = `windows.${index}.date`;
    const times = windowTimes(window);
    const key = `${window.date} ${times.from}-${times.to}`;
    const repeated = seen.has(key);
    seen.add(key);

    if (!isValidDateString(window.date)) {
      issues.push({ path: datePath, message: "request.window.date.invalid" satisfies MessageKey });
    } else if (window.date <= today) {
      issues.push({ path: datePath, message: "request.window.past" satisfies MessageKey });
    } else if (window.date < earliest) {
      issues.push({
        path: datePath,
        message: "request.window.leadTime" satisfies MessageKey,
        params: { days: course.leadTimeDays, earliest },
      });
    } else if (window.date > latest) {
      issues.push({
        path: datePath,
        message: "request.window.tooFar" satisfies MessageKey,
        params: { days: MAX_DAYS_AHEAD },
      });
    } else if (isWeekend(window.date)) {
      issues.push({ path: datePath, message: "request.window.weekend" satisfies MessageKey });
    } else if (repeated) {
      issues.push({ path: datePath, message: "request.window.duplicate" satisfies MessageKey });
    }

    if (
      course.durationMinutes !== undefined &&
      TIME_PATTERN.test(times.from) &&
      TIME_PATTERN.test(times.to) &&
      minutesOf(times.to) - minutesOf(times.from) < course.durationMinutes
    ) {
      issues.push({
        path: window.part === "custom" ? `windows.${index}.to` : `windows.${index}.part`,
        message: "request.window.tooShort" satisfies MessageKey,
        params: { minutes: course.durationMinutes },
      });
    }
  });

  return issues;
}
