/**
 * Who may do what: the one place. Every loader and action asks `can(...)` (through the guards in
 * app/lib/guards.server.ts); tests cover the matrix. Ownership is part of the rule, so a school
 * leader can only ever reach their own school's records.
 */
export type Role = "coordinator" | "facilitator" | "school_leader";

export interface Actor {
  id: number;
  role: Role;
  schoolId: number | null;
}

/** The facts about a record that a rule needs (only what is relevant to the action). */
export interface Resource {
  schoolId?: number | null;
  userId?: number;
  facilitatorIds?: readonly number[];
}

const isCoordinator = (a: Actor) => a.role === "coordinator";
const ownsSchool = (a: Actor, r: Resource) =>
  a.role === "school_leader" && a.schoolId !== null && a.schoolId === r.schoolId;
const assigned = (a: Actor, r: Resource) =>
  a.role === "facilitator" && (r.facilitatorIds ?? []).includes(a.id);

const rules = {
  "catalogue.view": () => true,
  "course.manage": isCoordinator,
  "school.manage": isCoordinator,
  "holiday.manage": isCoordinator,
  "user.manage": isCoordinator,
  "outbox.manage": isCoordinator,
  "audit.view": isCoordinator,
  "request.create": (a: Actor, r: Resource) => ownsSchool(a, r),
  "request.view": (a: Actor, r: Resource) => isCoordinator(a) || ownsSchool(a, r),
  "request.cancel": (a: Actor, r: Resource) => isCoordinator(a) || ownsSchool(a, r),
  "request.triage": isCoordinator,
  "school.view": (a: Actor, r: Resource) => isCoordinator(a) || ownsSchool(a, r),
  "session.schedule": isCoordinator,
  /** Every school's results, comments of groups of 5+, exports. */
  "evaluation.view": isCoordinator,
  /** One school's results against all standard schools; no comments, no other school named. */
  "evaluation.viewSchool": (a: Actor, r: Resource) => ownsSchool(a, r),
  "session.view": (a: Actor, r: Resource) => isCoordinator(a) || ownsSchool(a, r) || assigned(a, r),
  "session.deliver": (a: Actor, r: Resource) => isCoordinator(a) || assigned(a, r),
  "session.feedbackCode": (a: Actor, r: Resource) => isCoordinator(a) || assigned(a, r),
  "unavailability.manage": (a: Actor, r: Resource) =>
    isCoordinator(a) || (a.role === "facilitator" && a.id === r.userId),
  "calendarFeed.manage": (a: Actor, r: Resource) => a.role === "facilitator" && a.id === r.userId,
  /** Pilot track templates and tracks: set up, schedule into, override the order rule. */
  "track.manage": isCoordinator,
  /** A track's page: the coordinator, or the school's own leader (read-only). */
  "track.view": (a: Actor, r: Resource) => isCoordinator(a) || ownsSchool(a, r),
  /** The annual report: write its texts, finalise, supersede, download. */
  "report.manage": isCoordinator,
} satisfies Record<string, (actor: Actor, resource: Resource) => boolean>;

export type Permission = keyof typeof rules;
export const PERMISSIONS = Object.keys(rules) as Permission[];

export function can(actor: Actor, permission: Permission, resource: Resource = {}): boolean {
  return rules[permission](actor, resource);
}

/** Where each role lands after signing in. */
export function startPathFor(role: Role): string {
  switch (role) {
    case "coordinator":
      return "/coordinator";
    case "facilitator":
      return "/facilitator";
    case "school_leader":
      return "/school";
  }
}
