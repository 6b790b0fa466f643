/**
 * Copenhagen wall time <-> UTC instants, with a real time-zone database (the Temporal polyfill),
 * never fixed offsets. Split from `./time` so that pages which only format dates do not ship the
 * polyfill to the browser.
 */
import { Temporal } from "temporal-polyfill";
import { APP_TIME_ZONE, isValidTimeString, pad2, parsePlainDate } from "./time";

export type TimeErrorKey = "time.nonexistent" | "time.invalid";

export type CopenhagenToUtcResult = { ok: true; utc: string } | { ok: false; error: TimeErrorKey };

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
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  const wall = Temporal.PlainDateTime.from({ year, month, day, hour, minute });
  // "earlier" picks the first of two instants in an overlap; in a gap it yields an instant whose wall
  // time differs from the requested one, which is how a nonexistent time is detected.
  const zoned = wall.toZonedDateTime(APP_TIME_ZONE, { disambiguation: "earlier" });
  if (!Temporal.PlainDateTime.compare(zoned.toPlainDateTime(), wall)) {
    return { ok: true, utc: new Date(zoned.epochMilliseconds).toISOString() };
  }
  return { ok: false, error: "time.nonexistent" };
}

/** The Copenhagen wall date (`YYYY-MM-DD`) and time (`HH:MM`) of a UTC instant. */
export function utcToCopenhagen(utcIso: string): { date: string; time: string } {
  const zoned = Temporal.Instant.from(utcIso).toZonedDateTimeISO(APP_TIME_ZONE);
  return {
    date: zoned.toPlainDate().toString(),
    time: `${pad2(zoned.hour)}:${pad2(zoned.minute)}`,
  };
}
