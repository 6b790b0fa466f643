import { describe, expect, it } from "vitest";
import { parseWithSchema } from "~/domain/forms";
import {
  copenhagenDefaultCalendar,
  copenhagenDefaultHolidays,
  easterSunday,
  holidayFormSchema,
  holidayOn,
  holidayWarnings,
  isoWeekMonday,
} from "~/domain/holidays";
import { addDays, isWeekend } from "~/domain/time";

describe("easterSunday", () => {
  // Published Gregorian Easter dates (e.g. the Danish almanac and the US Naval Observatory's
  // table), including the earliest (22 March) and latest (25 April) possible dates.
  it.each([
    [1818, "1818-03-22"],
    [1943, "1943-04-25"],
    [2000, "2000-04-23"],
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2038, "2038-04-25"],
    [2285, "2285-03-22"],
  ])("Easter %i is %s", (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe("isoWeekMonday", () => {
  it.each([
    [2024, 7, "2024-02-12"],
    [2025, 42, "2025-10-13"],
    [2026, 1, "2025-12-29"],
    [2026, 7, "2026-02-09"],
    [2027, 7, "2027-02-15"],
    [2027, 42, "2027-10-18"],
  ])("%i week %i starts %s", (year, week, monday) => {
    expect(isoWeekMonday(year, week)).toBe(monday);
  });
});

function weekdays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (!isWeekend(day)) days.push(day);
  return days;
}

describe("Copenhagen's default holidays", () => {
  const all = copenhagenDefaultCalendar(2024, 2027);

  // The guideline plans published by Københavns Kommune (kk.dk, "Vejledende ferieplan"; 2025/26
  // and 2026/27 as published by the city's schools). Every weekday off must be in the calendar.
  it.each([
    ["Vinterferie", "2024-02-12", "2024-02-16"],
    ["Påskeferie", "2024-03-25", "2024-04-01"],
    ["Store bededag", "2024-04-26", "2024-04-26"],
    ["1. maj", "2024-05-01", "2024-05-01"],
    ["Kristi himmelfart", "2024-05-09", "2024-05-10"],
    ["2. pinsedag", "2024-05-20", "2024-05-20"],
    ["Grundlovsdag", "2024-06-05", "2024-06-05"],
    ["Sommerferie", "2024-07-01", "2024-08-09"],
    ["Sommerferie", "2025-06-30", "2025-08-08"],
    ["Efterårsferie", "2025-10-13", "2025-10-17"],
    ["Juleferie", "2024-01-01", "2024-01-03"],
    ["Juleferie", "2024-12-23", "2025-01-03"],
    ["Juleferie", "2025-12-23", "2026-01-02"],
    ["Juleferie", "2027-12-21", "2028-01-03"],
    ["Vinterferie", "2026-02-09", "2026-02-13"],
    ["Påskeferie", "2026-03-30", "2026-04-06"],
    ["1. maj", "2026-05-01", "2026-05-01"],
    ["Kristi himmelfart", "2026-05-14", "2026-05-15"],
    ["2. pinsedag", "2026-05-25", "2026-05-25"],
    ["Grundlovsdag", "2026-06-05", "2026-06-05"],
    ["Sommerferie", "2026-06-29", "2026-08-07"],
    ["Efterårsferie", "2026-10-12", "2026-10-16"],
    ["Vinterferie", "2027-02-15", "2027-02-19"],
    ["Påskeferie", "2027-03-22", "2027-03-29"],
    ["Kristi himmelfart", "2027-05-06", "2027-05-07"],
    ["2. pinsedag", "2027-05-17", "2027-05-17"],
    ["Sommerferie", "2027-06-28", "2027-08-06"],
  ])("%s %s to %s is in the calendar", (name, from, to) => {
    for (const day of weekdays(from, to)) {
      expect(holidayOn(day, all)?.name, day).toContain(name);
    }
  });

  it("has school on the days around the breaks", () => {
    for (const day of ["2026-02-06", "2026-02-16", "2026-03-27", "2026-04-07", "2026-08-10"]) {
      expect(holidayOn(day, all), day).toBeUndefined();
    }
  });

  it("keeps each year's entries in that year and in date order", () => {
    for (const year of [2024, 2025, 2026, 2027]) {
      const list = copenhagenDefaultHolidays(year);
      expect(list.every((h) => h.startsOn.startsWith(String(year)))).toBe(true);
      expect(list.every((h) => h.startsOn <= h.endsOn)).toBe(true);
      expect(list.map((h) => h.startsOn)).toEqual([...list.map((h) => h.startsOn)].sort());
    }
    expect(copenhagenDefaultHolidays(2025).some((h) => h.name.includes("bededag"))).toBe(false);
  });
});

describe("holidayWarnings", () => {
  const holidays = [
    { name: "Juleferie", startsOn: "2026-12-21", endsOn: "2026-12-31" },
    { name: "Efterårsferie (uge 42)", startsOn: "2026-10-12", endsOn: "2026-10-16" },
  ];
  it("names the holiday of each window in one, keeping the window's index", () => {
    expect(
      holidayWarnings(
        [{ date: "2026-12-21" }, null, { date: "2026-11-02" }, { date: "2026-10-16" }],
        holidays,
      ),
    ).toEqual([
      { path: "windows.0.date", date: "2026-12-21", holiday: "Juleferie" },
      { path: "windows.3.date", date: "2026-10-16", holiday: "Efterårsferie (uge 42)" },
    ]);
  });
  it("ignores invalid dates", () => {
    expect(holidayWarnings([{ date: "2026-13-01" }, { date: "" }], holidays)).toEqual([]);
  });
});

describe("holidayFormSchema", () => {
  it("accepts a one-day holiday and trims the name", () => {
    expect(
      parseWithSchema(holidayFormSchema, {
        name: "  Skolens fridag ",
        startsOn: "2026-11-20",
        endsOn: "2026-11-20",
      }),
    ).toEqual({
      ok: true,
      data: { name: "Skolens fridag", startsOn: "2026-11-20", endsOn: "2026-11-20" },
    });
  });
  it("shows every error at once", () => {
    const result = parseWithSchema(holidayFormSchema, {
      name: "",
      startsOn: "2026-02-30",
      endsOn: "",
    });
    expect(result.ok ? {} : result.errors).toEqual({
      name: "holidays.name.required",
      startsOn: "holidays.date.invalid",
      endsOn: "holidays.endsOn.required",
    });
  });
  it("refuses an end before the start and ranges over 62 days", () => {
    const before = parseWithSchema(holidayFormSchema, {
      name: "X",
      startsOn: "2026-05-02",
      endsOn: "2026-05-01",
    });
    expect(before.ok ? {} : before.errors).toEqual({ endsOn: "holidays.endsOn.beforeStart" });
    const long = parseWithSchema(holidayFormSchema, {
      name: "X",
      startsOn: "2026-06-01",
      endsOn: "2026-08-02",
    });
    expect(long.ok ? {} : long.errors).toEqual({ endsOn: "holidays.endsOn.tooLong" });
    const name = parseWithSchema(holidayFormSchema, {
      name: "x".repeat(101),
      startsOn: "2026-06-01",
      endsOn: "2026-06-01",
    });
    expect(name.ok ? {} : name.errors).toEqual({ name: "holidays.name.tooLong" });
  });
});
