/**
 * Copenhagen wall time <-> UTC instants, with the real time-zone database (the ICU data behind
 * `Intl`, the same the Temporal polyfill used to read), never fixed offsets. Split from `./time`
 * so that pages which only format dates do not ship these to the browser.
 *
 * Conversions are on every request's path (feedback answers, schedules), so both directions keep
 * their recent answers: a wall time's instant never changes (the zone rules are fixed while the
 * process runs).
 */
import { APP_TIME_ZONE, isValidTimeString, pad2, parsePlainDate, utcToEpochMs } from "./time";

export type TimeErrorKey = "time.nonexistent" | "time.invalid";

export type CopenhagenToUtcResult = { ok: true; utc: string } | { ok: false; error: TimeErrorKey };

/** Copenhagen wall clock fields of an instant (24-hour, Gregorian, 4-digit years). */
const copenhagenWall = new Intl.DateTimeFormat("en-US", {
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
/** Recent answers of each direction (the oldest dropped first). */
const CONVERSION_CACHE_SIZE = 5_000;
const toUtcCache = new Map<string, CopenhagenToUtcResult>();
const toCopenhagenCache = new Map<string, { date: string; time: string }>();

/**
 * Convert a Copenhagen wall date and time to a UTC instant.
 * - A time in the spring-forward gap (e.g. 02:30 on 2025-03-30) does not exist: `time.nonexistent`.
 * - A time in the fall-back overlap (e.g. 02:30 on 2025-10-26) resolves to its FIRST occurrence
 *   (still summer time, UTC+2).
 * - Malformed input: `time.invalid`.
 */
export function copenhagenToUtc(date: string, time: string): CopenhagenToUtcResult {
  if (parsePlainDate(date) === null || !isValidTimeString(time)) {
    return { ok: false, error: "time.invalid" };
  }
  const key = `${date}T${time}`;
  const cached = toUtcCache.get(key);
  if (cached) return cached;
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset (wall minus UTC, ms) at an instant.
  const offsetAt = (instant: number): number => {
    const f: Record<string, number> = {};
    for (const part of copenhagenWall.formatToParts(instant)) f[part.type] = Number(part.value);
    return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - instant;
  };
  // The offsets in force a day either side of the wall time (Copenhagen changes at most once a
  // day); an instant is the wall time's if the zone's offset then is the one it was computed
  // with. Two such instants: an overlap (take the earlier); none: a gap (the time does not exist).
  const instants = [...new Set([offsetAt(wall - 86_400_000), offsetAt(wall + 86_400_000)])]
    .map((offset) => ({ offset, instant: wall - offset }))
    .filter(({ offset, instant }) => offsetAt(instant) === offset)
    .map(({ instant }) => instant);
  const result: CopenhagenToUtcResult =
    instants.length > 0
      ? { ok: true, utc: new Date(Math.min(...instants)).toISOString() }
      : { ok: false, error: "time.nonexistent" };
  if (toUtcCache.size >= CONVERSION_CACHE_SIZE) toUtcCache.clear();
  toUtcCache.set(key, result);
  return result;
}

/** The Copenhagen wall date (`YYYY-MM-DD`) and time (`HH:MM`) of a UTC instant. */
export function utcToCopenhagen(utcIso: string): { date: string; time: string } {
  const cached = toCopenhagenCache.get(utcIso);
  if (cached) return { ...cached };
  const f: Record<string, string> = {};
  for (const part of copenhagenWall.formatToParts(utcToEpochMs(utcIso))) f[part.type] = part.value;
  const result = {
    date: `${f.year.padStart(4, "0")}-${pad2(Number(f.month))}-${pad2(Number(f.day))}`,
    time: `${pad2(Number(f.hour))}:${pad2(Number(f.minute))}`,
  };
  if (toCopenhagenCache.size >= CONVERSION_CACHE_SIZE) toCopenhagenCache.clear();
  toCopenhagenCache.set(utcIso, result);
  return { ...result };
}
