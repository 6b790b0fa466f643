/**
 * Copenhagen's school holidays as a fixed pattern, so that demo dates (preferred windows,
 * sessions) fall on school days: Christmas (19 December - 4 January), winter break (ISO week 7),
 * Easter (the Saturday before Palm Sunday to Easter Monday), Ascension Thursday and the Friday
 * after, Whit Monday, Constitution Day (5 June), summer (20 June - 10 August) and the autumn
 * break (ISO week 42). Easter comes from `easterSunday` (app/domain/holidays.ts).
 *
 * This is for placing demo data only; the coordinator's holiday calendar is the source of truth
 * for the request form and the scheduling page.
 */
import { easterSunday } from "../app/domain/holidays";
import { addDays, isWeekend, parsePlainDate } from "../app/domain/time";

function isoWeek(date: string): number {
  const ms = parsePlainDate(date);
  if (ms === null) throw new RangeError(`Invalid date: ${date}`);
  const day = new Date(ms);
  // The Thursday of the same ISO week decides the year; week 1 holds the year's first Thursday.
  const weekday = (day.getUTCDay() + 6) % 7;
  const thursday = new Date(ms + (3 - weekday) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return 1 + Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000));
}

/** True when `date` (YYYY-MM-DD) is in a Copenhagen school holiday (weekends not included). */
export function isDemoSchoolHoliday(date: string): boolean {
  const monthDay = date.slice(5);
  if (monthDay >= "12-19" || monthDay <= "01-04") return true;
  if (monthDay >= "06-20" && monthDay <= "08-10") return true;
  if (monthDay === "06-05") return true;
  const week = isoWeek(date);
  if (week === 7 || week === 42) return true;
  const sunday = easterSunday(Number(date.slice(0, 4)));
  if (date >= addDays(sunday, -8) && date <= addDays(sunday, 1)) return true;
  return [39, 40, 50].some((offset) => addDays(sunday, offset) === date);
}

/** A school day: not a weekend, not a school holiday. */
export function isDemoSchoolDay(date: string): boolean {
  return !isWeekend(date) && !isDemoSchoolHoliday(date);
}
