import { describe, expect, it } from "vitest";
import { feedbackAnswerCap, registeredAttendance } from "~/domain/feedback-limits";

describe("feedbackAnswerCap", () => {
  it("is 1.5 times the registered attendance, rounded up", () => {
    expect(feedbackAnswerCap({ attendance: 25, expected: 90 })).toBe(38);
    expect(feedbackAnswerCap({ attendance: 27, expected: 0 })).toBe(41);
  });
  it("uses the expected participants before attendance is registered", () => {
    expect(feedbackAnswerCap({ attendance: null, expected: 3 * 26 })).toBe(117);
  });
  it("never goes below 10", () => {
    expect(feedbackAnswerCap({ attendance: 0, expected: 25 })).toBe(10);
    expect(feedbackAnswerCap({ attendance: null, expected: 0 })).toBe(10);
    expect(feedbackAnswerCap({ attendance: 6, expected: 25 })).toBe(10);
  });
});

describe("registeredAttendance", () => {
  it("sums the audience columns that are set, null when none is", () => {
    expect(registeredAttendance([null, null, null])).toBeNull();
    expect(registeredAttendance([27, null, undefined])).toBe(27);
    expect(registeredAttendance([0, 3, null])).toBe(3);
  });
});
