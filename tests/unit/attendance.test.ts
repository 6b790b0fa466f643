import { describe, expect, it } from "vitest";
import {
  attendanceColumnFor,
  attendanceLabelKey,
  attendanceSchema,
  deliveryBlocker,
  MAX_ATTENDANCE,
} from "~/domain/attendance";
import { formDataToObject, parseWithSchema } from "~/domain/forms";
import { hasMessage } from "~/i18n";

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return formDataToObject(data);
}

describe("attendanceSchema", () => {
  it("parses posted strings into numbers and a trimmed note", () => {
    const parsed = parseWithSchema(
      attendanceSchema,
      form({ version: "3", present: "27", note: "  Gik godt.  " }),
    );
    expect(parsed).toEqual({ ok: true, data: { version: 3, present: 27, note: "Gik godt." } });
  });

  it("accepts zero present and a missing note", () => {
    const parsed = parseWithSchema(attendanceSchema, form({ version: "1", present: "0" }));
    expect(parsed).toEqual({ ok: true, data: { version: 1, present: 0, note: "" } });
  });

  it.each([
    ["", "empty"],
    ["-1", "negative"],
    ["2.5", "not whole"],
    ["tyve", "not a number"],
    [String(MAX_ATTENDANCE + 1), "over the maximum"],
  ])("refuses present %j (%s) with the range message", (present) => {
    const parsed = parseWithSchema(attendanceSchema, form({ version: "1", present }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.errors).toEqual({ present: "facilitator.attendance.present.range" });
  });

  it("refuses a note over 1000 characters and keeps the posted values", () => {
    const parsed = parseWithSchema(
      attendanceSchema,
      form({ version: "2", present: "12", note: "x".repeat(1001) }),
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors).toEqual({ note: "facilitator.attendance.note.tooLong" });
      expect(parsed.values.present).toBe("12");
    }
  });

  it("refuses a form without a version (cannot be checked for staleness)", () => {
    const parsed = parseWithSchema(attendanceSchema, form({ present: "12" }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.version).toBe("facilitator.attendance.stale");
  });

  it("has Danish and English messages for every key it can produce", () => {
    for (const key of [
      "facilitator.attendance.present.range",
      "facilitator.attendance.note.tooLong",
      "facilitator.attendance.stale",
      "facilitator.attendance.notStarted",
      "facilitator.attendance.cancelled",
      attendanceLabelKey("pupils"),
      attendanceLabelKey("staff"),
      attendanceLabelKey("parents"),
    ]) {
      expect(hasMessage(key), key).toBe(true);
    }
  });
});

describe("attendance by audience", () => {
  it("maps each audience to its own column and label", () => {
    expect(attendanceColumnFor("pupils")).toBe("attendance_pupils");
    expect(attendanceColumnFor("staff")).toBe("attendance_professionals");
    expect(attendanceColumnFor("parents")).toBe("attendance_parents");
    expect(attendanceLabelKey("staff")).toBe("facilitator.attendance.present.staff");
  });
});

describe("deliveryBlocker", () => {
  const startsAt = "2026-03-06T08:00:00.000Z";
  it("refuses before the start and allows from the start on", () => {
    expect(
      deliveryBlocker({ status: "scheduled", startsAt }, new Date("2026-03-06T07:59:59Z")),
    ).toBe("facilitator.attendance.notStarted");
    expect(deliveryBlocker({ status: "scheduled", startsAt }, new Date(startsAt))).toBeNull();
    expect(
      deliveryBlocker({ status: "scheduled", startsAt }, new Date("2026-03-07T10:00:00Z")),
    ).toBeNull();
  });

  it("allows correcting a delivered session and refuses a cancelled one", () => {
    const later = new Date("2026-03-07T10:00:00Z");
    expect(deliveryBlocker({ status: "delivered", startsAt }, later)).toBeNull();
    expect(deliveryBlocker({ status: "cancelled", startsAt }, later)).toBe(
      "facilitator.attendance.cancelled",
    );
  });
});
