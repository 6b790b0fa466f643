/**
 * How an unavailability block is shown, without the form's schema (no zod), so the list of blocks
 * does not download the validation library (issue 12).
 */
import { addDays } from "./time";
import { utcToCopenhagen } from "./timezone";

export type BlockDescription =
  | { allDay: true; firstDay: string; lastDay: string }
  | { allDay: false };

/** Whole-day blocks (midnight to midnight, Copenhagen) are shown as days, others as a time span. */
export function describeBlock(startsAt: string, endsAt: string): BlockDescription {
  const start = utcToCopenhagen(startsAt);
  const end = utcToCopenhagen(endsAt);
  if (start.time === "00:00" && end.time === "00:00") {
    return { allDay: true, firstDay: start.date, lastDay: addDays(end.date, -1) };
  }
  return { allDay: false };
}
