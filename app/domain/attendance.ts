/**
 * Registering a delivered session: the attendance form (one schema for the browser, through
 * `useValidatedForm`, and for the action) and the rule for when delivery may be registered. Pure: no I/O.
 *
 * The form asks for one count, whose meaning follows the course's audience: pupils present (pupil
 * workshops), professionals present (staff courses) or parents present (parent dialogues).
 * Messages are message keys from `app/i18n/facilitator.ts` (prefix `facilitator.`).
 */

import { z } from "zod";
import { attendanceLabelKey, MAX_ATTENDANCE, MAX_DELIVERY_NOTE } from "./attendance-rules";
import { type Audience, intField, textField } from "./courses";
import { utcToEpochMs } from "./time";

export { attendanceLabelKey, MAX_ATTENDANCE, MAX_DELIVERY_NOTE };

export const attendanceSchema = z.object({
  /** The session's version when the form was rendered (stale-form check). */
  version: intField(1, Number.MAX_SAFE_INTEGER, "facilitator.attendance.stale"),
  present: intField(0, MAX_ATTENDANCE, "facilitator.attendance.present.range"),
  note: z.preprocess(
    (value) => value ?? "",
    textField(MAX_DELIVERY_NOTE, "facilitator.attendance.note.tooLong"),
  ),
});

export type AttendanceInput = z.input<typeof attendanceSchema>;
export type AttendanceValues = z.output<typeof attendanceSchema>;

export type AttendanceColumn =
  | "attendance_pupils"
  | "attendance_professionals"
  | "attendance_parents";

/** Which attendance column the count of a course audience goes into. */
export function attendanceColumnFor(audience: Audience): AttendanceColumn {
  switch (audience) {
    case "pupils":
      return "attendance_pupils";
    case "staff":
      return "attendance_professionals";
    case "parents":
      return "attendance_parents";
  }
}

export type DeliveryBlocker =
  | "facilitator.attendance.notStarted"
  | "facilitator.attendance.cancelled";

/**
 * Why delivery cannot be registered now, or null when it can. Delivery is registered once the
 * session has started; a delivered session may be corrected (same form, new version).
 */
export function deliveryBlocker(
  session: { status: "scheduled" | "delivered" | "cancelled"; startsAt: string },
  now: Date,
): DeliveryBlocker | null {
  if (session.status === "cancelled") return "facilitator.attendance.cancelled";
  if (utcToEpochMs(session.startsAt) > now.getTime()) return "facilitator.attendance.notStarted";
  return null;
}
