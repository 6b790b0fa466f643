import { useT } from "~/components/i18n";
import { holidayOn } from "~/domain/holiday-dates";
import type { HolidayRange } from "~/domain/holidays";

/** The holiday a date falls in, by the holidays the loader sent (warnings only). */
export function holidayNameOn(date: unknown, holidays: readonly HolidayRange[]): string | null {
  return typeof date === "string" ? (holidayOn(date, holidays)?.name ?? null) : null;
}

/** A warning under a date field: "The date is in <holiday>" (never an error: the form saves). */
export function HolidayNote({ id, holiday }: { id: string; holiday: string | null }) {
  const t = useT();
  if (!holiday) return null;
  return (
    <p className="notice notice--warning holiday-note" id={id} role="status">
      {t("holidays.warning.date", { holiday })}
    </p>
  );
}
