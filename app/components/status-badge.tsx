import type { StepStatus } from "~/domain/tracks";
import { messageKey } from "~/i18n/format";
import { useT } from "./i18n";

/**
 * Status badges, in a module of their own: the inbox and the school's start page need nothing else
 * from the request and track components (issue 12).
 */

/** A request's status as a coloured badge. */
export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  return <span className={`badge badge--${status}`}>{t(messageKey(`status.${status}`))}</span>;
}

/** A track step's status as a coloured badge. */
export function StepStatusBadge({ status }: { status: StepStatus }) {
  const t = useT();
  return <span className={`badge badge--step-${status}`}>{t(`tracks.step.status.${status}`)}</span>;
}
