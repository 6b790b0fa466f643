/**
 * The attendance form's limits and labels, without its schema (no zod), so the session page
 * downloads the validation library only when the form is used (issue 12).
 */
import type { MessageKey } from "../i18n";
import type { Audience } from "./course-options";

/** More than any one session can hold (a whole year group at an assembly), catches typos. */
export const MAX_ATTENDANCE = 1000;
export const MAX_DELIVERY_NOTE = 1000;

/** The label key of the count field for a course audience. */
export function attendanceLabelKey(audience: Audience): MessageKey {
  return `facilitator.attendance.present.${audience}`;
}
