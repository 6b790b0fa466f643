import { describe, expect, it } from "vitest";
import { parseWithSchema } from "~/domain/forms";
import {
  allOrderViolations,
  allowedWindow,
  attachSessionSchema,
  earliestStartAfter,
  latestEndBefore,
  type OrderSession,
  type OrderStep,
  orderViolations,
  overrideReasonOf,
  reachOf,
  startTrackSchema,
  stepFormSchema,
  stepStatus,
  templateFormSchema,
  trackDisplayStatus,
  trackProgress,
} from "~/domain/tracks";

/** The seeded template's shape: briefing -> workshops (7 days) -> parents (7) -> follow-up (14). */
const steps: OrderStep[] = [
  { id: 11, position: 1, minGapDays: 0 },
  { id: 12, position: 2, minGapDays: 7 },
  { id: 13, position: 3, minGapDays: 7 },
  { id: 14, position: 4, minGapDays: 14 },
];

function session(
  id: number,
  stepId: number,
  startsAt: string,
  endsAt: string,
  status: OrderSession["status"] = "scheduled",
): OrderSession {
  return { id, stepId, startsAt, endsAt, status };
}

// Monday 2 March 2026, 14:00-15:30 Copenhagen (UTC+1).
const briefing = session(1, 11, "2026-03-02T13:00:00.000Z", "2026-03-02T14:30:00.000Z");

describe("earliestStartAfter / latestEndBefore: gaps in Copenhagen calendar days", () => {
  it("with no gap, only demands the end", () => {
    expect(earliestStartAfter("2026-03-02T14:30:00.000Z", 0)).toEqual({
      at: "2026-03-02T14:30:00.000Z",
      date: null,
    });
    expect(latestEndBefore("2026-03-09T07:00:00.000Z", 0)).toEqual({
      at: "2026-03-09T07:00:00.000Z",
      date: null,
    });
  });

  it("counts whole dates: a Monday 15:30 end with 7 days allows the next Monday from midnight", () => {
    expect(earliestStartAfter("2026-03-02T14:30:00.000Z", 7)).toEqual({
      at: "2026-03-08T23:00:00.000Z", // 2026-03-09 00:00 CET
      date: "2026-03-09",
    });
  });

  it("spring forward (29 March 2026): 2 days after a Friday is Sunday midnight CET, not 48 hours", () => {
    // Friday 27 March 15:00 CET ends; 48 hours later would be Sunday 16:00 CEST.
    const limit = earliestStartAfter("2026-03-27T14:00:00.000Z", 2);
    expect(limit).toEqual({ at: "2026-03-28T23:00:00.000Z", date: "2026-03-29" });
    // A Sunday-morning session at 08:00 CEST (06:00Z) is allowed; Saturday 23:30 CET is not.
    const friday = session(1, 11, "2026-03-27T12:00:00.000Z", "2026-03-27T14:00:00.000Z");
    const twoDays: OrderStep[] = [
      { id: 11, position: 1, minGapDays: 0 },
      { id: 12, position: 2, minGapDays: 2 },
    ];
    expect(
      orderViolations(twoDays, [friday], {
        stepId: 12,
        startsAt: "2026-03-29T06:00:00.000Z",
        endsAt: "2026-03-29T07:30:00.000Z",
      }),
    ).toEqual([]);
    expect(
      orderViolations(twoDays, [friday], {
        stepId: 12,
        startsAt: "2026-03-28T22:30:00.000Z",
        endsAt: "2026-03-28T22:50:00.000Z",
      }),
    ).toHaveLength(1);
  });

  it("fall back (25 October 2026): the 25-hour day is still one day", () => {
    // Friday 23 October 15:00 CEST (13:00Z).
    expect(earliestStartAfter("2026-10-23T13:00:00.000Z", 2)).toEqual({
      at: "2026-10-24T22:00:00.000Z", // Sunday 25 October 00:00 CEST
      date: "2026-10-25",
    });
    expect(earliestStartAfter("2026-10-23T13:00:00.000Z", 3)).toEqual({
      at: "2026-10-25T23:00:00.000Z", // Monday 26 October 00:00 CET
      date: "2026-10-26",
    });
    // An evening session ending after 23:00 UTC is already the next Copenhagen date.
    expect(earliestStartAfter("2026-10-25T23:30:00.000Z", 1).date).toBe("2026-10-27");
  });

  it("latestEndBefore is the inverse: the earlier session must end on the date `gap` days before", () => {
    // Later session Monday 9 March 08:00 CET; gap 7 -> end by Monday 2 March (before 3 March 00:00).
    expect(latestEndBefore("2026-03-09T07:00:00.000Z", 7)).toEqual({
      at: "2026-03-02T23:00:00.000Z",
      date: "2026-03-02",
    });
    // Across spring forward: later session Tuesday 31 March 08:00 CEST, gap 3 -> Saturday 28 March.
    expect(latestEndBefore("2026-03-31T06:00:00.000Z", 3)).toEqual({
      at: "2026-03-28T23:00:00.000Z",
      date: "2026-03-28",
    });
  });
});

