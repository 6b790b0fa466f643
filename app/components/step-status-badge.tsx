import type { StepStatus } from "~/domain/tracks";
import { useT } from "./i18n";

/**
 * A track step's status as a coloured badge. Its own module: the school's start page needs nothing
 * else from the track components (their form fields would add 2 KB to its JavaScript, issue 12).
 */
export function StepStatusBadge({ status }: { status: StepStatus }) {
  const t = useT();
  return <span className={`badge badge--step-${status}`}>{t(`tracks.step.status.${status}`)}</span>;
}
