import { describe, expect, it } from "vitest";
import { type Actor, can, PERMISSIONS, type Permission, startPathFor } from "~/domain/permissions";

const coordinator: Actor = { id: 1, role: "coordinator", schoolId: null };
const facilitator: Actor = { id: 2, role: "facilitator", schoolId: null };
const otherFacilitator: Actor = { id: 3, role: "facilitator", schoolId: null };
const leaderA: Actor = { id: 4, role: "school_leader", schoolId: 10 };
const leaderB: Actor = { id: 5, role: "school_leader", schoolId: 11 };

/** The resource every check is asked about: school 10, facilitator 2 assigned, owned by user 2. */
const resource = { schoolId: 10, facilitatorIds: [2], userId: 2 };

/** Expected answers for [coordinator, facilitator, other facilitator, leader of A, leader of B]. */
const matrix: Record<Permission, [boolean, boolean, boolean, boolean, boolean]> = {
  "catalogue.view": [true, true, true, true, true],
  "course.manage": [true, false, false, false, false],
  "school.manage": [true, false, false, false, false],
  "holiday.manage": [true, false, false, false, false],
  "user.manage": [true, false, false, false, false],
  "outbox.manage": [true, false, false, false, false],
  "audit.view": [true, false, false, false, false],
  "request.create": [false, false, false, true, false],
  "request.view": [true, false, false, true, false],
  "request.cancel": [true, false, false, true, false],
  "request.triage": [true, false, false, false, false],
  "school.view": [true, false, false, true, false],
  "session.schedule": [true, false, false, false, false],
  "evaluation.view": [true, false, false, false, false],
  "evaluation.viewSchool": [false, false, false, true, false],
  "session.view": [true, true, false, true, false],
  "session.deliver": [true, true, false, false, false],
  "session.feedbackCode": [true, true, false, false, false],
  "unavailability.manage": [true, true, false, false, false],
  "calendarFeed.manage": [false, true, false, false, false],
  "track.manage": [true, false, false, false, false],
  "track.view": [true, false, false, true, false],
  "report.manage": [true, false, false, false, false],
};

describe("permissions", () => {
  it("has an expected row for every permission", () => {
    expect(Object.keys(matrix).sort()).toEqual([...PERMISSIONS].sort());
  });

  const actors = [coordinator, facilitator, otherFacilitator, leaderA, leaderB];
  for (const permission of PERMISSIONS) {
    it(`${permission}: role x ownership`, () => {
      expect(actors.map((actor) => can(actor, permission, resource))).toEqual(matrix[permission]);
    });
  }

  it("sends each role to its start page", () => {
    expect(startPathFor("coordinator")).toBe("/coordinator");
    expect(startPathFor("facilitator")).toBe("/facilitator");
    expect(startPathFor("school_leader")).toBe("/school");
  });
});
