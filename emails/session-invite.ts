/**
 * Calendar messages to facilitators (iTIP, RFC 5546): an invite or update (METHOD:REQUEST) and a
 * cancellation (METHOD:CANCEL), each as an email whose `ics.method` equals the METHOD in the file
 * (the outbox worker passes both to nodemailer's `icalEvent`). Pure builders: data in, email out.
 */
import { formatTimeRange } from "../app/domain/time";
import { type Locale, translate } from "../app/i18n";
import { buildSessionIcs, type IcsPerson } from "./calendar";
import { emailParts } from "./layout";
import type { EmailContent } from "./types";

export interface SessionEmailData {
  /** Stable per session (`sessionUid`). */
  uid: string;
  /** The SEQUENCE after the change this message is about. */
  sequence: number;
  startUtc: string;
  endUtc: string;
  courseTitle: string;
  schoolName: string;
  location: string;
  /** The session's facilitators after the change (the ATTENDEE list of a REQUEST). */
  facilitators: IcsPerson[];
  /** The department's mailbox (MAIL_FROM). */
  organizer: IcsPerson;
  /** Where the facilitator sees the session in Frirum. */
  url: string;
  contactName?: string;
  contactPhone?: string;
  /** DTSTAMP; defaults to now. */
  stamp?: Date;
}

export type InviteKind = "new" | "updated" | "added";
export type CancelKind = "cancelled" | "removed";

/**
 * `calendarFile: false` for a facilitator who chose the private feed only: the same news as a
 * plain email without the .ics (the feed carries the session; see app/domain/calendar-delivery.ts).
 */
export interface CalendarMessageOptions {
  calendarFile?: boolean;
}

export function when(locale: Locale, data: SessionEmailData): string {
  return formatTimeRange(data.startUtc, data.endUtc, locale);
}

export function names(people: readonly IcsPerson[]): string {
  return people.map((p) => p.name).join(", ");
}

/** The calendar event's title and description, in the recipient's language (SUMMARY/DESCRIPTION). */
function eventText(locale: Locale, data: SessionEmailData) {
  const lines = [
    translate(locale, "email.ics.description", {
      course: data.courseTitle,
      school: data.schoolName,
    }),
    translate(locale, "email.line.facilitators", { names: names(data.facilitators) }),
  ];
  if (data.contactName) {
    const contact = `${data.contactName}${data.contactPhone ? `, ${data.contactPhone}` : ""}`;
    lines.push(translate(locale, "email.line.contact", { contact }));
  }
  lines.push(translate(locale, "email.line.seeInFrirum", { url: data.url }));
  return {
    title: translate(locale, "email.ics.title", {
      course: data.courseTitle,
      school: data.schoolName,
    }),
    description: lines.join("\n"),
  };
}

function detailLines(locale: Locale, data: SessionEmailData): string[] {
  return [
    translate(locale, "email.line.when", { when: when(locale, data) }),
    translate(locale, "email.line.where", { place: data.location || data.schoolName }),
    translate(locale, "email.line.school", { school: data.schoolName }),
    translate(locale, "email.line.facilitators", { names: names(data.facilitators) }),
  ];
}

/** Invite (SEQUENCE 0), update or invite of a facilitator added later: METHOD:REQUEST. */
export function sessionInviteEmail(
  locale: Locale,
  data: SessionEmailData,
  recipient: IcsPerson,
  kind: InviteKind,
  options: CalendarMessageOptions = {},
): EmailContent {
  const calendarFile = options.calendarFile !== false;
  const content = buildSessionIcs({
    method: "REQUEST",
    uid: data.uid,
    sequence: data.sequence,
    startUtc: data.startUtc,
    endUtc: data.endUtc,
    ...eventText(locale, data),
    location: data.location || data.schoolName,
    url: data.url,
    organizer: data.organizer,
    attendees: data.facilitators,
    status: "CONFIRMED",
    stamp: data.stamp,
  });
  const heading = translate(locale, `email.invite.heading.${kind}`);
  const intro = translate(
    locale,
    calendarFile ? `email.invite.intro.${kind}` : `email.invite.introFeed.${kind}`,
  );
  const paragraphs = [
    translate(locale, "email.greeting", { name: recipient.name }),
    intro,
    detailLines(locale, data).join("\n"),
  ];
  if (!calendarFile) paragraphs.push(translate(locale, "email.session.feedOnly"));
  const action = { label: translate(locale, "email.session.action"), url: data.url };
  return {
    subject: translate(locale, "email.invite.subjectLine", {
      kind: translate(locale, `email.invite.subject.${kind}`),
      course: data.courseTitle,
      school: data.schoolName,
      when: when(locale, data),
    }),
    ...emailParts({ locale, heading, paragraphs, action }),
    ...(calendarFile ? { ics: { method: "REQUEST" as const, content } } : {}),
  };
}

