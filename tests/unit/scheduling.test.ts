import { describe, expect, it } from "vitest";
import { formDataToObject, parseWithSchema } from "~/domain/forms";
import {
  type BusyInterval,
  busyWindow,
  cancelSchema,
  findConflicts,
  moveSessionSchema,
  parseMailbox,
  rankSuggestions,
  reminderDedupeKey,
  reminderKeyPrefix,
  reminderTimes,
  requestStatusAfterSessions,
  SESSION_FORM_ARRAY_FIELDS,
  sessionFormSchema,
  sessionInstants,
  swapFacilitatorsSchema,
  transitionSession,
} from "~/domain/scheduling";
import { copenhagenMonthRange } from "../../app/domain/timezone";

const candidate = { startUtc: "2026-03-10T08:00:00.000Z", endUtc: "2026-03-10T09:30:00.000Z" };

function session(userId: number, id: number, startsAt: string, endsAt: string): BusyInterval {
  return { userId, kind: "session", id, startsAt, endsAt, label: `Session ${id}` };
}

function away(userId: number, id: number, startsAt: string, endsAt: string): BusyInterval {
  return { userId, kind: "unavailability", id, startsAt, endsAt, label: "Ferie" };
}

describe("sessionFormSchema", () => {
  const valid = {
    date: "2026-03-10",
    start: "09:00",
    end: "10:30",
    place: "Tingbjerg Skole, lokale 12",
    facilitatorIds: ["3", "4"],
  };

  it("accepts a valid form from FormData, with repeated facilitator checkboxes", () => {
    const form = new FormData();
    for (const [key, value] of Object.entries(valid)) {
      for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
    }
    form.append("confirmUnavailability", "on");
    const parsed = parseWithSchema(
      sessionFormSchema,
      formDataToObject(form, SESSION_FORM_ARRAY_FIELDS),
    );
    expect(parsed).toEqual({
      ok: true,
      data: {
        date: "2026-03-10",
        start: "09:00",
        end: "10:30",
        place: "Tingbjerg Skole, lokale 12",
        facilitatorIds: [3, 4],
        confirmUnavailability: true,
        version: undefined,
      },
    });
  });

  it("refuses a time in the spring-forward gap with the time.nonexistent key", () => {
    const parsed = parseWithSchema(sessionFormSchema, {
      ...valid,
      date: "2026-03-29",
      start: "02:30",
      end: "03:30",
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.start).toBe("time.nonexistent");
  });

  it("takes the first occurrence of an ambiguous fall-back time", () => {
    expect(sessionInstants({ date: "2025-10-26", start: "02:30", end: "03:30" })).toEqual({
      startUtc: "2025-10-26T00:30:00.000Z",
      endUtc: "2025-10-26T02:30:00.000Z",
    });
  });

  it("reports every missing field and an end before the start", () => {
    const parsed = parseWithSchema(sessionFormSchema, {
      date: "",
      start: "",
      end: "",
      place: "",
      facilitatorIds: [],
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors).toMatchObject({
        date: "sessions.date.required",
        start: "sessions.time.required",
        end: "sessions.time.required",
        place: "sessions.place.required",
        facilitatorIds: "sessions.facilitators.required",
      });
    }
    const order = parseWithSchema(sessionFormSchema, { ...valid, start: "11:00", end: "10:00" });
    expect(order.ok ? null : order.errors.end).toBe("sessions.end.beforeStart");
    const badDate = parseWithSchema(sessionFormSchema, { ...valid, date: "2026-02-30" });
    expect(badDate.ok ? null : badDate.errors.date).toBe("sessions.date.invalid");
    const tooMany = parseWithSchema(sessionFormSchema, {
      ...valid,
      facilitatorIds: ["1", "2", "3", "4", "5"],
    });
    expect(tooMany.ok ? null : tooMany.errors.facilitatorIds).toBe("sessions.facilitators.tooMany");
  });

  it("requires a version on the move, swap and cancel forms", () => {
    const move = parseWithSchema(moveSessionSchema, { ...valid, version: "" });
    expect(move.ok ? null : move.errors.version).toBe("sessions.version.invalid");
    const swap = parseWithSchema(swapFacilitatorsSchema, { facilitatorIds: ["2"], version: "3" });
    expect(swap).toEqual({
      ok: true,
      data: { facilitatorIds: [2], confirmUnavailability: false, version: 3 },
    });
    const cancel = parseWithSchema(cancelSchema, { version: "1", reason: "x".repeat(501) });
    expect(cancel.ok ? null : cancel.errors.reason).toBe("sessions.reason.tooLong");
  });
});

describe("findConflicts", () => {
  it("counts a session ending less than 30 minutes before as a clash, 30 minutes as free", () => {
    const tooClose = session(1, 10, "2026-03-10T06:31:00.000Z", "2026-03-10T07:31:00.000Z");
    const justFree = session(1, 11, "2026-03-10T06:30:00.000Z", "2026-03-10T07:30:00.000Z");
    const after = session(1, 12, "2026-03-10T10:00:00.000Z", "2026-03-10T11:00:00.000Z");
    const afterClose = session(1, 13, "2026-03-10T09:59:00.000Z", "2026-03-10T11:00:00.000Z");
    const result = findConflicts(candidate, [tooClose, justFree, after, afterClose]);
    expect(result.sessions.map((s) => s.id)).toEqual([10, 13]);
    expect(result.unavailability).toEqual([]);
  });

  it("counts unavailability only when it really overlaps (no buffer)", () => {
    const touching = away(1, 1, "2026-03-10T09:30:00.000Z", "2026-03-10T12:00:00.000Z");
    const overlapping = away(1, 2, "2026-03-09T00:00:00.000Z", "2026-03-10T08:01:00.000Z");
    const result = findConflicts(candidate, [touching, overlapping]);
    expect(result.unavailability.map((u) => u.id)).toEqual([2]);
    expect(result.sessions).toEqual([]);
  });

  it("ignores the session being moved and other users when asked", () => {
    const own = session(1, 5, candidate.startUtc, candidate.endUtc);
    const other = session(2, 6, candidate.startUtc, candidate.endUtc);
    expect(findConflicts(candidate, [own, other], { excludeSessionId: 5, userIds: [1] })).toEqual({
      sessions: [],
      unavailability: [],
    });
  });

  it("widens the query window by the buffer", () => {
    expect(busyWindow(candidate)).toEqual({
      from: "2026-03-10T07:30:00.000Z",
      to: "2026-03-10T10:00:00.000Z",
    });
  });
});

describe("rankSuggestions", () => {
  const candidates = [
    { id: 1, name: "Amira", languages: ["da", "ar"], sessionsThisMonth: 5 },
    { id: 2, name: "Bashir", languages: ["da", "so"], sessionsThisMonth: 1 },
    { id: 3, name: "Camilla", languages: ["da"], sessionsThisMonth: 0 },
    { id: 4, name: "Dana", languages: ["da", "ar"], sessionsThisMonth: 2 },
    { id: 5, name: "Emil", languages: ["da", "ar"], sessionsThisMonth: 0 },
  ];
  const busy = [
    session(5, 99, "2026-03-10T07:00:00.000Z", "2026-03-10T07:45:00.000Z"),
    away(4, 7, "2026-03-10T08:00:00.000Z", "2026-03-10T12:00:00.000Z"),
  ];

  it("puts free first, then language match, then fewest sessions this month", () => {
    const ranked = rankSuggestions(candidates, busy, candidate, ["ar"]);
    expect(ranked.map((s) => s.facilitatorId)).toEqual([1, 3, 2, 4, 5]);
    // Camilla (0 sessions) and Bashir (1) both lack Arabic: the one with fewer sessions first.
    expect(ranked[0]).toMatchObject({ free: true, speaksNeeded: true, matchingLanguages: ["ar"] });
    expect(ranked[3]).toMatchObject({ free: false, unavailable: true, booked: false });
    expect(ranked[4]).toMatchObject({ free: false, booked: true });
  });

  it("explains each place with message keys and params", () => {
    const ranked = rankSuggestions(candidates, busy, candidate, ["da", "ar"]);
    const amira = ranked.find((s) => s.facilitatorId === 1);
    expect(amira?.reasons).toEqual([
      { key: "sessions.reason.free" },
      { key: "sessions.reason.speaks", params: { languages: "ar" } },
      { key: "sessions.reason.monthCount", params: { count: 5 } },
    ]);
    const emil = ranked.find((s) => s.facilitatorId === 5);
    expect(emil?.reasons[0]).toEqual({
      key: "sessions.reason.booked",
      params: { date: "2026-03-10", from: "08:00", to: "08:45", label: "Session 99" },
    });
    const camilla = ranked.find((s) => s.facilitatorId === 3);
    expect(camilla?.reasons).toContainEqual({
      key: "sessions.reason.noLanguage",
      params: { languages: "ar" },
    });
  });

  it("ranks by month count alone when only Danish is needed", () => {
    const ranked = rankSuggestions(candidates, [], candidate, ["da"]);
    expect(ranked.map((s) => s.facilitatorId)).toEqual([3, 5, 2, 4, 1]);
    expect(ranked.every((s) => s.speaksNeeded && s.free)).toBe(true);
    expect(ranked[0].reasons.map((r) => r.key)).toEqual([
      "sessions.reason.free",
      "sessions.reason.monthCount",
    ]);
  });
});

describe("session status and request status", () => {
  it("allows scheduled -> delivered | cancelled only", () => {
    expect(transitionSession("scheduled", "delivered")).toEqual({ ok: true });
    expect(transitionSession("scheduled", "cancelled")).toEqual({ ok: true });
    expect(transitionSession("cancelled", "scheduled")).toEqual({
      ok: false,
      error: "sessions.transition.illegal",
      from: "cancelled",
      to: "scheduled",
    });
    expect(transitionSession("delivered", "cancelled").ok).toBe(false);
  });

  it("derives the request status from its sessions", () => {
    expect(requestStatusAfterSessions(["cancelled", "scheduled"])).toBe("scheduled");
    expect(requestStatusAfterSessions(["cancelled", "delivered"])).toBe("delivered");
    expect(requestStatusAfterSessions(["cancelled"])).toBe("in_progress");
  });
});

describe("months, reminders and the organizer", () => {
  it("gives the Copenhagen month in UTC, across the DST change", () => {
    expect(copenhagenMonthRange("2026-03-10T08:00:00.000Z")).toEqual({
      month: "2026-03",
      from: "2026-02-28T23:00:00.000Z",
      to: "2026-03-31T22:00:00.000Z",
    });
    // 23:30 UTC on 31 December is already January in Copenhagen.
    expect(copenhagenMonthRange("2026-12-31T23:30:00.000Z").from).toBe("2026-12-31T23:00:00.000Z");
  });

  it("schedules reminders at 08:00 Copenhagen time, none in the past", () => {
    const now = new Date("2026-03-01T12:00:00.000Z");
    expect(reminderTimes(candidate, now)).toEqual({
      threeDaysBefore: "2026-03-07T07:00:00.000Z",
      dayAfter: "2026-03-11T07:00:00.000Z",
    });
    expect(reminderTimes(candidate, new Date("2026-03-09T00:00:00.000Z")).threeDaysBefore).toBe(
      null,
    );
  });

  it("builds dedupe keys whose prefix is unique per session", () => {
    expect(reminderDedupeKey("reminder-3d", 12, 1, 4)).toBe("reminder-3d:session-12:seq-1:user-4");
    expect(
      reminderDedupeKey("reminder-3d", 123, 0, 4).startsWith(reminderKeyPrefix("reminder-3d", 12)),
    ).toBe(false);
  });

  it("parses MAIL_FROM into the organizer", () => {
    expect(parseMailbox("Frirum <frirum@kk.example>")).toEqual({
      name: "Frirum",
      email: "frirum@kk.example",
    });
    expect(parseMailbox("forebyggelse@kk.example")).toEqual({
      name: "forebyggelse@kk.example",
      email: "forebyggelse@kk.example",
    });
  });
});