describe("orderViolations: a later step after an earlier one", () => {
  it("refuses a step-2 session before step 1 has ended plus 7 days, naming the session", () => {
    const violations = orderViolations(steps, [briefing], {
      stepId: 12,
      startsAt: "2026-03-06T07:00:00.000Z", // Friday 6 March
      endsAt: "2026-03-06T08:30:00.000Z",
    });
    expect(violations).toEqual([
      {
        kind: "tooEarly",
        stepId: 12,
        stepPosition: 2,
        otherStepId: 11,
        otherStepPosition: 1,
        otherSessionId: 1,
        otherStartsAt: briefing.startsAt,
        otherEndsAt: briefing.endsAt,
        gapDays: 7,
        limit: { at: "2026-03-08T23:00:00.000Z", date: "2026-03-09" },
      },
    ]);
  });

  it("allows the first allowed date at any time of day", () => {
    expect(
      orderViolations(steps, [briefing], {
        stepId: 12,
        startsAt: "2026-03-09T07:15:00.000Z",
        endsAt: "2026-03-09T08:45:00.000Z",
      }),
    ).toEqual([]);
  });

  it("with gap 0 a session may start the moment the earlier one ended, not a minute before", () => {
    const noGap: OrderStep[] = [
      { id: 11, position: 1, minGapDays: 0 },
      { id: 12, position: 2, minGapDays: 0 },
    ];
    const at = (start: string, end: string) =>
      orderViolations(noGap, [briefing], { stepId: 12, startsAt: start, endsAt: end });
    expect(at("2026-03-02T14:30:00.000Z", "2026-03-02T15:30:00.000Z")).toEqual([]);
    expect(at("2026-03-02T14:29:00.000Z", "2026-03-02T15:30:00.000Z")).toHaveLength(1);
  });

  it("checks every session of the earlier step (one workshop per class)", () => {
    const workshops = [
      session(2, 12, "2026-03-09T07:00:00.000Z", "2026-03-09T08:30:00.000Z", "delivered"),
      session(3, 12, "2026-03-10T07:00:00.000Z", "2026-03-10T08:30:00.000Z"),
      session(4, 12, "2026-03-12T07:00:00.000Z", "2026-03-12T08:30:00.000Z"),
    ];
    const violations = orderViolations(steps, [briefing, ...workshops], {
      stepId: 13,
      startsAt: "2026-03-18T16:00:00.000Z", // 6 days after the last workshop
      endsAt: "2026-03-18T18:00:00.000Z",
    });
    expect(violations.map((v) => v.otherSessionId)).toEqual([4]);
    expect(violations[0].limit.date).toBe("2026-03-19");
  });

  it("across an empty step the gaps add up, so that the step in between still fits", () => {
    // Step 3 right after the briefing, with step 2 (7 days) not booked: needs 7 + 7 days.
    const violations = orderViolations(steps, [briefing], {
      stepId: 13,
      startsAt: "2026-03-12T16:00:00.000Z",
      endsAt: "2026-03-12T18:00:00.000Z",
    });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ otherStepPosition: 1, gapDays: 14 });
    expect(violations[0].limit.date).toBe("2026-03-16");
  });

  it("ignores cancelled sessions", () => {
    const cancelled = { ...briefing, status: "cancelled" as const };
    expect(
      orderViolations(steps, [cancelled], {
        stepId: 12,
        startsAt: "2026-03-02T07:00:00.000Z",
        endsAt: "2026-03-02T08:00:00.000Z",
      }),
    ).toEqual([]);
  });

  it("does not order sessions of the same step, nor sessions of other tracks' steps", () => {
    const sameStep = session(5, 12, "2026-03-20T07:00:00.000Z", "2026-03-20T08:00:00.000Z");
    const elsewhere = session(6, 99, "2026-01-01T07:00:00.000Z", "2026-12-01T08:00:00.000Z");
    expect(
      orderViolations(steps, [sameStep, elsewhere], {
        stepId: 12,
        startsAt: "2026-03-09T07:00:00.000Z",
        endsAt: "2026-03-09T08:00:00.000Z",
      }),
    ).toEqual([]);
  });
});

