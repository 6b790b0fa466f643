/**
 * Copenhagen wall time <-> UTC instants, calendar-date arithmetic and display formatting.
 *
 * Pure and independent of the process time zone (`process.env.TZ`): zone conversions live in
 * `./timezone` (Temporal polyfill, kept out of most browser bundles); display formatting uses
 * `Intl.DateTimeFormat` with an explicit `timeZone`. Never use `Date#getHours()` and friends here.
 *
 * Conventions:
 * - a calendar date is a `YYYY-MM-DD` string (a Copenhagen wall date);
 * - a wall time is an `HH:MM` string (24-hour);
 * - an instant is a UTC ISO string as produced by `Date#toISOString()`, e.g. `2025-03-29T09:00:00.000Z`.
 */

import { isValidDateString, parsePlainDate } from "./calendar-dates";

export { isValidDateString, parsePlainDate };

export const APP_TIME_ZONE = "Europe/Copenhagen";

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function requirePlainDate(date: string): number {
  const parsed = parsePlainDate(date);
  if (parsed === null) throw new RangeError(`Invalid date (expected YYYY-MM-DD): ${String(date)}`);
  return parsed;
}

const DAY_MS = 86_400_000;

function plainDateFromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** True for a 24-hour `HH:MM` wall time (00:00-23:59). */
export function isValidTimeString(time: string): boolean {
  return typeof time === "string" && TIME_RE.test(time);
}

/**
 * Parse an instant that carries an explicit offset (`Z` or `+01:00`) into epoch milliseconds.
 * Throws on strings without an offset: `new Date("2025-03-29T09:00")` would silently read them
 * in the server's zone.
 */
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

export function utcToEpochMs(utcIso: string): number {
  const ms =
    typeof utcIso === "string" && INSTANT_RE.test(utcIso) ? Date.parse(utcIso) : Number.NaN;
  if (Number.isNaN(ms))
    throw new RangeError(`Invalid instant (expected an ISO time with offset): ${String(utcIso)}`);
  return ms;
}

function epochMsToIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Add (or, when negative, subtract) exact minutes to an instant. */
export function addMinutes(utcIso: string, minutes: number): string {
  return epochMsToIso(utcToEpochMs(utcIso) + minutes * 60_000);
}

/**
 * Whether two half-open intervals [aStart, aEnd) and [bStart, bEnd) overlap. Back-to-back intervals
 * do not overlap, unless `bufferMinutes` > 0 demands that much free time between them.
 */
export function overlaps(
  aStart: string,
  aEnd: string,
  bStart: string,
  bEnd: string,
  bufferMinutes = 0,
): boolean {
  const buffer = bufferMinutes * 60_000;
  return (
    utcToEpochMs(aStart) < utcToEpochMs(bEnd) + buffer &&
    utcToEpochMs(bStart) < utcToEpochMs(aEnd) + buffer
  );
}

/**
 * The one reading of Copenhagen wall-clock fields from an instant (24-hour, Gregorian, Latin
 * digits), used by `todayInCopenhagen` and by both conversions in `./timezone`.
 */
const copenhagenWallFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: APP_TIME_ZONE,
  calendar: "gregory",
  numberingSystem: "latn",
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

export interface WallFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Copenhagen wall-clock fields of an instant (epoch ms). */
export function copenhagenWallFields(epochMs: number): WallFields {
  const f: Record<string, number> = {};
  for (const part of copenhagenWallFormat.formatToParts(epochMs)) f[part.type] = Number(part.value);
  return {
    year: f.year,
    month: f.month,
    day: f.day,
    hour: f.hour,
    minute: f.minute,
    second: f.second,
  };
}

/**
 * A zone's date changes only at a whole quarter hour UTC: every offset in use, Copenhagen's +1 and
 * +2 included, is a multiple of 15 minutes.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
let lastToday = { quarter: Number.NaN, date: "" };

/**
 * Today's date in Copenhagen (`YYYY-MM-DD`) at the instant `now`. Remembered for the quarter hour:
 * pages ask on every request, and reading the zone's fields costs 20-30 µs.
 */
export function todayInCopenhagen(now: Date): string {
  const ms = now.getTime();
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  if (quarter === lastToday.quarter) return lastToday.date;
  const f = copenhagenWallFields(ms);
  const date = `${String(f.year).padStart(4, "0")}-${pad2(f.month)}-${pad2(f.day)}`;
  if (!Number.isNaN(quarter)) lastToday = { quarter, date };
  return date;
}

