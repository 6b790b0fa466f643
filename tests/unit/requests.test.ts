import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AUDIENCES, COURSE_LANGUAGES } from "~/domain/courses";
import { holidayWarnings } from "~/domain/holidays";
import { inboxTotal } from "~/domain/inbox";
import { parseInboxQuery } from "~/domain/request-actions";
import {
  ALLOWED_TRANSITIONS,
  canSchoolCancel,
  checkRequestAgainstCourse,
  DAY_PART_TIMES,
  DAY_PARTS,
  duplicateOpenRequestWarning,
  isOpenStatus,
  isPhoneNumber,
  REQUEST_STATUSES,
  type RequestRuleCourse,
  type RequestRuleInput,
  type RequestStatus,
  requestFormSchema,
  requestFormValuesFromFormData,
  transitionRequest,
  windowTimes,
} from "~/domain/requests";
import { requestMessages } from "~/i18n/requests";

// ---- status lifecycle ----

/**
 * The expected lifecycle, written out in full: row = from, column = to.
 * Y = allowed, . = refused.
 */
const EXPECTED_TRANSITIONS: Record<RequestStatus, string> = {
  //            req inp sch del dec can
  requested: "  .   Y   Y   .   Y   Y",
  in_progress: "  .   .   Y   .   Y   Y",
  scheduled: "  .   Y   .   Y   .   Y",
  delivered: "  .   .   .   .   .   .",
  declined: "  .   .   .   .   .   .",
  cancelled: "  .   .   .   .   .   .",
};

function expectedAllowed(from: RequestStatus, to: RequestStatus): boolean {
  const cells = EXPECTED_TRANSITIONS[from].trim().split(/\s+/);
  return cells[REQUEST_STATUSES.indexOf(to)] === "Y";
}

describe("request status transitions", () => {
  const pairs = REQUEST_STATUSES.flatMap((from) =>
    REQUEST_STATUSES.map((to) => [from, to] as const),
  );

  it("covers all 36 pairs of statuses", () => {
    expect(pairs).toHaveLength(36);
  });

  it.each(pairs)("%s -> %s follows the expected table", (from, to) => {
    const result = transitionRequest(from, to);
    if (expectedAllowed(from, to)) {
      expect(result).toEqual({ ok: true });
      expect(ALLOWED_TRANSITIONS[from]).toContain(to);
    } else {
      expect(result).toEqual({ ok: false, error: "request.transition.illegal", from, to });
      expect(ALLOWED_TRANSITIONS[from]).not.toContain(to);
    }
  });

  it("allows scheduling straight from requested and reopening a scheduled request", () => {
    expect(transitionRequest("requested", "scheduled").ok).toBe(true);
    expect(transitionRequest("scheduled", "in_progress").ok).toBe(true);
  });

  it("classifies open, final and school-cancellable statuses", () => {
    const open = REQUEST_STATUSES.filter(isOpenStatus);
    const final = REQUEST_STATUSES.filter((s) => ALLOWED_TRANSITIONS[s].length === 0);
    const schoolCancellable = REQUEST_STATUSES.filter(canSchoolCancel);
    expect(open).toEqual(["requested", "in_progress", "scheduled"]);
    expect(final).toEqual(["delivered", "declined", "cancelled"]);
    expect(schoolCancellable).toEqual(["requested", "in_progress"]);
  });
});

describe("duplicateOpenRequestWarning", () => {
  it("warns when the school has an open request for the same course", () => {
    for (const status of ["requested", "in_progress", "scheduled"] as const) {
      expect(duplicateOpenRequestWarning([{ courseId: 7, status }], 7)).toBe(true);
    }
  });

  it("does not warn for closed requests or other courses", () => {
    const existing = [
      { courseId: 7, status: "delivered" as const },
      { courseId: 7, status: "declined" as const },
      { courseId: 7, status: "cancelled" as const },
      { courseId: 8, status: "requested" as const },
    ];
    expect(duplicateOpenRequestWarning(existing, 7)).toBe(false);
    expect(duplicateOpenRequestWarning([], 7)).toBe(false);
  });
});

// ---- helpers ----

