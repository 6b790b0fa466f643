/**
 * The annual report's text sections, without the report's schemas (no zod), so the report page
 * downloads the validation library only if it needs it (issue 12).
 */
export const REPORT_SECTIONS = ["summary", "pilot", "expertGroup", "nextYear"] as const;
export type ReportSectionKey = (typeof REPORT_SECTIONS)[number];
export const MAX_SECTION_LENGTH = 20_000;
