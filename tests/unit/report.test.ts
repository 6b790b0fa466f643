import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { fieldErrorsFromIssues } from "~/domain/forms";
import {
  buildReportModel,
  characterCount,
  emptyTexts,
  finaliseSchema,
  isReportSnapshot,
  type MonthCountRow,
  parseReportYear,
  proRataShare,
  type ReportInput,
  reportDifferences,
  reportTextSchema,
  supersedeSchema,
  takeSnapshot,
  targetFigures,
  yearPhase,
} from "~/domain/report";
import { hasMessage } from "~/i18n";

const NOW = new Date("2026-03-14T10:00:00Z");

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  const months: MonthCountRow[] = [
    {
      audience: "pupils",
      month: 2,
      status: "delivered",
      sessions: 10,
      attendance: 240,
      withoutAttendance: 1,
    },
    {
      audience: "pupils",
      month: 9,
      status: "delivered",
      sessions: 20,
      attendance: 500,
      withoutAttendance: 2,
    },
    {
      audience: "pupils",
      month: 9,
      status: "cancelled",
      sessions: 3,
      attendance: 0,
      withoutAttendance: 0,
    },
    {
      audience: "staff",
      month: 3,
      status: "delivered",
      sessions: 4,
      attendance: 90,
      withoutAttendance: 0,
    },
    {
      audience: "parents",
      month: 10,
      status: "delivered",
      sessions: 2,
      attendance: 31,
      withoutAttendance: 1,
    },
  ];
  return {
    year: 2025,
    now: NOW,
    months,
    districts: [
      { district: "Nørrebro", pilot: true, schools: 1, sessions: 12 },
      { district: "Nørrebro", pilot: false, schools: 3, sessions: 9 },
      { district: "Amager", pilot: false, schools: 2, sessions: 15 },
    ],
    declinedRequests: 4,
    languages: [
      { language: "ar", sessions: 1 },
      { language: "so", sessions: 1 },
      { language: "da", sessions: 2 },
    ],
    tracks: [],
    evaluations: [],
    ...overrides,
  };
}

describe("target arithmetic", () => {
  it("achieved, gap, share of target, sessions behind it and sessions lacking attendance", () => {
    const t = targetFigures("pupils", 2000, {
      sessions: 30,
      attendance: 740,
      withoutAttendance: 3,
    });
    expect(t).toEqual({
      key: "pupils",
      target: 2000,
      achieved: 740,
      gap: 1260,
      share: 0.37,
      sessions: 30,
      withoutAttendance: 3,
    });
  });

  it("a target passed has no negative gap", () => {
    const t = targetFigures("staff", 200, { sessions: 9, attendance: 260, withoutAttendance: 0 });
    expect(t.gap).toBe(0);
    expect(t.share).toBeCloseTo(1.3, 10);
  });

  it("without a target (parents) there is no gap or share", () => {
    const t = targetFigures("parents", null, { sessions: 2, attendance: 31, withoutAttendance: 1 });
    expect(t.gap).toBeNull();
    expect(t.share).toBeNull();
  });

  it("the model adds up delivered sessions only, per audience", () => {
    const model = buildReportModel(input());
    const [pupils, staff, parents] = model.targets;
    expect(pupils).toMatchObject({ achieved: 740, gap: 1260, sessions: 30, withoutAttendance: 3 });
    expect(staff).toMatchObject({ achieved: 90, gap: 110, share: 0.45, sessions: 4 });
    expect(parents).toMatchObject({ achieved: 31, sessions: 2, target: null });
    expect(model.reach.sessions).toEqual({ delivered: 36, scheduled: 0, cancelled: 3 });
    expect(model.reach.declinedRequests).toBe(4);
  });

  it("pro-rata line: month / 12 of the target; cumulative shares per month", () => {
    expect(proRataShare(1)).toBe(8.3);
    expect(proRataShare(6)).toBe(50);
    expect(proRataShare(12)).toBe(100);
    const model = buildReportModel(input());
    expect(model.monthly).toHaveLength(12);
    expect(model.monthly[0]).toMatchObject({ month: "2025-01", pupilsShare: 0, proRata: 8.3 });
    expect(model.monthly[1]).toMatchObject({ pupils: 240, pupilsShare: 12 });
    expect(model.monthly[8]).toMatchObject({ pupils: 500, pupilsShare: 37 });
    expect(model.monthly[11]).toMatchObject({ pupilsShare: 37, staffShare: 45, proRata: 100 });
  });

  it("the running year counts up to today only: later months have no cumulative value", () => {
    const model = buildReportModel(input({ year: 2026 }));
    expect(model.phase).toBe("current");
    expect(model.asOf).toBe("2026-03-14");
    expect(model.monthly[2].pupilsShare).not.toBeNull();
    expect(model.monthly[3].pupilsShare).toBeNull();
  });

  it("reach by district: pilot and standard schools, sorted by name", () => {
    const model = buildReportModel(input());
    expect(model.reach.districts).toEqual([
      { district: "Amager", pilot: 0, standard: 2, total: 2, sessions: 15 },
      { district: "Nørrebro", pilot: 1, standard: 3, total: 4, sessions: 21 },
    ]);
    expect(model.reach.schools).toEqual({ pilot: 1, standard: 5, total: 6 });
    expect(model.reach.languages.map((l) => l.language)).toEqual(["da", "ar", "so"]);
  });

  it("a year without sessions says so", () => {
    const model = buildReportModel(input({ months: [], districts: [], languages: [] }));
    expect(model.hasData).toBe(false);
    expect(model.targets[0]).toMatchObject({ achieved: 0, gap: 2000, share: 0 });
  });
});