describe("date, time and phone helpers", () => {
  it("gives default times for fixed day parts and own times for custom windows", () => {
    expect(windowTimes({ date: "2026-03-16", part: "morning" })).toEqual({
      from: "08:00",
      to: "11:30",
    });
    expect(windowTimes({ date: "2026-03-16", part: "afternoon" })).toEqual(
      DAY_PART_TIMES.afternoon,
    );
    expect(windowTimes({ date: "2026-03-16", part: "custom", from: "17:00", to: "19:00" })).toEqual(
      { from: "17:00", to: "19:00" },
    );
  });

  it("day parts follow each other without gaps or overlaps", () => {
    expect(DAY_PART_TIMES.morning.to).toBe(DAY_PART_TIMES.midday.from);
    expect(DAY_PART_TIMES.midday.to).toBe(DAY_PART_TIMES.afternoon.from);
  });

  it("accepts Danish and international phone numbers", () => {
    expect(isPhoneNumber("12345678")).toBe(true);
    expect(isPhoneNumber("12 34 56 78")).toBe(true);
    expect(isPhoneNumber("+45 12 34 56 78")).toBe(true);
    expect(isPhoneNumber("+4712345678")).toBe(true);
    expect(isPhoneNumber("1234567")).toBe(false);
    expect(isPhoneNumber("1234-5678")).toBe(false);
    expect(isPhoneNumber("12 34 56 7a")).toBe(false);
    expect(isPhoneNumber("4512+345678")).toBe(false);
    expect(isPhoneNumber("+45 1234 5678 9012 3456")).toBe(false);
  });
});

// ---- form schema ----

/** A complete form as FormData delivers it: only strings. */
function goodForm(): Record<string, unknown> {
  return {
    courseId: "3",
    groupCount: "3",
    participantsPerGroup: "25",
    grades: ["8", "7", "9"],
    windows: [
      { date: "2026-03-17", part: "morning", from: "", to: "" },
      { date: "2026-03-19", part: "custom", from: "12:00", to: "14:00" },
    ],
    location: " Aulaen ",
    contactName: "Mette Hansen",
    contactPhone: "+45 12 34 56 78",
    languagesNeeded: ["da"],
    interpreterNeeded: undefined,
    notes: "Vi oplever bekymring i 8. klasse.",
    acknowledgeDuplicate: undefined,
  };
}

