import { describe, expect, it } from "vitest";
import {
  auditFieldChanges,
  type SchoolFields,
  schoolChanges,
  schoolFormSchema,
} from "~/domain/schools";

function goodSchool(): Record<string, unknown> {
  return {
    name: "Tingbjerg Skole",
    district: "Brønshøj-Husum",
    address: "Langhusvej 2, 2700 Brønshøj",
    pilotCohort: "2024",
    active: "on",
  };
}

function issuesOf(input: Record<string, unknown>): Array<[string, string]> {
  const result = schoolFormSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

describe("schoolFormSchema", () => {
  it("parses a complete school, trimming text and reading the cohort as a year", () => {
    expect(schoolFormSchema.parse({ ...goodSchool(), name: "  Tingbjerg Skole " })).toEqual({
      name: "Tingbjerg Skole",
      district: "Brønshøj-Husum",
      address: "Langhusvej 2, 2700 Brønshøj",
      pilotCohort: 2024,
      active: true,
    });
  });

  it("reads an empty cohort as a standard school (null) and a missing checkbox as inactive", () => {
    const data = schoolFormSchema.parse({ name: "Sundby Skole", pilotCohort: "  " });
    expect(data).toEqual({
      name: "Sundby Skole",
      district: "",
      address: "",
      pilotCohort: null,
      active: false,
    });
  });

  it.each([
    ["name", "", "name", "schoolAdmin.name.required"],
    ["name", "   ", "name", "schoolAdmin.name.required"],
    ["name", "x".repeat(121), "name", "schoolAdmin.name.tooLong"],
    ["district", "x".repeat(81), "district", "schoolAdmin.district.tooLong"],
    ["address", "x".repeat(201), "address", "schoolAdmin.address.tooLong"],
    ["pilotCohort", "1999", "pilotCohort", "schoolAdmin.pilotCohort.invalid"],
    ["pilotCohort", "2101", "pilotCohort", "schoolAdmin.pilotCohort.invalid"],
    ["pilotCohort", "24.5", "pilotCohort", "schoolAdmin.pilotCohort.invalid"],
    ["pilotCohort", "næste år", "pilotCohort", "schoolAdmin.pilotCohort.invalid"],
  ])("rejects %s = %j with %s: %s", (field, value, path, message) => {
    expect(issuesOf({ ...goodSchool(), [field]: value })).toEqual([[path, message]]);
  });

  it("accepts the edges of the cohort range", () => {
    expect(schoolFormSchema.parse({ ...goodSchool(), pilotCohort: "2000" }).pilotCohort).toBe(2000);
    expect(schoolFormSchema.parse({ ...goodSchool(), pilotCohort: "2100" }).pilotCohort).toBe(2100);
  });

  it("reports every field error at once", () => {
    expect(issuesOf({ name: "", pilotCohort: "abc", district: "x".repeat(81) })).toEqual([
      ["name", "schoolAdmin.name.required"],
      ["district", "schoolAdmin.district.tooLong"],
      ["pilotCohort", "schoolAdmin.pilotCohort.invalid"],
    ]);
  });
});

describe("schoolChanges", () => {
  const before: SchoolFields = {
    name: "Tingbjerg Skole",
    district: "Brønshøj-Husum",
    address: "Langhusvej 2",
    pilotCohort: null,
    active: true,
  };

  it("is null when nothing changed", () => {
    expect(schoolChanges(before, { ...before })).toBeNull();
  });

  it("lists only the changed fields with old and new values", () => {
    expect(schoolChanges(before, { ...before, pilotCohort: 2025, active: false })).toEqual({
      before: { pilotCohort: null, active: true },
      after: { pilotCohort: 2025, active: false },
    });
  });

  it("sees a cohort removed (year -> null)", () => {
    expect(schoolChanges({ ...before, pilotCohort: 2024 }, before)).toEqual({
      before: { pilotCohort: 2024 },
      after: { pilotCohort: null },
    });
  });
});

describe("auditFieldChanges", () => {
  it("reads before/after details back field by field", () => {
    expect(
      auditFieldChanges({ before: { pilotCohort: null }, after: { pilotCohort: 2025 } }),
    ).toEqual([{ field: "pilotCohort", before: null, after: 2025 }]);
  });

  it.each([[null], ["text"], [{}], [{ before: {} }], [{ before: 1, after: 2 }]])(
    "gives [] for details without before/after objects: %j",
    (details) => {
      expect(auditFieldChanges(details)).toEqual([]);
    },
  );
});
