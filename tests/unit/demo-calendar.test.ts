import { describe, expect, it } from "vitest";
import { isDemoSchoolDay, isDemoSchoolHoliday } from "../../db/demo-calendar";

describe("the demo school-holiday calendar", () => {
  it.each([
    ["2024-03-28", "Maundy Thursday 2024 (Easter 31 March)"],
    ["2024-03-25", "Monday of Holy Week 2024"],
    ["2024-04-01", "Easter Monday 2024"],
    ["2025-04-17", "Maundy Thursday 2025 (Easter 20 April)"],
    ["2026-04-03", "Good Friday 2026 (Easter 5 April)"],
    ["2027-03-29", "Easter Monday 2027 (Easter 28 March)"],
    ["2024-05-09", "Ascension Day 2024"],
    ["2024-05-10", "the Friday after Ascension 2024"],
    ["2026-05-25", "Whit Monday 2026"],
    ["2025-02-12", "winter break, week 7 of 2025"],
    ["2026-10-14", "autumn break, week 42 of 2026"],
    ["2026-12-21", "Christmas"],
    ["2027-01-04", "Christmas, last day"],
    ["2026-07-15", "summer"],
    ["2025-06-05", "Constitution Day"],
  ])("%s is a holiday (%s)", (date) => {
    expect(isDemoSchoolHoliday(date)).toBe(true);
  });

  it.each([
    "2024-02-27",
    "2024-03-11",
    "2024-04-11",
    "2024-05-28",
    "2024-09-03",
    "2024-10-08",
    "2024-11-12",
    "2026-12-02",
    "2027-01-05",
    "2026-08-11",
    "2026-10-19",
  ])("%s is a school day", (date) => {
    expect(isDemoSchoolDay(date)).toBe(true);
  });

  it("does not count a weekend as a school day", () => {
    expect(isDemoSchoolDay("2026-12-05")).toBe(false);
  });
});
