import { describe, expect, it } from "vitest";
import { rollupParts } from "~/domain/evaluation-filters";
import { monthsOfTerm, termOf } from "~/domain/evaluation-rollup";

describe("terms of the evaluation's rollups", () => {
  it("a month belongs to spring (January-July) or autumn (August-December), by the term's first month", () => {
    expect(["2026-01", "2026-07", "2026-08", "2026-12"].map(termOf)).toEqual([
      "2026-01",
      "2026-01",
      "2026-08",
      "2026-08",
    ]);
  });

  it("a term's months run from its first month to July (spring) or December (autumn)", () => {
    expect(monthsOfTerm("2026-01")).toEqual({ first: "2026-01", last: "2026-07" });
    expect(monthsOfTerm("2026-08")).toEqual({ first: "2026-08", last: "2026-12" });
    for (const month of ["2026-01", "2026-07", "2026-08", "2026-12"]) {
      const { first, last } = monthsOfTerm(termOf(month));
      expect(month >= first && month <= last).toBe(true);
    }
  });

  it("a calendar year is two whole terms, a school year autumn then spring", () => {
    expect(rollupParts({ from: "2026-01", to: "2026-12" }, false)).toEqual({
      terms: { from: "2026-01", to: "2026-08" },
      months: [],
    });
    expect(rollupParts({ from: "2025-08", to: "2026-07" }, false)).toEqual({
      terms: { from: "2025-08", to: "2026-01" },
      months: [],
    });
  });

  it("months before the first and after the last whole term are read monthly", () => {
    expect(rollupParts({ from: "2026-02", to: "2027-09" }, false)).toEqual({
      terms: { from: "2026-08", to: "2027-01" },
      months: [
        { from: "2026-02", to: "2026-07" },
        { from: "2027-08", to: "2027-09" },
      ],
    });
    expect(rollupParts({ from: "2025-12", to: "2026-07" }, false)).toEqual({
      terms: { from: "2026-01", to: "2026-01" },
      months: [{ from: "2025-12", to: "2025-12" }],
    });
  });

  it("without a whole term, or with a course filter (the term rollups add up every course), every month is monthly", () => {
    expect(rollupParts({ from: "2026-03", to: "2026-10" }, false)).toEqual({
      terms: null,
      months: [{ from: "2026-03", to: "2026-10" }],
    });
    expect(rollupParts({ from: "2026-01", to: "2026-12" }, true)).toEqual({
      terms: null,
      months: [{ from: "2026-01", to: "2026-12" }],
    });
  });
});
