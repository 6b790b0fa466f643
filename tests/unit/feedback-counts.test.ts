import { describe, expect, it } from "vitest";
import { addCountDeltas, countResponses, EMPTY_COUNTS } from "~/domain/feedback-counts";

const pupil = (sessionId: number, answers: Record<string, string>, hasComment = false) => ({
  sessionId,
  audience: "pupils" as const,
  formVersion: 1,
  answers,
  hasComment,
});

describe("addCountDeltas", () => {
  it("gives the counts of all the answers when stored counts and new ones are added", () => {
    const scaleItems = { learned_something_new: "yes_very", knows_rights: "no" };
    const first = [
      pupil(1, { felt_safe: "yes_very", knows_where_to_get_help: "no", ...scaleItems }, true),
      pupil(2, { felt_safe: "no" }),
    ];
    const later = [
      pupil(1, { felt_safe: "yes_little", knows_where_to_get_help: "yes_little", ...scaleItems }),
      pupil(1, { knows_where_to_get_help: "dont_know" }, true),
    ];
    const added = addCountDeltas(countResponses(first), countResponses(later));
    const together = countResponses([...first, ...later]);
    const byKey = <T extends { sessionId: number }>(rows: T[], key: (r: T) => string) =>
      [...rows].sort((a, b) => key(a).localeCompare(key(b)));
    expect(byKey(added.sessions, (r) => `${r.sessionId}`)).toEqual(
      byKey(together.sessions, (r) => `${r.sessionId}`),
    );
    expect(byKey(added.items, (r) => `${r.sessionId}${r.itemKey}`)).toEqual(
      byKey(together.items, (r) => `${r.sessionId}${r.itemKey}`),
    );
    expect(byKey(added.scales, (r) => `${r.sessionId}${r.scaleKey}`)).toEqual(
      byKey(together.scales, (r) => `${r.sessionId}${r.scaleKey}`),
    );
    expect(added.scales.find((r) => r.sessionId === 1)).toMatchObject({ respondents: 2 });
    const session1 = added.sessions.find((r) => r.sessionId === 1);
    expect(session1).toMatchObject({ responses: 3, comments: 2 });
    expect(added.items.find((r) => r.sessionId === 1 && r.itemKey === "felt_safe")).toMatchObject({
      answers: 2,
      topBox: 2,
    });
  });

  it("leaves counts unchanged when nothing is added, and does not change its inputs", () => {
    const stored = countResponses([pupil(1, { felt_safe: "yes_very" })]);
    const copy = structuredClone(stored);
    expect(addCountDeltas(stored, EMPTY_COUNTS)).toEqual(stored);
    addCountDeltas(stored, stored);
    expect(stored).toEqual(copy);
  });
});