/** Saturday or Sunday. Throws on an invalid date. */
export function isWeekend(date: string): boolean {
  const weekday = new Date(requirePlainDate(date)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Calendar-date arithmetic: `date` plus `n` days (n may be negative). Throws on an invalid date. */
export function addDays(date: string, n: number): string {
  return plainDateFromMs(requirePlainDate(date) + n * DAY_MS);
}

/** Whole days from `a` to `b` (negative when `b` is before `a`). Throws on an invalid date. */
export function daysBetween(a: string, b: string): number {
  return Math.round((requirePlainDate(b) - requirePlainDate(a)) / DAY_MS);
}

// ---------------------------------------------------------------------------------------------
// Display formatting (always in Copenhagen time)

/** "da" and "en" map to Danish and British English (24-hour clock, day before month). */
function resolveLocale(locale: string): string {
  if (locale === "da") return "da-DK";
  if (locale === "en") return "en-GB";
  return locale;
}

const DATE_PARTS: Intl.DateTimeFormatOptions = {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
};
const TIME_PARTS: Intl.DateTimeFormatOptions = {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
};

/** A short date, e.g. "6. mar. 2026" / "6 Mar 2026" (the request lists). */
export const MEDIUM_DATE: Intl.DateTimeFormatOptions = { dateStyle: "medium" };

const formatterCache = new Map<string, Intl.DateTimeFormat>();
// Most callers pass one of the constant option objects: found by identity, without serialising
// the options for the key (a list page formats a date per row).
const formattersByOptions = new WeakMap<
  Intl.DateTimeFormatOptions,
  Map<string, Intl.DateTimeFormat>
>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let byLocale = formattersByOptions.get(options);
  let known = byLocale?.get(locale);
  if (known) return known;
  const resolved = resolveLocale(locale);
  const key = `${resolved}|${JSON.stringify(options)}`;
  known = formatterCache.get(key);
  if (!known) {
    known = new Intl.DateTimeFormat(resolved, { ...options, timeZone: APP_TIME_ZONE });
    formatterCache.set(key, known);
  }
  if (!byLocale) {
    byLocale = new Map();
    formattersByOptions.set(options, byLocale);
  }
  byLocale.set(locale, known);
  return known;
}

/** An instant, or a plain `YYYY-MM-DD` date (taken at noon Copenhagen time), as epoch ms. */
function toDisplayMs(value: string): number {
  const plain = parsePlainDate(value);
  // Noon UTC is 13:00 or 14:00 in Copenhagen: the same calendar date.
  if (plain !== null) return plain + 12 * 3_600_000;
  return utcToEpochMs(value);
}

// Dates written, by formatter: a list page writes a date per row, and the same dates come back
// request after request. Bounded like ./timezone's conversion caches: emptied when full.
const FORMATTED_DATES_KEPT = 2_000;
const formattedDates = new WeakMap<Intl.DateTimeFormat, Map<string, string>>();

/** Date only, e.g. "fredag den 6. marts 2026" / "Friday, 6 March 2026". Accepts an instant or `YYYY-MM-DD`. */
export function formatDate(
  value: string,
  locale: string,
  options: Intl.DateTimeFormatOptions = DATE_PARTS,
): string {
  const format = formatter(locale, options);
  let written = formattedDates.get(format);
  if (!written) {
    written = new Map();
    formattedDates.set(format, written);
  }
  let text = written.get(value);
  if (text === undefined) {
    text = format.format(toDisplayMs(value));
    if (written.size >= FORMATTED_DATES_KEPT) written.clear();
    written.set(value, text);
  }
  return text;
}

const LONG_DATE: Intl.DateTimeFormatOptions = { day: "numeric", month: "long", year: "numeric" };

/** Date without weekday, e.g. "6. marts 2026" / "6 March 2026" (the annual reports' dates). */
export function longDate(value: string, locale: string): string {
  return formatDate(value, locale, LONG_DATE);
}

/** Wall time only, e.g. "09.00" (da) / "09:00" (en). */
export function formatTime(utcIso: string, locale: string): string {
  return formatter(locale, TIME_PARTS).format(utcToEpochMs(utcIso));
}

/**
 * Date and time, e.g. "fredag den 6. marts 2026 kl. 09.00" / "Friday, 6 March 2026 at 09:00".
 * With `options`, formats with exactly those Intl options (the zone is always Copenhagen).
 */
export function formatDateTime(
  utcIso: string,
  locale: string,
  options?: Intl.DateTimeFormatOptions,
): string {
  if (options) return formatter(locale, options).format(utcToEpochMs(utcIso));
  return `${formatDate(utcIso, locale)}${atWord(locale)}${formatTime(utcIso, locale)}`;
}

function atWord(locale: string): string {
  const language = resolveLocale(locale).slice(0, 2).toLowerCase();
  if (language === "da") return " kl. ";
  if (language === "en") return " at ";
  return " ";
}

/**
 * A session's time span, e.g. "fredag den 6. marts 2026 kl. 09.00–10.30" /
 * "Friday, 6 March 2026 at 09:00–10:30"; spans crossing midnight repeat the date:
 * "fredag den 6. marts 2026 kl. 22.00 – lørdag den 7. marts 2026 kl. 01.00".
 */
export function formatTimeRange(startIso: string, endIso: string, locale: string): string {
  const sameDay =
    todayInCopenhagen(new Date(utcToEpochMs(startIso))) ===
    todayInCopenhagen(new Date(utcToEpochMs(endIso)));
  if (sameDay) {
    return `${formatDateTime(startIso, locale)}–${formatTime(endIso, locale)}`;
  }
  return `${formatDateTime(startIso, locale)} – ${formatDateTime(endIso, locale)}`;
}