function issuesOf(input: Record<string, unknown>): Array<[string, string]> {
  const result = requestFormSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

describe("requestFormSchema", () => {
  it("parses a complete form posted as strings", () => {
    const result = requestFormSchema.safeParse(goodForm());
    expect(result.success).toBe(true);
    expect(result.data).toEqual({
      courseId: 3,
      groupCount: 3,
      participantsPerGroup: 25,
      grades: [7, 8, 9],
      windows: [
        { date: "2026-03-17", part: "morning" },
        { date: "2026-03-19", part: "custom", from: "12:00", to: "14:00" },
      ],
      location: "Aulaen",
      contactName: "Mette Hansen",
      contactPhone: "+45 12 34 56 78",
      languagesNeeded: ["da"],
      interpreterNeeded: false,
      notes: "Vi oplever bekymring i 8. klasse.",
      acknowledgeDuplicate: false,
    });
  });

  it("parses typed values too (booleans, single values, unchecked boxes)", () => {
    const result = requestFormSchema.safeParse({
      ...goodForm(),
      grades: "7",
      languagesNeeded: ["ar", "ar", "da"],
      interpreterNeeded: true,
      acknowledgeDuplicate: false,
      notes: undefined,
    });
    expect(result.success).toBe(true);
    expect(result.data?.grades).toEqual([7]);
    expect(result.data?.languagesNeeded).toEqual(["ar", "da"]);
    expect(result.data?.interpreterNeeded).toBe(true);
    expect(result.data?.acknowledgeDuplicate).toBe(false);
    expect(result.data?.notes).toBe("");
  });

  it("reads checkbox values 'on' and 'true' as ticked", () => {
    for (const ticked of ["on", "true"]) {
      const data = requestFormSchema.parse({
        ...goodForm(),
        interpreterNeeded: ticked,
        acknowledgeDuplicate: ticked,
      });
      expect(data.interpreterNeeded).toBe(true);
      expect(data.acknowledgeDuplicate).toBe(true);
    }
  });

  it("allows no grades (staff and parent courses); the course rules decide", () => {
    expect(issuesOf({ ...goodForm(), grades: [] })).toEqual([]);
    expect(issuesOf({ ...goodForm(), grades: undefined })).toEqual([]);
  });

  it.each<[string, unknown, string, string]>([
    ["courseId", "", "courseId", "request.courseId.required"],
    ["courseId", "abc", "courseId", "request.courseId.required"],
    ["groupCount", "", "groupCount", "request.groupCount.range"],
    ["groupCount", "0", "groupCount", "request.groupCount.range"],
    ["groupCount", "21", "groupCount", "request.groupCount.range"],
    ["groupCount", "2.5", "groupCount", "request.groupCount.range"],
    ["participantsPerGroup", "", "participantsPerGroup", "request.participantsPerGroup.range"],
    ["participantsPerGroup", "0", "participantsPerGroup", "request.participantsPerGroup.range"],
    ["participantsPerGroup", "101", "participantsPerGroup", "request.participantsPerGroup.range"],
    ["grades", ["7", "11"], "grades.1", "request.grades.invalid"],
    ["grades", ["-1"], "grades.0", "request.grades.invalid"],
    ["grades", ["x"], "grades.0", "request.grades.invalid"],
    ["windows", [], "windows", "request.windows.min"],
    ["windows", undefined, "windows", "request.windows.min"],
    [
      "windows",
      [
        { date: "2026-03-17", part: "morning" },
        { date: "2026-03-18", part: "morning" },
        { date: "2026-03-19", part: "morning" },
        { date: "2026-03-20", part: "morning" },
      ],
      "windows",
      "request.windows.max",
    ],
    ["windows", [{ date: "", part: "morning" }], "windows", "request.windows.min"],
    [
      "windows",
      [{ date: "", part: "custom", from: "17:00", to: "19:00" }],
      "windows.0.date",
      "request.window.date.required",
    ],
    [
      "windows",
      [{ date: "2026-02-30", part: "morning" }],
      "windows.0.date",
      "request.window.date.invalid",
    ],
    [
      "windows",
      [{ date: "17-03-2026", part: "morning" }],
      "windows.0.date",
      "request.window.date.invalid",
    ],
    [
      "windows",
      [{ date: "2026-03-17", part: "" }],
      "windows.0.part",
      "request.window.part.required",
    ],
    [
      "windows",
      [{ date: "2026-03-17", part: "evening" }],
      "windows.0.part",
      "request.window.part.required",
    ],
    [
      "windows",
      [{ date: "2026-03-17", part: "custom", from: "", to: "14:00" }],
      "windows.0.from",
      "request.window.time.required",
    ],
    [
      "windows",
      [{ date: "2026-03-17", part: "custom", from: "12:00" }],
      "windows.0.to",
      "request.window.time.required",
    ],
    [
      "windows",
      [{ date: "2026-03-17", part: "custom", from: "12:00", to: "25:00" }],
      "windows.0.to",
      "request.window.time.invalid",
    ],
    [
      "windows",
      [{ date: "2026-03-17", part: "custom", from: "14:00", to: "12:00" }],
      "windows.0.to",
      "request.window.time.order",
    ],
    [
      "windows",
      [{ date: "2026-03-17", part: "custom", from: "12:00", to: "12:00" }],
      "windows.0.to",
      "request.window.time.order",
    ],
    ["location", "", "location", "request.location.required"],
    ["location", "   ", "location", "request.location.required"],
    ["location", undefined, "location", "request.location.required"],
    ["location", "x".repeat(201), "location", "request.location.tooLong"],
    ["contactName", "", "contactName", "request.contactName.required"],
    ["contactName", "x".repeat(121), "contactName", "request.contactName.tooLong"],
    ["contactPhone", "", "contactPhone", "request.contactPhone.required"],
    ["contactPhone", "1234", "contactPhone", "request.contactPhone.invalid"],
    ["contactPhone", "tlf. 12345678", "contactPhone", "request.contactPhone.invalid"],
    ["languagesNeeded", ["da", "xx"], "languagesNeeded.1", "request.languagesNeeded.invalid"],
    ["notes", "x".repeat(2001), "notes", "request.notes.tooLong"],
  ])("rejects %s = %j with %s: %s", (field, value, path, message) => {
    expect(issuesOf({ ...goodForm(), [field]: value })).toEqual([[path, message]]);
  });

  it("ignores times given with a fixed day part", () => {
    const data = requestFormSchema.parse({
      ...goodForm(),
      windows: [{ date: "2026-03-17", part: "midday", from: "09:00", to: "10:00" }],
    });
    expect(data.windows).toEqual([{ date: "2026-03-17", part: "midday" }]);
  });

  it("reports a missing date together with missing custom times", () => {
    const windows = [{ date: "", part: "custom", from: "17:00", to: "" }];
    expect(issuesOf({ ...goodForm(), windows })).toEqual([
      ["windows.0.date", "request.window.date.required"],
      ["windows.0.to", "request.window.time.required"],
    ]);
  });

  it("drops unused window slots but keeps each slot's index in error paths", () => {
    const windows = [
      { date: "", part: "morning", from: "", to: "" },
      { date: "2026-03-17", part: "morning", from: "", to: "" },
      { date: "2026-02-30", part: "afternoon", from: "", to: "" },
    ];
    expect(issuesOf({ ...goodForm(), windows })).toEqual([
      ["windows.2.date", "request.window.date.invalid"],
    ]);
    const data = requestFormSchema.parse({ ...goodForm(), windows: windows.slice(0, 2) });
    expect(data.windows).toEqual([{ date: "2026-03-17", part: "morning" }]);
  });

  it("counts only used slots against the limits", () => {
    const empty = { date: "", part: "morning", from: "", to: "" };
    expect(issuesOf({ ...goodForm(), windows: [empty, empty, empty] })).toEqual([
      ["windows", "request.windows.min"],
    ]);
  });

  it("asks which language when an interpreter is needed", () => {
    expect(issuesOf({ ...goodForm(), languagesNeeded: [], interpreterNeeded: "on" })).toEqual([
      ["languagesNeeded", "request.interpreter.languageRequired"],
    ]);
    expect(issuesOf({ ...goodForm(), languagesNeeded: ["so"], interpreterNeeded: "on" })).toEqual(
      [],
    );
  });

  it("reports every bad field at once, including cross-field rules", () => {
    const issues = issuesOf({
      ...goodForm(),
      groupCount: "0",
      location: "",
      languagesNeeded: [],
      interpreterNeeded: "on",
    });
    expect(issues).toEqual([
      ["groupCount", "request.groupCount.range"],
      ["location", "request.location.required"],
      ["languagesNeeded", "request.interpreter.languageRequired"],
    ]);
  });
});

describe("requestFormValuesFromFormData", () => {
  it("turns posted fields into values the schema parses; unused window slots are dropped", () => {
    const form = new FormData();
    form.set("courseId", "3");
    form.set("groupCount", "2");
    form.set("participantsPerGroup", "24");
    form.append("grades", "7");
    form.append("grades", "8");
    form.set("windows.0.date", "2026-03-17");
    form.set("windows.0.part", "morning");
    form.set("windows.0.from", "");
    form.set("windows.0.to", "");
    form.set("windows.1.date", "");
    form.set("windows.1.part", "morning");
    form.set("windows.1.from", "");
    form.set("windows.1.to", "");
    form.set("windows.2.date", "2026-03-19");
    form.set("windows.2.part", "custom");
    form.set("windows.2.from", "12:00");
    form.set("windows.2.to", "14:00");
    form.set("location", "Gymnastiksalen");
    form.set("contactName", "Ali Yilmaz");
    form.set("contactPhone", "12345678");
    form.append("languagesNeeded", "da");
    form.append("languagesNeeded", "tr");
    form.set("interpreterNeeded", "on");
    form.set("notes", "");

    const values = requestFormValuesFromFormData(form);
    const data = requestFormSchema.parse(values);
    expect(data).toMatchObject({
      courseId: 3,
      groupCount: 2,
      participantsPerGroup: 24,
      grades: [7, 8],
      windows: [
        { date: "2026-03-17", part: "morning" },
        { date: "2026-03-19", part: "custom", from: "12:00", to: "14:00" },
      ],
      languagesNeeded: ["da", "tr"],
      interpreterNeeded: true,
      acknowledgeDuplicate: false,
      notes: "",
    });
  });

  it("keeps a posted slot's index when an earlier slot was not posted at all", () => {
    const form = new FormData();
    form.set("windows.1.date", "2026-02-30");
    form.set("windows.1.part", "morning");
    const result = requestFormSchema.safeParse(requestFormValuesFromFormData(form));
    const issues = result.error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues).toContainEqual(["windows.1.date", "request.window.date.invalid"]);
  });

  it("leaves missing fields missing so the schema reports them", () => {
    const values = requestFormValuesFromFormData(new FormData());
    const result = requestFormSchema.safeParse(values);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining([
        "courseId",
        "groupCount",
        "participantsPerGroup",
        "windows",
        "location",
        "contactName",
        "contactPhone",
      ]),
    );
  });
});