describe("orderViolations: an earlier step moved past a later one", () => {
  const workshop = session(2, 12, "2026-03-09T07:00:00.000Z", "2026-03-09T08:30:00.000Z");

  it("refuses moving the briefing to less than 7 days before a booked workshop", () => {
    const violations = orderViolations(steps, [briefing, workshop], {
      sessionId: briefing.id,
      stepId: 11,
      startsAt: "2026-03-03T13:00:00.000Z", // Tuesday: only 6 days before Monday's workshop
      endsAt: "2026-03-03T14:30:00.000Z",
    });
    expect(violations).toEqual([
      {
        kind: "tooLate",
        stepId: 11,
        stepPosition: 1,
        otherStepId: 12,
        otherStepPosition: 2,
        otherSessionId: 2,
        otherStartsAt: workshop.startsAt,
        otherEndsAt: workshop.endsAt,
        gapDays: 7,
        limit: { at: "2026-03-02T23:00:00.000Z", date: "2026-03-02" },
      },
    ]);
  });

  it("does not count the moved session against itself, and allows a move earlier", () => {
    expect(
      orderViolations(steps, [briefing, workshop], {
        sessionId: briefing.id,
        stepId: 11,
        startsAt: "2026-02-26T13:00:00.000Z",
        endsAt: "2026-02-26T14:30:00.000Z",
      }),
    ).toEqual([]);
  });

  it("catches a move after the later step entirely and a late step-1 booking alike", () => {
    const late = {
      stepId: 11,
      startsAt: "2026-03-20T13:00:00.000Z",
      endsAt: "2026-03-20T14:30:00.000Z",
    };
    expect(orderViolations(steps, [workshop], late).map((v) => v.kind)).toEqual(["tooLate"]);
    expect(
      orderViolations(steps, [briefing, workshop], { ...late, sessionId: 1 }).map((v) => v.kind),
    ).toEqual(["tooLate"]);
  });

  it("ignores a cancelled later session", () => {
    expect(
      orderViolations(steps, [{ ...workshop, status: "cancelled" }], {
        stepId: 11,
        startsAt: "2026-03-20T13:00:00.000Z",
        endsAt: "2026-03-20T14:30:00.000Z",
      }),
    ).toEqual([]);
  });
});

describe("allOrderViolations and allowedWindow", () => {
  it("lists each breaking pair once, earlier step first", () => {
    const early = session(7, 12, "2026-03-03T07:00:00.000Z", "2026-03-03T08:00:00.000Z");
    const pairs = allOrderViolations(steps, [briefing, early]);
    expect(pairs.map((p) => [p.earlierSessionId, p.laterSessionId])).toEqual([[1, 7]]);
    expect(allOrderViolations(steps, [briefing])).toEqual([]);
  });

  it("gives the window a new session must fall in", () => {
    const followUp = session(9, 14, "2026-04-27T12:00:00.000Z", "2026-04-27T13:30:00.000Z");
    const window = allowedWindow(steps, [briefing, followUp], 13);
    expect(window.earliestStart?.date).toBe("2026-03-16"); // briefing + 7 + 7
    expect(window.latestEnd?.date).toBe("2026-04-13"); // follow-up - 14
    expect(allowedWindow(steps, [], 13)).toEqual({ earliestStart: null, latestEnd: null });
  });
});

describe("stepStatus and trackProgress", () => {
  it.each([
    [3, [], "notPlanned"],
    [3, ["cancelled"], "notPlanned"],
    [3, ["scheduled"], "planned"],
    [3, ["delivered", "scheduled"], "partlyDelivered"],
    [3, ["delivered", "delivered"], "partlyDelivered"],
    [3, ["delivered", "delivered", "delivered"], "delivered"],
    [3, ["delivered", "delivered", "delivered", "cancelled"], "delivered"],
    [1, ["delivered", "scheduled"], "partlyDelivered"],
  ] as const)("expects %i, sessions %j: %s", (expected, statuses, status) => {
    expect(stepStatus(expected, statuses)).toBe(status);
  });

  it("counts delivered steps", () => {
    expect(trackProgress(["delivered", "delivered", "partlyDelivered", "notPlanned"])).toEqual({
      delivered: 2,
      total: 4,
    });
  });

  it.each([
    ["active", 4, 4, "completed"],
    ["active", 3, 4, "active"],
    ["active", 0, 0, "active"],
    ["stopped", 4, 4, "stopped"],
    ["stopped", 1, 4, "stopped"],
  ] as const)(
    "a %s track with %i of %i steps delivered shows %s",
    (status, delivered, total, shown) => {
      expect(trackDisplayStatus(status, { delivered, total })).toBe(shown);
    },
  );
});

