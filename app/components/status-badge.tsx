import { messageKey } from "~/i18n/format";
import { useT } from "./i18n";

/** A request's status as a coloured badge (its own module: the inbox needs nothing else here). */
export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  return <span className={`badge badge--${status}`}>{t(messageKey(`status.${status}`))}</span>;
}
