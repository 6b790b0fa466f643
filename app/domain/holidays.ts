/**
 * The school-holiday calendar: named date ranges (Copenhagen calendar dates, both ends included)
 * on which schools are closed. A date window or a session on such a day is *warned about*, never
 * refused: a parent evening in a holiday week can be what a school wants.
 *
 * The default calendar follows the rules of Copenhagen's guideline holiday plan ("Vejledende
 * ferieplan for skoleåret i Københavns Kommune", Børne- og Ungdomsforvaltningen):
 * - winter break: ISO week 7, Monday-Friday;
 * - Easter: Monday of Holy Week to Easter Monday (2. påskedag);
 * - 1 May and Constitution Day (5 June) are days off;
 * - Ascension (Kristi himmelfartsdag, Easter + 39) and the Friday after;
 * - Whit Monday (2. pinsedag, Easter + 50);
 * - summer: from the last Saturday of June, six weeks (school starts six weeks after);
 * - autumn break: ISO week 42, Monday-Friday;
 * - Christmas: 21 December to 3 January ("weekdays between Christmas and New Year are days off";
 *   the plans vary the first and last day by a day or two each year, so check the year's plan);
 * - Great Prayer Day (store bededag) was abolished from 2024, but the 2023/24 plan kept
 *   26 April 2024 as a day off.
 * Easter comes from `date-easter` (Gregorian computus); the tests check it against published dates.
 * Schools plan their own days within these rules, so the coordinator can edit every entry.
 *
 * Messages are message keys from `app/i18n/holidays.ts` (prefix `holidays.`). Pure: no I/O.
 */

import { easter } from "date-easter";
import { z } from "zod";
import type { MessageKey } from "../i18n";
import { textField, whenObject } from "./courses";
import { holidayOn } from "./holiday-dates";
import { addDays, daysBetween, isValidDateString, pad2 } from "./time";

export { holidayOn };

export interface HolidayRange {
  name: string;
  /** YYYY-MM-DD, first day off. */
  startsOn: string;
  /** YYYY-MM-DD, last day off (the same as `startsOn` for one day). */
  endsOn: string;
}

/** Gregorian Easter Sunday of `year` as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  const date = easter(year);
  return `${date.year}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** The Monday of ISO week `week` of `year` (week 1 holds 4 January). */
export function isoWeekMonday(year: number, week: number): string {
  const jan4 = `${year}-01-04`;
  const weekday = (new Date(`${jan4}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(jan4, -weekday + (week - 1) * 7);
}

function lastSaturdayOfJune(year: number): string {
  const june30 = `${year}-06-30`;
  const weekday = new Date(`${june30}T00:00:00Z`).getUTCDay(); // Saturday = 6
  return addDays(june30, -((weekday + 1) % 7));
}

/** The default holidays that start in calendar year `year`, in date order. */
export function copenhagenDefaultHolidays(year: number): HolidayRange[] {
  const easterDay = easterSunday(year);
  const week7 = isoWeekMonday(year, 7);
  const week42 = isoWeekMonday(year, 42);
  const summerStart = lastSaturdayOfJune(year);
  const day = (name: string, date: string): HolidayRange => ({
    name,
    startsOn: date,
    endsOn: date,
  });
  const holidays: HolidayRange[] = [
    { name: "Vinterferie (uge 7)", startsOn: week7, endsOn: addDays(week7, 4) },
    { name: "Påskeferie", startsOn: addDays(easterDay, -6), endsOn: addDays(easterDay, 1) },
    ...(year === 2024 ? [day("Store bededag (skoleåret 2023/24)", "2024-04-26")] : []),
    day("1. maj", `${year}-05-01`),
    {
      name: "Kristi himmelfart",
      startsOn: addDays(easterDay, 39),
      endsOn: addDays(easterDay, 40),
    },
    day("2. pinsedag", addDays(easterDay, 50)),
    day("Grundlovsdag", `${year}-06-05`),
    { name: "Sommerferie", startsOn: summerStart, endsOn: addDays(summerStart, 6 * 7 - 1) },
    { name: "Efterårsferie (uge 42)", startsOn: week42, endsOn: addDays(week42, 4) },
    { name: "Juleferie", startsOn: `${year}-12-21`, endsOn: `${year + 1}-01-03` },
  ];
  return holidays.sort((a, b) => a.startsOn.localeCompare(b.startsOn));
}

/** The default holidays touching the calendar years `fromYear` to `toYear` (e.g. the Christmas
 * holiday that starts the year before), in date order. */
export function copenhagenDefaultCalendar(fromYear: number, toYear: number): HolidayRange[] {
  const first = `${fromYear}-01-01`;
  const last = `${toYear}-12-31`;
  const all: HolidayRange[] = [];
  for (let year = fromYear - 1; year <= toYear; year++)
    all.push(...copenhagenDefaultHolidays(year));
  return all.filter((holiday) => holiday.endsOn >= first && holiday.startsOn <= last);
}

export interface HolidayWarning {
  /** Form path of the date, e.g. "windows.1.date". */
  path: string;
  date: string;
  holiday: string;
}

/** One warning per preferred window whose date is in a holiday (windows keep their form index). */
export function holidayWarnings(
  windows: ReadonlyArray<{ date: string } | null | undefined>,
  holidays: readonly HolidayRange[],
): HolidayWarning[] {
  const warnings: HolidayWarning[] = [];
  windows.forEach((window, index) => {
    if (!window) return;
    const holiday = holidayOn(window.date, holidays);
    if (holiday)
      warnings.push({ path: `windows.${index}.date`, date: window.date, holiday: holiday.name });
  });
  return warnings;
}

// ---- the coordinator's form ----

/** A holiday longer than this is a typo (the summer break is six weeks). */
export const MAX_HOLIDAY_DAYS = 62;
export const HOLIDAY_NAME_MAX = 100;

const dateField = (required: string) =>
  z
    .string({ error: required })
    .trim()
    .min(1, required)
    .refine((date) => date === "" || isValidDateString(date), "holidays.date.invalid");

export const holidayFormSchema = z
  .object({
    name: textField(HOLIDAY_NAME_MAX, "holidays.name.tooLong", "holidays.name.required"),
    startsOn: dateField("holidays.startsOn.required"),
    endsOn: dateField("holidays.endsOn.required"),
  })
  .superRefine(
    (holiday, ctx) => {
      const { startsOn, endsOn } = holiday as Partial<Record<"startsOn" | "endsOn", unknown>>;
      if (typeof startsOn !== "string" || typeof endsOn !== "string") return;
      if (!isValidDateString(startsOn) || !isValidDateString(endsOn)) return;
      const days = daysBetween(startsOn, endsOn);
      if (days < 0) {
        ctx.addIssue({
          code: "custom",
          path: ["endsOn"],
          message: "holidays.endsOn.beforeStart" satisfies MessageKey,
        });
      } else if (days + 1 > MAX_HOLIDAY_DAYS) {
        ctx.addIssue({
          code: "custom",
          path: ["endsOn"],
          message: "holidays.endsOn.tooLong" satisfies MessageKey,
        });
      }
    },
    { when: whenObject },
  );

export type HolidayFormInput = z.input<typeof holidayFormSchema>;
export type HolidayFormValues = z.output<typeof holidayFormSchema>;