describe("reachOf", () => {
  it("sums attendance per audience and sets answers against registered attendance only", () => {
    const reach = reachOf([
      {
        status: "delivered",
        attendancePupils: 24,
        attendanceProfessionals: null,
        attendanceParents: null,
        answers: 18,
      },
      {
        status: "delivered",
        attendancePupils: 26,
        attendanceProfessionals: null,
        attendanceParents: null,
        answers: 20,
      },
      // Delivered, attendance not registered yet: its 5 answers are counted but not rated.
      {
        status: "delivered",
        attendancePupils: null,
        attendanceProfessionals: null,
        attendanceParents: null,
        answers: 5,
      },
      {
        status: "cancelled",
        attendancePupils: null,
        attendanceProfessionals: null,
        attendanceParents: null,
        answers: 3,
      },
    ]);
    expect(reach).toEqual({
      pupils: 50,
      staff: 0,
      parents: 0,
      answers: 43,
      responseRate: 38 / 50,
      sessionsWithoutAttendance: 1,
    });
  });

  it("has no response rate without attendance", () => {
    expect(reachOf([]).responseRate).toBeNull();
  });
});

describe("form schemas", () => {
  const step = { courseId: "3", sessionsExpected: "3", minGapDays: "7", note: "", version: "1" };

  it("refuses a gap of -1 or 10,000 days with one clear message", () => {
    for (const minGapDays of ["-1", "10000", "1.5", "x"]) {
      const parsed = parseWithSchema(stepFormSchema, { ...step, minGapDays });
      expect(parsed.ok ? {} : parsed.errors).toEqual({
        minGapDays: "tracks.step.minGapDays.range",
      });
    }
    const ok = parseWithSchema(stepFormSchema, { ...step, minGapDays: "365" });
    expect(ok.ok && ok.data.minGapDays).toBe(365);
  });

  it("needs a course and 1-50 sessions", () => {
    const parsed = parseWithSchema(stepFormSchema, {
      ...step,
      courseId: "",
      sessionsExpected: "0",
    });
    expect(parsed.ok ? {} : parsed.errors).toEqual({
      courseId: "tracks.step.course.required",
      sessionsExpected: "tracks.step.sessionsExpected.range",
    });
  });

  it("needs a template name of at most 120 characters", () => {
    const empty = parseWithSchema(templateFormSchema, { name: "  ", description: "" });
    expect(empty.ok ? {} : empty.errors).toEqual({ name: "tracks.template.name.required" });
    const long = parseWithSchema(templateFormSchema, { name: "x".repeat(121) });
    expect(long.ok ? {} : long.errors).toEqual({ name: "tracks.template.name.tooLong" });
  });

  it("needs a cohort year 2000-2100", () => {
    const parsed = parseWithSchema(startTrackSchema, {
      schoolId: "1",
      templateId: "1",
      cohortYear: "24",
    });
    expect(parsed.ok ? {} : parsed.errors).toEqual({ cohortYear: "tracks.start.cohortYear.range" });
  });

  describe("the override of the order rule", () => {
    const attach = { sessionId: "5", stepId: "2" };

    it("needs a written reason when ticked", () => {
      const parsed = parseWithSchema(attachSessionSchema, {
        ...attach,
        overrideOrder: "on",
        overrideReason: "   ",
      });
      expect(parsed.ok ? {} : parsed.errors).toEqual({
        overrideReason: "tracks.override.reason.required",
      });
    });

    it("refuses 5,000 characters and accepts 2,000", () => {
      const tooLong = parseWithSchema(attachSessionSchema, {
        ...attach,
        overrideOrder: "on",
        overrideReason: "x".repeat(5000),
      });
      expect(tooLong.ok ? {} : tooLong.errors).toEqual({
        overrideReason: "tracks.override.reason.tooLong",
      });
      const fine = parseWithSchema(attachSessionSchema, {
        ...attach,
        overrideOrder: "on",
        overrideReason: "y".repeat(2000),
      });
      expect(fine.ok && overrideReasonOf(fine.data)).toBe("y".repeat(2000));
    });

    it("is no override when the box is not ticked, whatever was written", () => {
      const parsed = parseWithSchema(attachSessionSchema, { ...attach, overrideReason: "Fordi" });
      expect(parsed.ok && overrideReasonOf(parsed.data)).toBeNull();
    });
  });
});
