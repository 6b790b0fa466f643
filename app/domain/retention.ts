/**
 * How long data is kept (privacy.md). Free-text feedback comments are deleted after a configurable
 * number of months (default 24): answers are anonymous, but a comment is free text and may name
 * someone despite the warning. A response stores only the session's date (never the time of
 * answering), so a comment's age is judged by that date. Expired sign-in links and sessions are
 * deleted as well. Pure: the clock is passed in.
 */
export const DEFAULT_COMMENT_RETENTION_MONTHS = 24;

/** `date` (YYYY-MM-DD) minus `months` calendar months; a missing day clamps to the month's end. */
export function subtractMonths(date: string, months: number): string {
  const [year, month, day] = date.split("-").map(Number);
  const index = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${targetYear}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}

/** Comments of sessions dated before this day are deleted (today minus the retention period). */
export function commentCutoffDate(today: string, months: number): string {
  return subtractMonths(today, months);
}
