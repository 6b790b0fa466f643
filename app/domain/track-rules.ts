/**
 * Limits of track templates and steps, without the form schemas (no zod), so a page can show them
 * without downloading the validation library (issue 12).
 */
export const MAX_TEMPLATE_NAME = 120;
export const MAX_TEMPLATE_DESCRIPTION = 1000;
export const MAX_STEP_NOTE = 500;
export const MAX_STEPS = 20;
export const MAX_SESSIONS_EXPECTED = 50;
export const MAX_GAP_DAYS = 365;
