/**
 * Strict `YYYY-MM-DD` calendar dates, apart from `./time` (which re-exports them) so that a page
 * checking a date field, e.g. for a holiday warning, does not download the date formatting code
 * (issue 12).
 */

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A strict `YYYY-MM-DD` date as epoch ms at 00:00 UTC; null if malformed or not a real date (e.g.
 * 2025-02-30). Calendar-date arithmetic needs no time zone, so it runs on UTC midnights with plain
 * `Date` maths: that keeps the Temporal polyfill out of the browser bundle for most pages.
 */
export function parsePlainDate(date: string): number | null {
  if (typeof date !== "string" || !DATE_RE.test(date)) return null;
  const [year, month, day] = date.split("-").map(Number);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return null;
  }
  return ms;
}

/** True for a real calendar date written as `YYYY-MM-DD`. */
export function isValidDateString(date: string): boolean {
  return parsePlainDate(date) !== null;
}
