/**
 * Copenhagen wall time <-> UTC instants, with the real time-zone database (the ICU data behind
 * `Intl`, the same the Temporal polyfill used to read), never fixed offsets. Split from `./time`
 * so that pages which only format dates do not ship these to the browser.
 *
 * Conversions are on every request's path (feedback answers, schedules), so both directions keep
 * their recent answers: a wall time's instant never changes (the zone rules are fixed while the
 * process runs).
 */
import type { MessageKey } from "../i18n";
import {
  addDays,
  copenhagenWallFields,
  isValidTimeString,
  pad2,
  parsePlainDate,
  utcToEpochMs,
} from "./time";

export type TimeErrorKey = "time.nonexistent" | "time.invalid";

export type CopenhagenToUtcResult = { ok: true; utc: string } | { ok: false; error: TimeErrorKey };

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
    return { ok: false, error: "time.invalid" satisfies MessageKey };
  }
  const key = `${date}T${time}`;
  const cached = toUtcCache.get(key);
  if (cached) return cached;
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset (wall minus UTC, ms) at an instant.
  const offsetAt = (instant: number): number => {
    const f = copenhagenWallFields(instant);
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
      : { ok: false, error: "time.nonexistent" satisfies MessageKey };
  if (toUtcCache.size >= CONVERSION_CACHE_SIZE) toUtcCache.clear();
  toUtcCache.set(key, result);
  return result;
}

/** The Copenhagen wall date (`YYYY-MM-DD`) and time (`HH:MM`) of a UTC instant. */
export function utcToCopenhagen(utcIso: string): { date: string; time: string } {
  const cached = toCopenhagenCache.get(utcIso);
  if (cached) return { ...cached };
  const f = copenhagenWallFields(utcToEpochMs(utcIso));
  const result = {
    date: `${String(f.year).padStart(4, "0")}-${pad2(f.month)}-${pad2(f.day)}`,
    time: `${pad2(f.hour)}:${pad2(f.minute)}`,
  };
  if (toCopenhagenCache.size >= CONVERSION_CACHE_SIZE) toCopenhagenCache.clear();
  toCopenhagenCache.set(utcIso, result);
  return { ...result };
}

/** Copenhagen midnight at the start of `date` as a UTC instant (midnight always exists here). */
export function copenhagenMidnightUtc(date: string): string {
  const result = copenhagenToUtc(date, "00:00");
  if (!result.ok) throw new RangeError(`No Copenhagen midnight on ${date}`);
  return result.utc;
}

const monthRanges = new Map<string, { month: string; from: string; to: string }>();

/**
 * The Copenhagen calendar month containing the instant `utcIso`: its `YYYY-MM` and its UTC
 * half-open range [from, to) (23 or 24 hours shorter or longer in DST months; memoised).
 */
export function copenhagenMonthRange(utcIso: string): { month: string; from: string; to: string } {
  const month = utcToCopenhagen(utcIso).date.slice(0, 7);
  const cached = monthRanges.get(month);
  if (cached) return cached;
  const first = `${month}-01`;
  const range = {
    month,
    from: copenhagenMidnightUtc(first),
    to: copenhagenMidnightUtc(`${addDays(first, 32).slice(0, 7)}-01`),
  };
  monthRanges.set(month, range);
  return range;
}