// ---- rules that need the course ----

const TODAY = "2026-03-02"; // a Monday
const pupilCourse: RequestRuleCourse = {
  audience: "pupils",
  gradeMin: 7,
  gradeMax: 9,
  maxParticipants: 28,
  leadTimeDays: 14,
  languages: ["da", "ar"],
  active: true,
};

function ruleInput(overrides: Partial<RequestRuleInput> = {}): RequestRuleInput {
  return {
    participantsPerGroup: 25,
    grades: [7, 8],
    windows: [{ date: "2026-03-17", part: "morning" }],
    languagesNeeded: ["da"],
    interpreterNeeded: false,
    ...overrides,
  };
}

function check(overrides: Partial<RequestRuleInput> = {}, course: Partial<RequestRuleCourse> = {}) {
  return checkRequestAgainstCourse(ruleInput(overrides), { ...pupilCourse, ...course }, TODAY);
}

describe("checkRequestAgainstCourse", () => {
  it("passes a request that fits the course", () => {
    expect(check()).toEqual([]);
  });

  it("refuses an inactive course", () => {
    expect(check({}, { active: false })).toEqual([
      { path: "courseId", message: "request.course.inactive" },
    ]);
  });

  it("limits participants per group to the course's maximum", () => {
    expect(check({ participantsPerGroup: 28 })).toEqual([]);
    expect(check({ participantsPerGroup: 29 })).toEqual([
      {
        path: "participantsPerGroup",
        message: "request.participantsPerGroup.overMax",
        params: { max: 28 },
      },
    ]);
  });

  it("requires grades within the range of a pupil course", () => {
    expect(check({ grades: [7, 9] })).toEqual([]);
    expect(check({ grades: [] })).toEqual([{ path: "grades", message: "request.grades.required" }]);
    expect(check({ grades: [6, 7] })).toEqual([
      { path: "grades", message: "request.grades.outOfRange", params: { min: 7, max: 9 } },
    ]);
    expect(check({ grades: [10] })).toEqual([
      { path: "grades", message: "request.grades.outOfRange", params: { min: 7, max: 9 } },
    ]);
  });

  it("ignores grades for staff and parent courses", () => {
    for (const audience of ["staff", "parents"] as const) {
      const course = { audience, gradeMin: null, gradeMax: null };
      expect(check({ grades: [] }, course)).toEqual([]);
      expect(check({ grades: [2] }, course)).toEqual([]);
    }
  });

  it("treats a pupil course without a grade range as grades 0-10", () => {
    expect(check({ grades: [0, 10] }, { gradeMin: null, gradeMax: null })).toEqual([]);
  });

  it("refuses languages the course is not offered in unless an interpreter is asked for", () => {
    expect(check({ languagesNeeded: ["da", "ar"] })).toEqual([]);
    expect(check({ languagesNeeded: ["da", "so", "ur"] })).toEqual([
      {
        path: "languagesNeeded",
        message: "request.languagesNeeded.notOffered",
        params: { languages: "so, ur" },
      },
    ]);
    expect(
      check({ languagesNeeded: ["so"], interpreterNeeded: true }, { audience: "parents" }),
    ).toEqual([]);
  });

  it("refuses windows today or in the past", () => {
    for (const date of ["2026-03-02", "2026-02-27", "2025-03-17"]) {
      expect(check({ windows: [{ date, part: "morning" }] })).toEqual([
        { path: "windows.0.date", message: "request.window.past" },
      ]);
    }
  });

  it("needs the course's lead time", () => {
    expect(check({ windows: [{ date: "2026-03-16", part: "morning" }] })).toEqual([]);
    expect(check({ windows: [{ date: "2026-03-13", part: "morning" }] })).toEqual([
      {
        path: "windows.0.date",
        message: "request.window.leadTime",
        params: { days: 14, earliest: "2026-03-16" },
      },
    ]);
  });

  it("uses a course's own lead time, down to the next day", () => {
    expect(
      check({ windows: [{ date: "2026-03-03", part: "morning" }] }, { leadTimeDays: 0 }),
    ).toEqual([]);
    expect(
      check({ windows: [{ date: "2026-03-03", part: "morning" }] }, { leadTimeDays: 1 }),
    ).toEqual([]);
    expect(
      check({ windows: [{ date: "2026-03-30", part: "morning" }] }, { leadTimeDays: 30 }),
    ).toEqual([
      {
        path: "windows.0.date",
        message: "request.window.leadTime",
        params: { days: 30, earliest: "2026-04-01" },
      },
    ]);
  });

  it("refuses windows more than a year ahead", () => {
    expect(check({ windows: [{ date: "2027-03-02", part: "morning" }] })).toEqual([]);
    expect(check({ windows: [{ date: "2027-03-03", part: "morning" }] })).toEqual([
      { path: "windows.0.date", message: "request.window.tooFar", params: { days: 365 } },
    ]);
  });

  it("refuses weekends", () => {
    for (const date of ["2026-03-21", "2026-03-22"]) {
      expect(check({ windows: [{ date, part: "morning" }] })).toEqual([
        { path: "windows.0.date", message: "request.window.weekend" },
      ]);
    }
    expect(check({ windows: [{ date: "2026-03-20", part: "morning" }] })).toEqual([]);
    expect(check({ windows: [{ date: "2026-03-23", part: "morning" }] })).toEqual([]);
  });

  it("does not refuse a date in a school holiday (that is a warning: holidayWarnings)", () => {
    const windows = [{ date: "2026-04-02", part: "morning" as const }];
    expect(check({ windows })).toEqual([]);
    expect(
      holidayWarnings(windows, [
        { name: "Påskeferie", startsOn: "2026-03-30", endsOn: "2026-04-06" },
      ]),
    ).toEqual([{ path: "windows.0.date", date: "2026-04-02", holiday: "Påskeferie" }]);
  });

  it("refuses a window given twice, also when a custom window repeats a day part", () => {
    const issues = check({
      windows: [
        { date: "2026-03-17", part: "morning" },
        { date: "2026-03-17", part: "afternoon" },
        { date: "2026-03-17", part: "custom", from: "08:00", to: "11:30" },
      ],
    });
    expect(issues).toEqual([{ path: "windows.2.date", message: "request.window.duplicate" }]);
  });

  it("checks every window and reports each at its own path", () => {
    const issues = check({
      windows: [
        { date: "2026-03-01", part: "morning" },
        { date: "2026-03-17", part: "morning" },
        { date: "2026-03-21", part: "afternoon" },
      ],
    });
    expect(issues).toEqual([
      { path: "windows.0.date", message: "request.window.past" },
      { path: "windows.2.date", message: "request.window.weekend" },
    ]);
  });

  it("refuses windows shorter than the course when its duration is known", () => {
    const course = { durationMinutes: 120 };
    expect(check({ windows: [{ date: "2026-03-17", part: "midday" }] }, course)).toEqual([]);
    expect(
      check(
        { windows: [{ date: "2026-03-17", part: "custom", from: "17:00", to: "18:30" }] },
        course,
      ),
    ).toEqual([
      { path: "windows.0.to", message: "request.window.tooShort", params: { minutes: 120 } },
    ]);
    expect(
      check({ windows: [{ date: "2026-03-17", part: "midday" }] }, { durationMinutes: 180 }),
    ).toEqual([
      { path: "windows.0.part", message: "request.window.tooShort", params: { minutes: 180 } },
    ]);
  });

  it("reports all broken rules together", () => {
    const issues = check(
      { participantsPerGroup: 40, grades: [], windows: [{ date: "2026-03-14", part: "morning" }] },
      { active: false },
    );
    expect(issues.map((issue) => issue.message)).toEqual([
      "request.course.inactive",
      "request.participantsPerGroup.overMax",
      "request.grades.required",
      "request.window.leadTime",
    ]);
  });
});

