import { type RequestWindow, windowTimes } from "~/domain/request-rules";
import { formatDate, formatDateTime, formatTimeRange } from "~/domain/time";
import { type Locale, translate } from "~/i18n";

/** "Formiddag, kl. 08:00-11:30" or "kl. 18:00-20:00" for a custom window, after the date. */
export function windowText(window: RequestWindow, locale: Locale): string {
  const times = windowTimes(window);
  const span = translate(locale, "daypart.times", { from: times.from, to: times.to });
  const part = window.part === "custom" ? "" : `${translate(locale, `daypart.${window.part}`)}, `;
  return `${formatDate(window.date, locale)}: ${part}${span}`;
}

/**
 * A request page's dates, times and windows as text in the user's language. Made here, not in the
 * browser: the date, time-zone and day-part code would add 1.5 KB to the request pages' JavaScript
 * (issue 12).
 */
export function withRequestTexts<
  Data extends {
    request: { createdAt: string };
    windows: readonly RequestWindow[];
    events: readonly { createdAt: string }[];
    sessions: readonly { starts_at: string; ends_at: string }[];
  },
>(
  data: Data,
  locale: Locale,
): Omit<Data, "request" | "windows" | "events" | "sessions"> & {
  request: Data["request"] & { createdAtText: string };
  windows: (Data["windows"][number] & { text: string })[];
  events: (Data["events"][number] & { createdAtText: string })[];
  sessions: (Data["sessions"][number] & { time: string })[];
} {
  return {
    ...data,
    request: { ...data.request, createdAtText: formatDateTime(data.request.createdAt, locale) },
    windows: data.windows.map((window) => ({ ...window, text: windowText(window, locale) })),
    events: data.events.map((event) => ({
      ...event,
      createdAtText: formatDateTime(event.createdAt, locale),
    })),
    sessions: data.sessions.map((session) => ({
      ...session,
      time: formatTimeRange(session.starts_at, session.ends_at, locale),
    })),
  };
}
