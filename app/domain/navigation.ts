import type { Role } from "./permissions";

export interface NavItem {
  to: string;
  /** Message key. */
  label: string;
}

/**
 * The main navigation per role. Feature catalogues add their labels; routes not built yet are not
 * listed. Keep in step with the route map in README.md.
 */
export function navigationFor(role: Role | null, options: { localMailbox: boolean }): NavItem[] {
  const mailbox = options.localMailbox ? [{ to: "/dev/mailbox", label: "nav.mailbox" }] : [];
  switch (role) {
    case null:
      return [{ to: "/login", label: "nav.signIn" }, ...mailbox];
    case "coordinator":
      return [
        { to: "/coordinator", label: "nav.home" },
        { to: "/users", label: "nav.users" },
        { to: "/outbox", label: "nav.outbox" },
        ...mailbox,
      ];
    case "facilitator":
      return [{ to: "/facilitator", label: "nav.home" }, ...mailbox];
    case "school_leader":
      return [{ to: "/school", label: "nav.home" }, ...mailbox];
  }
}
