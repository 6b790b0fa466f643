import { describe, expect, it } from "vitest";
import {
  type CatalogueCourse,
  courseFormSchema,
  DEFAULT_LEAD_TIME_DAYS,
  isAudience,
  isCourseLanguage,
  matchesCatalogueFilter,
  SLUG_MAX_LENGTH,
  slugify,
} from "~/domain/courses";

describe("slugify", () => {
  it.each([
    ["Workshop: Rettigheder og frihed (7.-9. kl.)", "workshop-rettigheder-og-frihed-7-9-kl"],
    ["Forældredialog om opdragelse", "foraeldredialog-om-opdragelse"],
    ["Æresrelaterede konflikter", "aeresrelaterede-konflikter"],
    ["Bekymringstegn på skolen", "bekymringstegn-paa-skolen"],
    ["Grønne Øjne Å", "groenne-oejne-aa"],
    ["Café & Crème brûlée", "cafe-creme-brulee"],
    ["Straße", "strasse"],
    ["  --Oplæg for fagpersoner--  ", "oplaeg-for-fagpersoner"],
    ["2024: pilot", "2024-pilot"],
    ["!!!", ""],
    ["", ""],
  ])("%j -> %j", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("cuts long titles at a word boundary within the limit", () => {
    const title = "Negativ social kontrol ".repeat(10);
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug.startsWith("negativ-social-kontrol-negativ")).toBe(true);
    expect(slug.endsWith("-")).toBe(false);
    expect(slug.split("-").every((word) => ["negativ", "social", "kontrol"].includes(word))).toBe(
      true,
    );
  });

  it("cuts a single very long word at the limit", () => {
    expect(slugify("a".repeat(100))).toBe("a".repeat(SLUG_MAX_LENGTH));
  });
});

describe("audience and language guards", () => {
  it("recognise known codes only", () => {
    expect(isAudience("parents")).toBe(true);
    expect(isAudience("teachers")).toBe(false);
    expect(isCourseLanguage("prs")).toBe(true);
    expect(isCourseLanguage("de")).toBe(false);
  });
});

/** A pupil course as the coordinator's form posts it. */
function goodCourse(): Record<string, unknown> {
  return {
    title: "Workshop: Rettigheder og frihed",
    slug: "",
    audience: "pupils",
    summary: "Om rettigheder, frihed og grænser.",
    description: "To lektioner med øvelser og dialog.",
    gradeMin: "7",
    gradeMax: "9",
    durationMinutes: "90",
    maxParticipants: "28",
    facilitatorsNeeded: "2",
    languages: ["da", "ar"],
    schoolProvides: "Lokale med projektor",
    leadTimeDays: "21",
    active: "on",
  };
}

