/**
 * Every message a session change causes, queued in the change's write transaction: calendar
 * invites, updates and cancellations to the facilitators (with the .ics, or as a plain notice to
 * those who chose the feed), notices to the school leaders, and the reminders (3 days before, and
 * attendance the day after), replaced whenever the session changes. `queueSessionMessages` is
 * the one entry point; the use cases say what changed, this module decides who hears what.
 */
import type { DB } from "../../db/connection";
import {
  deletePendingSessionReminders,
  findRequestForScheduling,
  listSchoolLeaders,
} from "../../db/queries/sessions";
import { listCalendarDeliveries, listUserLocales } from "../../db/queries/users";
import type { IcsPerson } from "../../emails/calendar";
import {
  attendanceReminderEmail,
  type SessionEmailData,
  sessionCancelEmail,
  sessionInviteEmail,
  sessionReminderEmail,
} from "../../emails/session-invite";
import {
  type SchoolNoticeKind,
  schoolSessionConfirmationEmail,
  schoolSessionNoticeEmail,
} from "../../emails/session-school-notice";
import { attachesCalendarFile } from "../domain/calendar-delivery";
import { parseMailbox, reminderDedupeKey, reminderTimes } from "../domain/scheduling";
import { DEFAULT_LOCALE, type Locale } from "../i18n";
import { queueEmail } from "../lib/mailer.server";
import type { SchedulingConfig } from "./scheduling-shared.server";

type Person = { id: number; name: string; email: string };

/** What happened to a session, with the facilitators each part of the change concerns. */
export type SessionChange =
  | { kind: "scheduled"; facilitators: readonly Person[] }
  | { kind: "moved"; facilitators: readonly Person[] }
  | {
      kind: "facilitatorsChanged";
      removed: readonly Person[];
      kept: readonly Person[];
      added: readonly Person[];
    }
  | { kind: "cancelled"; facilitators: readonly Person[]; reason: string };

/**
 * Queues everything `change` causes for the session (`data` at its new SEQUENCE). Pending
 * reminders of an existing session are replaced (moved, facilitators changed) or dropped
 * (cancelled).
 */
export async function queueSessionMessages(
  trx: DB,
  ctx: MessageContext,
  session: { id: number; schoolId: number },
  data: SessionEmailData,
  change: SessionChange,
): Promise<void> {
  switch (change.kind) {
    case "scheduled": {
      await queueCalendarMessages(
        trx,
        ctx,
        change.facilitators,
        "session-invite",
        (person, options, locale) => sessionInviteEmail(locale, data, person, "new", options),
      );
      const leaders = await listSchoolLeaders(trx, session.schoolId);
      await queueToEach(trx, ctx, leaders, "session-school-confirmation", (leader, locale) =>
        schoolSessionConfirmationEmail(locale, data, leader.name, `${ctx.cfg.appUrl}/school`),
      );
      await queueReminders(trx, ctx, session.id, data, change.facilitators, leaders);
      return;
    }
    case "moved": {
      await queueCalendarMessages(
        trx,
        ctx,
        change.facilitators,
        "session-update",
        (person, options, locale) => sessionInviteEmail(locale, data, person, "updated", options),
      );
      const leaders = await listSchoolLeaders(trx, session.schoolId);
      await queueSchoolNotice(trx, ctx, data, leaders, "moved");
      await deletePendingSessionReminders(trx, session.id);
      await queueReminders(trx, ctx, session.id, data, change.facilitators, leaders);
      return;
    }
    case "facilitatorsChanged": {
      await queueCalendarMessages(
        trx,
        ctx,
        change.removed,
        "session-removed",
        (person, options, locale) =>
          sessionCancelEmail(locale, data, person, "removed", "", options),
      );
      await queueCalendarMessages(
        trx,
        ctx,
        change.kept,
        "session-update",
        (person, options, locale) => sessionInviteEmail(locale, data, person, "updated", options),
      );
      await queueCalendarMessages(
        trx,
        ctx,
        change.added,
        "session-invite",
        (person, options, locale) => sessionInviteEmail(locale, data, person, "added", options),
      );
      const leaders = await listSchoolLeaders(trx, session.schoolId);
      await queueSchoolNotice(trx, ctx, data, leaders, "facilitators");
      await deletePendingSessionReminders(trx, session.id);
      await queueReminders(trx, ctx, session.id, data, [...change.kept, ...change.added], leaders);
      return;
    }
    case "cancelled": {
      await queueCalendarMessages(
        trx,
        ctx,
        change.facilitators,
        "session-cancelled",
        (person, options, locale) =>
          sessionCancelEmail(locale, data, person, "cancelled", change.reason, options),
      );
      const leaders = await listSchoolLeaders(trx, session.schoolId);
      await queueSchoolNotice(trx, ctx, data, leaders, "cancelled", change.reason);
      await deletePendingSessionReminders(trx, session.id);
      return;
    }
  }
}

export interface MessageContext {
  cfg: SchedulingConfig;
  organizer: IcsPerson;
  host: string;
}

export function messageContext(cfg: SchedulingConfig): MessageContext {
  return { cfg, organizer: parseMailbox(cfg.mailFrom), host: cfg.uidDomain };
}

/**
 * Queue a message due now by the service's clock (`cfg.now`), so that tests with an injected clock
 * and the reminders (queued for later) use one time line.
 */
