/**
 * What a course can be: audiences, languages, grades. Constants only, no zod, so a page that
 * only lists or filters courses does not download the validation library (issue 12).
 */
export const AUDIENCES = ["pupils", "staff", "parents"] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * Languages a course can be offered in (and a school can ask for). Codes are ISO 639-1 where one
 * exists; Dari has none, so it uses ISO 639-3 "prs" (Farsi is "fa").
 */
export const COURSE_LANGUAGES = ["da", "en", "ar", "so", "ur", "tr", "fa", "prs"] as const;
export type CourseLanguage = (typeof COURSE_LANGUAGES)[number];

export const GRADE_MIN = 0;
export const GRADE_MAX = 10;
export const DEFAULT_LEAD_TIME_DAYS = 14;
export const SLUG_MAX_LENGTH = 80;

export function isAudience(value: unknown): value is Audience {
  return typeof value === "string" && (AUDIENCES as readonly string[]).includes(value);
}

export function isCourseLanguage(value: unknown): value is CourseLanguage {
  return typeof value === "string" && (COURSE_LANGUAGES as readonly string[]).includes(value);
}
