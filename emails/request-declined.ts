import { formatDate } from "../app/domain/time";
import { type Locale, translate } from "../app/i18n";
import { emailParts } from "./layout";
import type { EmailContent } from "./types";

/** Tells the requester that a request was declined, and why. */
export function requestDeclinedEmail(
  locale: Locale,
  input: {
    requestId: number;
    requesterName: string;
    schoolName: string;
    courseTitle: string;
    /** ISO instant the request was made. */
    requestedAt: string;
    reason: string;
    requestUrl: string;
  },
): EmailContent {
  const heading = translate(locale, "email.declined.heading");
  const paragraphs = [
    translate(locale, "email.greeting", { name: input.requesterName }),
    translate(locale, "email.declined.body", {
      school: input.schoolName,
      course: input.courseTitle,
      number: input.requestId,
      date: formatDate(input.requestedAt, locale),
    }),
    translate(locale, "email.declined.reason", { reason: input.reason }),
    translate(locale, "email.declined.again"),
  ];
  const action = { label: translate(locale, "email.request.action"), url: input.requestUrl };
  return {
    subject: translate(locale, "email.declined.subject", { course: input.courseTitle }),
    ...emailParts({ locale, heading, paragraphs, action }),
  };
}