function queueNow(
  trx: DB,
  ctx: MessageContext,
  to: string,
  kind: string,
  content: Parameters<typeof queueEmail>[3],
) {
  return queueEmail(trx, to, kind, content, { sendAt: ctx.cfg.now().toISOString() });
}

/** One message per person, due now, built for that person in their language (users.locale). */
async function queueToEach<Person extends { id: number; email: string }>(
  trx: DB,
  ctx: MessageContext,
  people: readonly Person[],
  kind: string,
  build: (person: Person, locale: Locale) => Parameters<typeof queueEmail>[3],
) {
  const locales = await listUserLocales(
    trx,
    people.map((person) => person.id),
  );
  for (const person of people) {
    const locale = locales.get(person.id) ?? DEFAULT_LOCALE;
    await queueNow(trx, ctx, person.email, kind, build(person, locale));
  }
}

/**
 * Calendar messages (invites, updates, cancellations) to facilitators, one per person: with the
 * .ics, or as a plain notice to those who chose the private feed only (`calendar_delivery`).
 */
async function queueCalendarMessages<Person extends { id: number; email: string }>(
  trx: DB,
  ctx: MessageContext,
  people: readonly Person[],
  kind: string,
  build: (
    person: Person,
    options: { calendarFile: boolean },
    locale: Locale,
  ) => Parameters<typeof queueEmail>[3],
) {
  const deliveries = await listCalendarDeliveries(
    trx,
    people.map((person) => person.id),
  );
  await queueToEach(trx, ctx, people, kind, (person, locale) =>
    build(person, { calendarFile: attachesCalendarFile(deliveries.get(person.id)) }, locale),
  );
}

/** What every message about a session says, at its current SEQUENCE. */
export function sessionEmailData(
  ctx: MessageContext,
  session: {
    id: number;
    uid: string;
    sequence: number;
    starts_at: string;
    ends_at: string;
    location: string;
    course_title: string;
    school_name: string;
  },
  facilitators: readonly { name: string; email: string }[],
  contact: { name: string; phone: string },
): SessionEmailData {
  return {
    uid: session.uid,
    sequence: session.sequence,
    startUtc: session.starts_at,
    endUtc: session.ends_at,
    courseTitle: session.course_title,
    schoolName: session.school_name,
    location: session.location,
    facilitators: facilitators.map((f) => ({ name: f.name, email: f.email })),
    organizer: ctx.organizer,
    url: facilitatorSessionUrl(ctx, session.id),
    contactName: contact.name,
    contactPhone: contact.phone,
    stamp: ctx.cfg.now(),
  };
}

/** The facilitator's page of a session (built by the facilitator side). */
function facilitatorSessionUrl(ctx: MessageContext, sessionId: number): string {
  return `${ctx.cfg.appUrl}/facilitator/sessions/${sessionId}`;
}

/** Reminders of a session at its current sequence: 3 days before (all) and attendance (facilitators). */
async function queueReminders(
  trx: DB,
  ctx: MessageContext,
  sessionId: number,
  data: SessionEmailData,
  facilitators: readonly { id: number; name: string; email: string }[],
  leaders: readonly { id: number; name: string; email: string }[],
) {
  const due = reminderTimes(data, ctx.cfg.now());
  const locales = await listUserLocales(trx, [
    ...facilitators.map((person) => person.id),
    ...leaders.map((leader) => leader.id),
  ]);
  const localeOf = (id: number) => locales.get(id) ?? DEFAULT_LOCALE;
  if (due.threeDaysBefore) {
    for (const person of facilitators) {
      await queueEmail(
        trx,
        person.email,
        "session-reminder",
        sessionReminderEmail(localeOf(person.id), data, person.name, "facilitator", data.url),
        {
          sendAt: due.threeDaysBefore,
          dedupeKey: reminderDedupeKey("reminder-3d", sessionId, data.sequence, person.id),
        },
      );
    }
    for (const leader of leaders) {
      await queueEmail(
        trx,
        leader.email,
        "session-reminder",
        sessionReminderEmail(
          localeOf(leader.id),
          data,
          leader.name,
          "school",
          `${ctx.cfg.appUrl}/school`,
        ),
        {
          sendAt: due.threeDaysBefore,
          dedupeKey: reminderDedupeKey("reminder-3d", sessionId, data.sequence, leader.id),
        },
      );
    }
  }
  if (due.dayAfter) {
    for (const person of facilitators) {
      await queueEmail(
        trx,
        person.email,
        "session-attendance-reminder",
        attendanceReminderEmail(localeOf(person.id), data, person.name, data.url),
        {
          sendAt: due.dayAfter,
          dedupeKey: reminderDedupeKey("reminder-attendance", sessionId, data.sequence, person.id),
        },
      );
    }
  }
}

async function queueSchoolNotice(
  trx: DB,
  ctx: MessageContext,
  data: SessionEmailData,
  leaders: readonly { id: number; name: string; email: string }[],
  kind: SchoolNoticeKind,
  reason = "",
) {
  await queueToEach(trx, ctx, leaders, `session-school-${kind}`, (leader, locale) =>
    schoolSessionNoticeEmail(locale, data, leader.name, kind, `${ctx.cfg.appUrl}/school`, reason),
  );
}

/** The request's contact person, shown in the facilitators' messages. */
export async function contactOf(trx: DB, requestId: number) {
  const request = await findRequestForScheduling(trx, requestId);
  return { name: request?.contact_name ?? "", phone: request?.contact_phone ?? "" };
}
