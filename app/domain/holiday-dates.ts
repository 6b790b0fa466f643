/**
 * Which holiday a date falls in, without the holiday form's schema (no zod), so a form can warn
 * about a holiday at once without downloading the validation library (issue 12).
 */

import { isValidDateString } from "./calendar-dates";
import type { HolidayRange } from "./holidays";

/** The holiday (first by start date) that `date` falls in, if any. */
export function holidayOn<T extends HolidayRange>(
  date: string,
  holidays: readonly T[],
): T | undefined {
  if (!isValidDateString(date)) return undefined;
  return holidays.find((holiday) => holiday.startsOn <= date && date <= holiday.endsOn);
}
