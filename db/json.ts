/**
 * The one decoder of JSON text columns (language lists, grades, audit details). Queries in
 * `db/queries` decode with it and return domain-typed rows, so no service, route or guard parses
 * JSON. A malformed value reads as empty (a list) or as nothing (an object) instead of failing
 * the page: these columns are written by Frirum, and a bad one should not lock anyone out.
 */

/** A JSON array column, keeping the items of the expected type. */
export function decodeJsonList<T>(
  text: string | null,
  isItem: (value: unknown) => value is T,
): T[] {
  const value = decode(text);
  return Array.isArray(value) ? value.filter(isItem) : [];
}

/** A JSON object column (e.g. audit details), or null when empty or not an object. */
export function decodeJsonObject(text: string | null): Record<string, unknown> | null {
  const value = decode(text);
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

export const isString = (value: unknown): value is string => typeof value === "string";
/** Any item that is there (null and undefined dropped): lists whose items the caller checks. */
export const isPresent = (value: unknown): value is NonNullable<unknown> =>
  value !== null && value !== undefined;
export const isNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

function decode(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A row with its `languages` JSON column decoded (courses, users). */
export function withLanguageList<R extends { languages: string }>(
  row: R,
): Omit<R, "languages"> & { languages: string[] } {
  return { ...row, languages: decodeJsonList(row.languages, isString) };
}
