/**
 * Emails to the school leader about a session: the confirmation with an "add to calendar" file
 * (METHOD:PUBLISH, no attendees: the leader is not asked to accept anything) and a notice on every
 * change or cancellation (with an updated file: same UID, higher SEQUENCE).
 */
import { type Locale, translate } from "../app/i18n";
import { buildSessionIcs } from "./calendar";
import { emailParts } from "./layout";
import { names, type SessionEmailData, when } from "./session-invite";
import type { EmailContent } from "./types";

export type SchoolNoticeKind = "moved" | "facilitators" | "cancelled";

function publishFile(locale: Locale, data: SessionEmailData, cancelled: boolean): string {
  return buildSessionIcs({
    method: "PUBLISH",
    uid: data.uid,
    sequence: data.sequence,
    startUtc: data.startUtc,
    endUtc: data.endUtc,
    title: data.courseTitle,
    description: translate(locale, "email.line.facilitators", { names: names(data.facilitators) }),
    location: data.location || data.schoolName,
    organizer: data.organizer,
    attendees: [],
    status: cancelled ? "CANCELLED" : "CONFIRMED",
    stamp: data.stamp,
  });
}

function details(locale: Locale, data: SessionEmailData): string {
  return [
    translate(locale, "email.line.course", { course: data.courseTitle }),
    translate(locale, "email.line.dateTime", { when: when(locale, data) }),
    translate(locale, "email.line.place", { place: data.location || data.schoolName }),
    translate(locale, "email.line.facilitators", { names: names(data.facilitators) }),
  ].join("\n");
}

/** Confirmation when a session is scheduled, with an add-to-calendar file. */
export function schoolSessionConfirmationEmail(
  locale: Locale,
  data: SessionEmailData,
  leaderName: string,
  url: string,
): EmailContent {
  const heading = translate(locale, "email.school.confirmed.heading");
  const paragraphs = [
    translate(locale, "email.greeting", { name: leaderName }),
    translate(locale, "email.school.confirmed.intro", { school: data.schoolName }),
    details(locale, data),
    translate(locale, "email.school.confirmed.file"),
  ];
  const action = { label: translate(locale, "email.school.action"), url };
  return {
    subject: translate(locale, "email.school.confirmed.subject", {
      course: data.courseTitle,
      when: when(locale, data),
    }),
    ...emailParts({ locale, heading, paragraphs, action }),
    ics: { method: "PUBLISH", content: publishFile(locale, data, false) },
  };
}

/** Notice of a change or cancellation, with the updated calendar file. */
export function schoolSessionNoticeEmail(
  locale: Locale,
  data: SessionEmailData,
  leaderName: string,
  kind: SchoolNoticeKind,
  url: string,
  reason = "",
): EmailContent {
  const heading = translate(locale, `email.school.${kind}.heading`);
  const paragraphs = [
    translate(locale, "email.greeting", { name: leaderName }),
    translate(locale, `email.school.${kind}.intro`),
    details(locale, data),
  ];
  if (reason) paragraphs.push(translate(locale, "email.reason", { reason }));
  const action = { label: translate(locale, "email.school.action"), url };
  return {
    subject: translate(locale, "email.school.notice.subject", {
      kind: translate(locale, `email.school.${kind}.subject`),
      course: data.courseTitle,
      when: when(locale, data),
    }),
    ...emailParts({ locale, heading, paragraphs, action }),
    ics: { method: "PUBLISH", content: publishFile(locale, data, kind === "cancelled") },
  };
}