/**
 * Cancellation: the whole session (to every facilitator) or one facilitator removed from it (to
 * that person only; the others get an update). METHOD:CANCEL, STATUS:CANCELLED.
 */
export function sessionCancelEmail(
  locale: Locale,
  data: SessionEmailData,
  recipient: IcsPerson,
  kind: CancelKind,
  reason = "",
  options: CalendarMessageOptions = {},
): EmailContent {
  const calendarFile = options.calendarFile !== false;
  const content = buildSessionIcs({
    method: "CANCEL",
    uid: data.uid,
    sequence: data.sequence,
    startUtc: data.startUtc,
    endUtc: data.endUtc,
    ...eventText(locale, data),
    location: data.location || data.schoolName,
    url: data.url,
    organizer: data.organizer,
    attendees: kind === "removed" ? [recipient] : data.facilitators,
    status: "CANCELLED",
    stamp: data.stamp,
  });
  const heading = translate(locale, `email.cancel.heading.${kind}`);
  const intro = [
    translate(locale, `email.cancel.intro.${kind}`),
    ...(calendarFile ? [translate(locale, "email.cancel.attached")] : []),
  ].join(" ");
  const paragraphs = [
    translate(locale, "email.greeting", { name: recipient.name }),
    intro,
    detailLines(locale, data).slice(0, 3).join("\n"),
  ];
  if (reason) paragraphs.push(translate(locale, "email.reason", { reason }));
  if (!calendarFile) paragraphs.push(translate(locale, "email.session.feedOnly"));
  return {
    subject: translate(locale, "email.cancel.subject", {
      course: data.courseTitle,
      school: data.schoolName,
      when: when(locale, data),
    }),
    ...emailParts({ locale, heading, paragraphs }),
    ...(calendarFile ? { ics: { method: "CANCEL" as const, content } } : {}),
  };
}

/** Reminder 3 days before, to a facilitator or a school leader (no calendar file). */
export function sessionReminderEmail(
  locale: Locale,
  data: SessionEmailData,
  recipientName: string,
  audience: "facilitator" | "school",
  url: string,
): EmailContent {
  const heading = translate(locale, "email.reminder.heading");
  const paragraphs = [
    translate(locale, "email.greeting", { name: recipientName }),
    translate(locale, `email.reminder.${audience}`),
    detailLines(locale, data).join("\n"),
  ];
  const action = { label: translate(locale, "email.session.action"), url };
  return {
    subject: translate(locale, "email.reminder.subject", {
      course: data.courseTitle,
      when: when(locale, data),
    }),
    ...emailParts({ locale, heading, paragraphs, action }),
  };
}

/** The day after: register attendance (only sent while it is not registered). */
export function attendanceReminderEmail(
  locale: Locale,
  data: SessionEmailData,
  recipientName: string,
  url: string,
): EmailContent {
  const heading = translate(locale, "email.attendance.heading");
  const paragraphs = [
    translate(locale, "email.greeting", { name: recipientName }),
    translate(locale, "email.attendance.body"),
    [
      translate(locale, "email.line.course", { course: data.courseTitle }),
      translate(locale, "email.line.school", { school: data.schoolName }),
      translate(locale, "email.line.when", { when: when(locale, data) }),
    ].join("\n"),
  ];
  const action = { label: translate(locale, "email.attendance.action"), url };
  return {
    subject: translate(locale, "email.attendance.subject", {
      course: data.courseTitle,
      school: data.schoolName,
    }),
    ...emailParts({ locale, heading, paragraphs, action }),
  };
}
