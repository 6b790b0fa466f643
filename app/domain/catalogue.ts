/**
 * The public catalogue's filter as it travels in the URL (a GET form, so it works without
 * JavaScript and can be bookmarked). Pure: no I/O.
 */
import { GRADE_MAX, GRADE_MIN, isAudience, isCourseLanguage } from "./course-options";
import type { CatalogueFilter } from "./courses";

/** The "longest duration" choices offered in the filter, in minutes. */
export const DURATION_OPTIONS = [60, 90, 120, 180] as const;

const WHOLE_NUMBER = /^\d{1,4}$/;

/**
 * Reads `audience`, `grade`, `language` and `maxDuration` from the query string. Unknown or
 * malformed values are ignored (treated as "any"), so a hand-edited URL never fails.
 */
export function parseCatalogueFilter(params: URLSearchParams): CatalogueFilter {
  const filter: CatalogueFilter = {};
  const audience = params.get("audience");
  if (isAudience(audience)) filter.audience = audience;
  const grade = params.get("grade")?.trim() ?? "";
  if (WHOLE_NUMBER.test(grade)) {
    const value = Number(grade);
    if (value >= GRADE_MIN && value <= GRADE_MAX) filter.grade = value;
  }
  const language = params.get("language");
  if (isCourseLanguage(language)) filter.language = language;
  const maxDuration = params.get("maxDuration")?.trim() ?? "";
  if (WHOLE_NUMBER.test(maxDuration) && Number(maxDuration) > 0) {
    filter.maxDuration = Number(maxDuration);
  }
  return filter;
}

/** True when no criterion is set. */
export function isEmptyFilter(filter: CatalogueFilter): boolean {
  return Object.values(filter).every((value) => value === undefined);
}
