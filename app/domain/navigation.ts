import type { MessageKey } from "../i18n";
import type { Role } from "./permissions";

export interface NavItem {
  to: string;
  /** Message key. */
  label: MessageKey;
}

/** The main navigation per role. Keep in step with the route map in README.md. */
export function navigationFor(role: Role | null, options: { localMailbox: boolean }): NavItem[] {
  const mailbox: NavItem[] = options.localMailbox
    ? [{ to: "/dev/mailbox", label: "nav.mailbox" }]
    : [];
  switch (role) {
    case null:
      return [{ to: "/login", label: "nav.signIn" }, ...mailbox];
    case "coordinator":
      return [
        { to: "/coordinator", label: "nav.home" },
        { to: "/coordinator/requests", label: "nav.requests" },
        { to: "/coordinator/tracks", label: "nav.tracks" },
        { to: "/coordinator/courses", label: "nav.courses" },
        { to: "/coordinator/schools", label: "nav.schools" },
        { to: "/coordinator/holidays", label: "nav.holidays" },
        { to: "/coordinator/facilitators", label: "nav.facilitators" },
        { to: "/coordinator/evaluation", label: "nav.evaluation" },
        { to: "/coordinator/reports", label: "nav.reports" },
        { to: "/users", label: "nav.users" },
        { to: "/outbox", label: "nav.outbox" },
        ...mailbox,
      ];
    case "facilitator":
      return [
        { to: "/facilitator", label: "nav.mySessions" },
        { to: "/facilitator/unavailability", label: "nav.unavailability" },
        { to: "/facilitator/calendar", label: "nav.calendarFeed" },
        { to: "/catalogue", label: "nav.catalogue" },
        ...mailbox,
      ];
    case "school_leader":
      return [
        { to: "/school", label: "nav.mySchool" },
        { to: "/school/evaluation", label: "nav.evaluation" },
        { to: "/catalogue", label: "nav.catalogue" },
        ...mailbox,
      ];
  }
}

/**
 * The one item the page belongs to: the longest `to` that is the path or a parent of it. Marking
 * every prefix made "Forside" (`/coordinator`) current on every coordinator page, so two items said
 * aria-current="page" at once.
 */
export function currentNavItem(items: readonly NavItem[], pathname: string): string | null {
  let best: string | null = null;
  for (const item of items) {
    const matches = pathname === item.to || (item.to !== "/" && pathname.startsWith(`${item.to}/`));
    if (matches && (best === null || item.to.length > best.length)) best = item.to;
  }
  return best;
}
