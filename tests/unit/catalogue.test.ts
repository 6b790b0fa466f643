import { describe, expect, it } from "vitest";
import { isEmptyFilter, parseCatalogueFilter } from "~/domain/catalogue";

const parse = (query: string) => parseCatalogueFilter(new URLSearchParams(query));

describe("parseCatalogueFilter", () => {
  it("reads every criterion", () => {
    expect(parse("audience=pupils&grade=7&language=ar&maxDuration=90")).toEqual({
      audience: "pupils",
      grade: 7,
      language: "ar",
      maxDuration: 90,
    });
  });

  it("treats empty fields (the form's 'All') as no criterion", () => {
    const filter = parse("audience=&grade=&language=&maxDuration=");
    expect(filter).toEqual({});
    expect(isEmptyFilter(filter)).toBe(true);
  });

  it("keeps grade 0 (0. klasse)", () => {
    expect(parse("grade=0")).toEqual({ grade: 0 });
  });

  it.each([
    "audience=teachers",
    "grade=11",
    "grade=-1",
    "grade=7.5",
    "grade=seven",
    "language=klingon",
    "maxDuration=0",
    "maxDuration=abc",
    "maxDuration=-30",
  ])("ignores a malformed value: %s", (query) => {
    expect(parse(query)).toEqual({});
  });

  it("is not empty when any criterion is set", () => {
    expect(isEmptyFilter(parse("language=so"))).toBe(false);
  });
});