describe("years", () => {
  it("phases against today (Copenhagen)", () => {
    expect(yearPhase(2023, NOW)).toBe("before");
    expect(yearPhase(2025, NOW)).toBe("past");
    expect(yearPhase(2026, NOW)).toBe("current");
    expect(yearPhase(2027, NOW)).toBe("future");
    // New Year's night: 23:30 UTC on 31 December is already next year in Copenhagen.
    expect(yearPhase(2026, new Date("2025-12-31T23:30:00Z"))).toBe("current");
  });

  it("parses four-digit years only", () => {
    expect(parseReportYear("2025")).toBe(2025);
    expect(parseReportYear("25")).toBeNull();
    expect(parseReportYear("2025x")).toBeNull();
    expect(parseReportYear(undefined)).toBeNull();
  });
});

describe("track steps in the report", () => {
  const track = (answers: number[]) =>
    buildReportModel(
      input({
        tracks: [
          {
            schoolName: "Tingbjerg Skole",
            district: "Brønshøj-Husum",
            pilot: true,
            name: "Pilotforløb",
            cohortYear: 2025,
            status: "active",
            steps: [
              {
                position: 1,
                courseTitle: "Oplæg",
                audience: "staff",
                sessionsExpected: 2,
                sessions: answers.map((a, i) => ({
                  startsAt: `2025-0${3 + i}-10T08:00:00.000Z`,
                  status: "delivered" as const,
                  attendance: i === 0 ? 20 : null,
                  answers: a,
                })),
              },
            ],
          },
        ],
      }),
    ).tracks[0].steps[0];

  it("dates, attendance, sessions lacking attendance and the response rate", () => {
    const step = track([12, 3]);
    expect(step).toMatchObject({
      delivered: 2,
      firstDate: "2025-03-10",
      lastDate: "2025-04-10",
      attendance: 20,
      withoutAttendance: 1,
      answers: 15,
      responseRate: 60,
    });
  });

  it("fewer than 5 answers: neither the count nor the rate is shown", () => {
    const step = track([4]);
    expect(step.answers).toBeNull();
    expect(step.responseRate).toBeNull();
  });
});

