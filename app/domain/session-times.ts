/**
 * A session's times as instants, without the scheduling schemas (no zod), for pages that show
 * them (issue 12).
 */
import { copenhagenToUtc } from "./timezone";

/** The UTC instants of a validated form's date/start/end; null if they do not convert. */
export function sessionInstants(values: {
  date: string;
  start: string;
  end: string;
}): { startUtc: string; endUtc: string } | null {
  const start = copenhagenToUtc(values.date, values.start);
  const end = copenhagenToUtc(values.date, values.end);
  if (!start.ok || !end.ok || end.utc <= start.utc) return null;
  return { startUtc: start.utc, endUtc: end.utc };
}
