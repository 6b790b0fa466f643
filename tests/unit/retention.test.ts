import { describe, expect, it } from "vitest";
import { commentCutoffDate, subtractMonths } from "~/domain/retention";

describe("subtractMonths", () => {
  it.each([
    ["2026-12-02", 24, "2024-12-02"],
    ["2026-03-31", 1, "2026-02-28"],
    ["2024-03-31", 1, "2024-02-29"],
    ["2026-01-15", 1, "2025-12-15"],
    ["2026-01-15", 13, "2024-12-15"],
    ["2028-02-29", 12, "2027-02-28"],
  ])("%s minus %i months is %s", (date, months, expected) => {
    expect(subtractMonths(date, months)).toBe(expected);
  });
});

describe("commentCutoffDate", () => {
  it("is today minus the retention period", () => {
    expect(commentCutoffDate("2026-12-02", 24)).toBe("2024-12-02");
  });
});