function issuesOf(input: Record<string, unknown>): Array<[string, string]> {
  const result = courseFormSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

describe("courseFormSchema", () => {
  it("parses a complete pupil course and derives the slug from the title", () => {
    expect(courseFormSchema.parse(goodCourse())).toEqual({
      title: "Workshop: Rettigheder og frihed",
      slug: "workshop-rettigheder-og-frihed",
      audience: "pupils",
      summary: "Om rettigheder, frihed og grænser.",
      description: "To lektioner med øvelser og dialog.",
      gradeMin: 7,
      gradeMax: 9,
      durationMinutes: 90,
      maxParticipants: 28,
      facilitatorsNeeded: 2,
      languages: ["da", "ar"],
      schoolProvides: "Lokale med projektor",
      leadTimeDays: 21,
      active: true,
    });
  });

  it("keeps a slug the coordinator typed", () => {
    const data = courseFormSchema.parse({ ...goodCourse(), slug: "rettigheder-7-9" });
    expect(data.slug).toBe("rettigheder-7-9");
  });

  it("fills defaults for empty optional fields", () => {
    const data = courseFormSchema.parse({
      title: "Oplæg for lærere",
      audience: "staff",
      durationMinutes: "60",
      maxParticipants: "40",
      languages: "da",
    });
    expect(data).toEqual({
      title: "Oplæg for lærere",
      slug: "oplaeg-for-laerere",
      audience: "staff",
      summary: "",
      description: "",
      gradeMin: null,
      gradeMax: null,
      durationMinutes: 60,
      maxParticipants: 40,
      facilitatorsNeeded: 1,
      languages: ["da"],
      schoolProvides: "",
      leadTimeDays: DEFAULT_LEAD_TIME_DAYS,
      active: false,
    });
  });

  it("drops grades for staff and parent courses", () => {
    for (const audience of ["staff", "parents"]) {
      const data = courseFormSchema.parse({ ...goodCourse(), audience });
      expect(data.gradeMin).toBeNull();
      expect(data.gradeMax).toBeNull();
    }
    expect(issuesOf({ ...goodCourse(), audience: "parents", gradeMin: "", gradeMax: "" })).toEqual(
      [],
    );
  });

  it("accepts a single grade and the full 0-10 range", () => {
    expect(issuesOf({ ...goodCourse(), gradeMin: "8", gradeMax: "8" })).toEqual([]);
    expect(issuesOf({ ...goodCourse(), gradeMin: "0", gradeMax: "10" })).toEqual([]);
  });

  it("removes repeated languages", () => {
    const data = courseFormSchema.parse({ ...goodCourse(), languages: ["da", "so", "da"] });
    expect(data.languages).toEqual(["da", "so"]);
  });

  it.each<[string, unknown, string, string]>([
    ["title", "", "title", "course.title.required"],
    ["title", "   ", "title", "course.title.required"],
    ["title", "x".repeat(121), "title", "course.title.tooLong"],
    ["slug", "Rettigheder og frihed", "slug", "course.slug.invalid"],
    ["slug", "-rettigheder", "slug", "course.slug.invalid"],
    ["slug", "a".repeat(81), "slug", "course.slug.invalid"],
    ["audience", "", "audience", "course.audience.required"],
    ["audience", "teachers", "audience", "course.audience.required"],
    ["summary", "x".repeat(301), "summary", "course.summary.tooLong"],
    ["description", "x".repeat(5001), "description", "course.description.tooLong"],
    ["gradeMin", "", "gradeMin", "course.grade.required"],
    ["gradeMax", "", "gradeMax", "course.grade.required"],
    ["gradeMin", "-1", "gradeMin", "course.grade.range"],
    ["gradeMax", "11", "gradeMax", "course.grade.range"],
    ["gradeMin", "x", "gradeMin", "course.grade.range"],
    ["gradeMin", "8.5", "gradeMin", "course.grade.range"],
    ["gradeMin", "10", "gradeMax", "course.grade.order"],
    ["durationMinutes", "", "durationMinutes", "course.durationMinutes.range"],
    ["durationMinutes", "14", "durationMinutes", "course.durationMinutes.range"],
    ["durationMinutes", "481", "durationMinutes", "course.durationMinutes.range"],
    ["maxParticipants", "0", "maxParticipants", "course.maxParticipants.range"],
    ["maxParticipants", "501", "maxParticipants", "course.maxParticipants.range"],
    ["facilitatorsNeeded", "0", "facilitatorsNeeded", "course.facilitatorsNeeded.range"],
    ["facilitatorsNeeded", "5", "facilitatorsNeeded", "course.facilitatorsNeeded.range"],
    ["languages", [], "languages", "course.languages.required"],
    ["languages", undefined, "languages", "course.languages.required"],
    ["languages", ["da", "klingon"], "languages.1", "course.languages.invalid"],
    ["schoolProvides", "x".repeat(1001), "schoolProvides", "course.schoolProvides.tooLong"],
    ["leadTimeDays", "-1", "leadTimeDays", "course.leadTimeDays.range"],
    ["leadTimeDays", "121", "leadTimeDays", "course.leadTimeDays.range"],
  ])("rejects %s = %j with %s: %s", (field, value, path, message) => {
    expect(issuesOf({ ...goodCourse(), [field]: value })).toEqual([[path, message]]);
  });

  it("refuses a title that gives no slug when no slug is typed", () => {
    expect(issuesOf({ ...goodCourse(), title: "!!!" })).toEqual([["slug", "course.slug.invalid"]]);
  });

  it("accepts lead time 0 and the limits of every range", () => {
    const edges = {
      ...goodCourse(),
      durationMinutes: "15",
      maxParticipants: "500",
      facilitatorsNeeded: "4",
      leadTimeDays: "0",
    };
    expect(issuesOf(edges)).toEqual([]);
    expect(courseFormSchema.parse(edges).leadTimeDays).toBe(0);
  });

  it("reports the grade rules together with other field errors", () => {
    expect(issuesOf({ ...goodCourse(), title: "", gradeMin: "", gradeMax: "" })).toEqual([
      ["title", "course.title.required"],
      ["gradeMin", "course.grade.required"],
      ["gradeMax", "course.grade.required"],
    ]);
  });
});

describe("matchesCatalogueFilter", () => {
  const workshop: CatalogueCourse = {
    audience: "pupils",
    gradeMin: 7,
    gradeMax: 9,
    languages: ["da"],
    durationMinutes: 90,
  };
  const parentDialogue: CatalogueCourse = {
    audience: "parents",
    gradeMin: null,
    gradeMax: null,
    languages: ["da", "ar", "so"],
    durationMinutes: 120,
  };

  it("matches everything without criteria", () => {
    expect(matchesCatalogueFilter(workshop, {})).toBe(true);
    expect(matchesCatalogueFilter(parentDialogue, {})).toBe(true);
  });

  it("filters by audience", () => {
    expect(matchesCatalogueFilter(workshop, { audience: "pupils" })).toBe(true);
    expect(matchesCatalogueFilter(workshop, { audience: "parents" })).toBe(false);
  });

  it("filters by grade within the range, inclusive, and only pupil courses match a grade", () => {
    expect(matchesCatalogueFilter(workshop, { grade: 7 })).toBe(true);
    expect(matchesCatalogueFilter(workshop, { grade: 9 })).toBe(true);
    expect(matchesCatalogueFilter(workshop, { grade: 6 })).toBe(false);
    expect(matchesCatalogueFilter(workshop, { grade: 10 })).toBe(false);
    expect(matchesCatalogueFilter(parentDialogue, { grade: 8 })).toBe(false);
  });

  it("filters by language", () => {
    expect(matchesCatalogueFilter(parentDialogue, { language: "so" })).toBe(true);
    expect(matchesCatalogueFilter(workshop, { language: "so" })).toBe(false);
  });

  it("filters by maximum duration, inclusive", () => {
    expect(matchesCatalogueFilter(workshop, { maxDuration: 90 })).toBe(true);
    expect(matchesCatalogueFilter(workshop, { maxDuration: 60 })).toBe(false);
  });

  it("combines criteria", () => {
    expect(
      matchesCatalogueFilter(workshop, {
        audience: "pupils",
        grade: 8,
        language: "da",
        maxDuration: 120,
      }),
    ).toBe(true);
    expect(
      matchesCatalogueFilter(workshop, {
        audience: "pupils",
        grade: 8,
        language: "ar",
        maxDuration: 120,
      }),
    ).toBe(false);
  });
});