// ---- messages ----

describe("request and course messages", () => {
  const sources = ["app/domain/requests.ts", "app/domain/courses.ts"].map((file) =>
    readFileSync(file, "utf8"),
  );
  const usedKeys = new Set(
    sources.flatMap((source) =>
      [...source.matchAll(/"((?:request|course)\.[a-zA-Z]+(?:\.[a-zA-Z]+)+)"/g)].map(
        (match) => match[1],
      ),
    ),
  );

  it("finds the message keys used by the domain code", () => {
    expect(usedKeys.size).toBeGreaterThan(30);
    expect(usedKeys).toContain("request.window.leadTime");
    expect(usedKeys).toContain("course.grade.order");
  });

  it("has a Danish and an English text for every key the domain code uses", () => {
    const missing = [...usedKeys].filter(
      (key) => !(key in requestMessages.da) || !(key in requestMessages.en),
    );
    expect(missing).toEqual([]);
  });

  it("has the same keys in Danish and English", () => {
    expect(Object.keys(requestMessages.en).sort()).toEqual(Object.keys(requestMessages.da).sort());
  });

  it("names every status, audience, language and day part", () => {
    const names = [
      ...REQUEST_STATUSES.map((status) => `status.${status}`),
      ...AUDIENCES.map((audience) => `audience.${audience}`),
      ...COURSE_LANGUAGES.map((code) => `language.${code}`),
      ...DAY_PARTS.map((part) => `daypart.${part}`),
    ];
    for (const key of names) expect(requestMessages.da).toHaveProperty([key]);
    expect(requestMessages.da["status.in_progress"]).toBe("Under behandling");
    expect(requestMessages.da["audience.staff"]).toBe("Fagpersoner");
    expect(requestMessages.da["daypart.afternoon"]).toBe("Eftermiddag");
  });

  it("uses only known prefixes", () => {
    const prefixes = new Set(Object.keys(requestMessages.da).map((key) => key.split(".")[0]));
    expect([...prefixes].sort()).toEqual(
      ["audience", "course", "daypart", "language", "request", "status"].sort(),
    );
  });
});

