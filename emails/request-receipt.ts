import { type RequestWindow, windowTimes } from "../app/domain/requests";
import { formatDate } from "../app/domain/time";
import { type Locale, messageKey, translate } from "../app/i18n";
import { emailParts } from "./layout";
import type { EmailContent } from "./types";

export interface RequestSummary {
  requestId: number;
  requesterName: string;
  schoolName: string;
  courseTitle: string;
  groupCount: number;
  participantsPerGroup: number;
  grades: readonly number[];
  windows: readonly RequestWindow[];
  location: string;
  contactName: string;
  contactPhone: string;
  languagesNeeded: readonly string[];
  interpreterNeeded: boolean;
  notes: string;
  requestUrl: string;
}

/** "fredag den 6. marts 2026, formiddag kl. 08:00-11:30" in Danish; the same in English. */
export function describeWindow(locale: Locale, window: RequestWindow): string {
  const times = windowTimes(window);
  const part =
    window.part === "custom" ? "" : `${translate(locale, `daypart.${window.part}`).toLowerCase()} `;
  const clock = translate(locale, "email.summary.windowTimes", times);
  return `${formatDate(window.date, locale)}, ${part}${clock}`;
}

/** The lines of a request summary, as "Label: value". */
export function requestSummaryLines(locale: Locale, summary: RequestSummary): string[] {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(locale, key, params);
  const lines = [
    t("email.line.course", { course: summary.courseTitle }),
    t("email.line.school", { school: summary.schoolName }),
    t("email.summary.groupCount", { count: summary.groupCount }),
    t("email.summary.participants", { count: summary.participantsPerGroup }),
  ];
  if (summary.grades.length > 0) {
    const grades = summary.grades.map((grade) => t("email.summary.grade", { grade })).join(", ");
    lines.push(t("email.summary.grades", { grades }));
  }
  summary.windows.forEach((window, index) => {
    lines.push(
      t("email.summary.window", { number: index + 1, window: describeWindow(locale, window) }),
    );
  });
  lines.push(
    t("email.summary.location", { location: summary.location }),
    t("email.summary.contact", { name: summary.contactName, phone: summary.contactPhone }),
  );
  if (summary.languagesNeeded.length > 0) {
    const languages = summary.languagesNeeded
      .map((code) => t(messageKey(`language.${code}`)))
      .join(", ");
    lines.push(t("email.summary.languages", { languages }));
  }
  lines.push(
    t("email.summary.interpreter", {
      answer: t(summary.interpreterNeeded ? "email.yes" : "email.no"),
    }),
  );
  if (summary.notes) lines.push(t("email.summary.notes", { notes: summary.notes }));
  return lines;
}

/** The receipt the requester gets at once: what was asked for, and what happens next. */
export function requestReceiptEmail(locale: Locale, summary: RequestSummary): EmailContent {
  const heading = translate(locale, "email.receipt.heading");
  const paragraphs = [
    translate(locale, "email.greeting", { name: summary.requesterName }),
    translate(locale, "email.receipt.thanks", {
      course: summary.courseTitle,
      number: summary.requestId,
    }),
    translate(locale, "email.receipt.asked", {
      lines: requestSummaryLines(locale, summary).join("\n"),
    }),
    translate(locale, "email.receipt.follow"),
  ];
  const action = { label: translate(locale, "email.request.action"), url: summary.requestUrl };
  return {
    subject: translate(locale, "email.receipt.subject", { course: summary.courseTitle }),
    ...emailParts({ locale, heading, paragraphs, action }),
  };
}
