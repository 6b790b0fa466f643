/**
 * Strict `YYYY-MM-DD` calendar dates, apart from `./time` (which re-exports them) so that a page
 * checking a date field, e.g. for a holiday warning, does not download the date formatting code
 * (issue 12).
 */

/** The number written by the digits `date[from..to)`, or -1 if any of them is not a digit. */
function digitsAt(date: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = date.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A strict `YYYY-MM-DD` date as epoch ms at 00:00 UTC; null if malformed or not a real date (e.g.
 * 2025-02-30). Calendar-date arithmetic needs no time zone, so it runs on UTC midnights with plain
 * `Date` maths: that keeps the Temporal polyfill out of the browser bundle for most pages.
 * Read digit by digit: list pages parse a date or two per row, and a regular expression, a split
 * and a map cost five times as much.
 */
export function parsePlainDate(date: string): number | null {
  if (typeof date !== "string" || date.length !== 10 || date[4] !== "-" || date[7] !== "-") {
    return null;
  }
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 7);
  const day = digitsAt(date, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Rolled over (2025-02-30 is 2 March) or read as 19xx (Date.UTC takes years 0-99 so).
  if (check.getUTCFullYear() !== year || check.getUTCDate() !== day) return null;
  return ms;
}

/** True for a real calendar date written as `YYYY-MM-DD`. */
export function isValidDateString(date: string): boolean {
  return parsePlainDate(date) !== null;
}