describe("inboxTotal", () => {
  it("is the chosen status's count, or all counts without a status", () => {
    const counts = { requested: 3, in_progress: 2, declined: 1 };
    expect(inboxTotal(counts, undefined)).toBe(6);
    expect(inboxTotal(counts, "in_progress")).toBe(2);
    expect(inboxTotal(counts, "scheduled")).toBe(0);
    expect(inboxTotal({}, undefined)).toBe(0);
  });
});

describe("parseInboxQuery", () => {
  it("reads the inbox's filters and falls back on defaults for absent or malformed values", () => {
    expect(parseInboxQuery(new URLSearchParams(""))).toEqual({ sort: "oldest", page: 1 });
    expect(
      parseInboxQuery(new URLSearchParams("status=requested&school=7&sort=newest&page=3")),
    ).toEqual({ status: "requested", school: 7, sort: "newest", page: 3 });
    expect(parseInboxQuery(new URLSearchParams("sort=sideways&page=-3&school=abc"))).toEqual({
      sort: "oldest",
      page: 1,
    });
  });

  it("does not take zod's error path for a query without a sort (every plain visit)", () => {
    // An issue that `.catch` drops is still built with its message first: work on every request.
    const messages: unknown[] = [];
    z.config({ customError: (issue) => void messages.push(issue.code) });
    try {
      parseInboxQuery(new URLSearchParams(""));
      parseInboxQuery(new URLSearchParams("school=3&page=2"));
    } finally {
      z.config({ customError: undefined });
    }
    expect(messages).toEqual([]);
  });
});