describe("snapshot", () => {
  it("is a deep copy: changing the live model afterwards changes nothing in it", () => {
    const model = buildReportModel(input());
    const texts = { ...emptyTexts(), summary: "Årets opsummering مرحبا 🎉" };
    const snapshot = takeSnapshot(model, texts);
    model.targets[0].achieved = 9999;
    model.reach.districts[0].total = 99;
    texts.summary = "changed";
    expect(snapshot.model.targets[0].achieved).toBe(740);
    expect(snapshot.model.reach.districts[0].total).toBe(2);
    expect(snapshot.texts.summary).toBe("Årets opsummering مرحبا 🎉");
    expect(isReportSnapshot(JSON.parse(JSON.stringify(snapshot)))).toBe(true);
    expect(isReportSnapshot({ model: {}, texts: {} })).toBe(false);
  });

  it("names the figures live data would change (and nothing else)", () => {
    const frozen = buildReportModel(input());
    expect(reportDifferences(frozen, buildReportModel(input()))).toEqual([]);
    const later = input();
    later.months = [
      ...later.months,
      {
        audience: "pupils",
        month: 12,
        status: "delivered",
        sessions: 1,
        attendance: 25,
        withoutAttendance: 0,
      },
    ];
    later.declinedRequests = 5;
    const differences = reportDifferences(frozen, buildReportModel(later));
    expect(differences.map((d) => [d.key, d.frozen, d.live])).toEqual([
      ["target.pupils.achieved", 740, 765],
      ["target.pupils.sessions", 30, 31],
      ["reach.sessions.delivered", 36, 37],
      ["reach.declined", 4, 5],
    ]);
  });
});

describe("text sections", () => {
  it("take 20,000 characters (Arabic, emoji) and refuse one more", () => {
    const arabic = [..."مرحبا بالعالم 🎉 "];
    const text = Array.from({ length: 20_000 }, (_, i) => arabic[i % arabic.length]).join("");
    expect(characterCount(text)).toBe(20_000);
    expect(reportTextSchema.safeParse({ section: "summary", text }).success).toBe(true);
    const tooLong = reportTextSchema.safeParse({ section: "summary", text: `${text}x` });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0].message).toBe("report.error.textTooLong");
  });

  it("count a browser's CRLF line break once", () => {
    const parsed = reportTextSchema.parse({ section: "nextYear", text: "a\r\nb" });
    expect(parsed.text).toBe("a\nb");
  });
});

describe("the report's forms as posted (the action parses them with these schemas)", () => {
  /** The field errors the route answers with: each a message key of the catalogue. */
  const errorsOf = (schema: ZodType, values: object) => {
    const parsed = schema.safeParse(values);
    const errors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues);
    for (const key of Object.values(errors)) expect(hasMessage(key), key).toBe(true);
    return errors;
  };

  it("a text section without text, or for an unknown section, is named with a message key", () => {
    expect(errorsOf(reportTextSchema, { section: "summary" })).toEqual({
      text: "report.error.textMissing",
    });
    expect(errorsOf(reportTextSchema, { section: "foreword", text: "x" })).toEqual({
      section: "report.error.section",
    });
  });

  it("the version comes as text and is a positive whole number, else the form is stale", () => {
    expect(finaliseSchema.parse({ version: "3" })).toEqual({ version: 3 });
    for (const version of [undefined, "", "abc", "0", "-2", "1.5"]) {
      expect(errorsOf(finaliseSchema, { version }), String(version)).toEqual({
        version: "report.error.stale",
      });
      expect(errorsOf(supersedeSchema, { version, reason: "r" }), String(version)).toEqual({
        version: "report.error.stale",
      });
    }
  });

  it("superseding needs a reason (trimmed) of at most 2,000 characters", () => {
    expect(supersedeSchema.parse({ version: "2", reason: "  Sent fremmøde  " })).toEqual({
      version: 2,
      reason: "Sent fremmøde",
    });
    for (const reason of [undefined, "", "   "]) {
      expect(errorsOf(supersedeSchema, { version: "2", reason }), String(reason)).toEqual({
        reason: "report.error.reasonRequired",
      });
    }
    expect(errorsOf(supersedeSchema, { version: "2", reason: "x".repeat(2_000) })).toEqual({});
    expect(errorsOf(supersedeSchema, { version: "2", reason: "x".repeat(2_001) })).toEqual({
      reason: "report.error.reasonTooLong",
    });
  });
});
