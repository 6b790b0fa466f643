import { describe, expect, it } from "vitest";
import {
  conflictTexts,
  limitText,
  orderViolationTexts,
  reachText,
} from "~/components/scheduling-texts.server";
import { withTrackTexts } from "~/components/track-view.server";

describe("scheduling texts (made by loaders and actions, not in the browser)", () => {
  it("writes an order limit as a date when the gap is in days, else as the exact time", () => {
    expect(limitText({ date: "2026-03-10", at: "2026-03-09T23:00:00.000Z" }, "da")).toBe(
      "tirsdag den 10. marts 2026",
    );
    expect(limitText({ date: null, at: "2026-03-10T09:30:00.000Z" }, "da")).toBe(
      "tirsdag den 10. marts 2026 kl. 10.30",
    );
  });

  it("writes each refusal of the order rule as one sentence, with or without a gap", () => {
    const violation = {
      kind: "tooEarly" as const,
      stepPosition: 2,
      courseTitle: "Workshop",
      otherStepPosition: 1,
      otherCourseTitle: "Oplæg",
      otherStartsAt: "2026-03-06T08:00:00.000Z",
      otherEndsAt: "2026-03-06T09:30:00.000Z",
      gapDays: 7,
      limit: { date: "2026-03-13", at: "2026-03-12T23:00:00.000Z" },
    };
    expect(orderViolationTexts([violation], "da")).toEqual([
      "Trin 2 (Workshop) kan tidligst starte fredag den 13. marts 2026: trin 1 (Oplæg) har en session fredag den 6. marts 2026 kl. 09.00–10.30, og der skal gå mindst 7 dage efter den.",
    ]);
    const [noGap] = orderViolationTexts(
      [{ ...violation, gapDays: 0, limit: { date: null, at: violation.otherEndsAt } }],
      "en",
    );
    expect(noGap).toMatch(/^Step 2 \(Workshop\) .*Friday, 6 March 2026 at 09:00–10:30/);
    expect(orderViolationTexts(undefined, "da")).toEqual([]);
  });

  it("writes each clash with its facilitator, time and label", () => {
    expect(
      conflictTexts(
        [
          {
            facilitatorName: "Anna",
            kind: "session",
            startsAt: "2026-03-06T08:00:00.000Z",
            endsAt: "2026-03-06T09:30:00.000Z",
            label: "Valby Bakke Skole",
          },
        ],
        "da",
      ),
    ).toEqual([
      "Anna har allerede en session fredag den 6. marts 2026 kl. 09.00–10.30: Valby Bakke Skole",
    ]);
  });

  it("writes reach without the audiences nobody came from, and names missing attendance", () => {
    const reach = {
      pupils: 72,
      staff: 0,
      parents: 4,
      answers: 50,
      responseRate: 0.655,
      sessionsWithoutAttendance: 1,
    };
    expect(reachText(reach, "da")).toBe(
      "72 elever, 4 forældre · 50 svar · svarprocent 66 % (1 gennemført(e) session(er) mangler registreret fremmøde)",
    );
    expect(
      reachText(
        { ...reach, pupils: 0, parents: 0, responseRate: null, sessionsWithoutAttendance: 0 },
        "da",
      ),
    ).toBe("intet fremmøde endnu · 50 svar · ingen svarprocent");
  });
});

describe("withTrackTexts (the track page's texts)", () => {
  const reach = {
    pupils: 0,
    staff: 0,
    parents: 0,
    answers: 0,
    responseRate: null,
    sessionsWithoutAttendance: 0,
  };
  const step = {
    id: 11,
    position: 1,
    courseTitle: "Oplæg",
    courseAudience: "pupils",
    status: "planned",
    deliveredCount: 0,
    scheduledCount: 1,
    sessionsExpected: 1,
    minGapDays: 0,
    note: "",
    firstStartsAt: "2026-03-06T08:00:00.000Z",
    lastEndsAt: "2026-03-06T09:30:00.000Z",
    earliestStart: null,
    latestEnd: { date: "2026-03-10", at: "2026-03-10T23:00:00.000Z" },
    reach,
    sessions: [
      {
        id: 5,
        startsAt: "2026-03-06T08:00:00.000Z",
        endsAt: "2026-03-06T09:30:00.000Z",
        attendance: { pupils: 24, staff: null, parents: 2 },
      },
    ],
  };
  const page = {
    track: {
      nextSession: { startsAt: "2026-03-06T08:00:00.000Z", stepPosition: 1, courseTitle: "Oplæg" },
      reach,
      steps: [step, { ...step, id: 12, position: 2, minGapDays: 7, status: "delivered" }],
    },
    attachable: [],
    overrides: [
      {
        id: 1,
        created_at: "2026-03-05T10:00:00.000Z",
        actor_name: "Koordinator",
        action: "scheduled",
        step_position: 2,
        session_starts_at: "2026-03-07T08:00:00.000Z",
        session_ends_at: "2026-03-07T09:00:00.000Z",
        reason: "Kun denne dag",
        violations: [
          {
            otherStepPosition: 1,
            otherCourseTitle: "Oplæg",
            otherStartsAt: "2026-03-06T08:00:00.000Z",
            otherEndsAt: "2026-03-06T09:30:00.000Z",
          },
        ],
      },
    ],
    courseOptions: [],
  } as unknown as Parameters<typeof withTrackTexts>[0];

  it("writes each step's facts, the next session, the print date and the overrides", () => {
    const texts = withTrackTexts(page, "da", new Date("2026-03-01T12:00:00.000Z"));
    expect(texts.printedOn).toBe("søndag den 1. marts 2026");
    expect(texts.track.nextText).toBe("fredag den 6. marts 2026 kl. 09.00 (Trin 1: Oplæg)");
    const [first, second] = texts.track.steps;
    expect(first?.facts.map((fact) => [fact.term, fact.detail])).toEqual([
      ["Målgruppe", "Elever"],
      ["Sessioner", "0 gennemført, 1 planlagt af 1 forventet"],
      ["Mellemrum", "Første trin"],
      ["Datoer", "fredag den 6. marts 2026"],
      ["Senest slut", "tirsdag den 10. marts 2026"],
      ["Fremmøde og svar", "intet fremmøde endnu · 0 svar · ingen svarprocent"],
    ]);
    // A finished step shows no limits of the order rule.
    expect(second?.facts.map((fact) => fact.detail)).toContain("Mindst 7 dage efter trin 1");
    expect(second?.facts.map((fact) => fact.term)).not.toContain("Senest slut");
    expect(first?.sessions[0]).toMatchObject({
      time: "fredag den 6. marts 2026 kl. 09.00–10.30",
      attendanceText: "24 / 2",
    });
    expect(texts.overrides[0]).toMatchObject({
      when: "torsdag den 5. marts 2026 kl. 11.00",
      what: "Trin 2: session planlagt lørdag den 7. marts 2026 kl. 09.00–10.00",
      blocked: ["Trin 1: Oplæg fredag den 6. marts 2026 kl. 09.00–10.30"],
    });
  });
});
