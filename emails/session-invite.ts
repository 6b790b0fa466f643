/**
 * Calendar messages to facilitators (iTIP, RFC 5546): an invite or update (METHOD:REQUEST) and a
 * cancellation (METHOD:CANCEL), each as an email whose `ics.method` equals the METHOD in the file
 * (the outbox worker passes both to nodemailer's `icalEvent`). Pure builders: data in, email out.
 */
import { formatTimeRange } from "../app/domain/time";
import { buildSessionIcs, type IcsPerson } from "./calendar";
import { htmlEmail, textEmail } from "./layout";
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

const FEED_ONLY_NOTE =
  "Du har valgt kun at få forløbene via dit kalenderabonnement, så der er ingen kalenderfil i denne e-mail. Abonnementet opdateres inden for et par timer (Google kan være op til et døgn om det).";

function when(data: SessionEmailData): string {
  return formatTimeRange(data.startUtc, data.endUtc, "da");
}

function names(people: readonly IcsPerson[]): string {
  return people.map((p) => p.name).join(", ");
}

function eventDescription(data: SessionEmailData): string {
  const lines = [
    `${data.courseTitle} på ${data.schoolName}`,
    `Facilitatorer: ${names(data.facilitators)}`,
  ];
  if (data.contactName) {
    lines.push(`Kontakt: ${data.contactName}${data.contactPhone ? `, ${data.contactPhone}` : ""}`);
  }
  lines.push(`Se forløbet i Frirum: ${data.url}`);
  return lines.join("\n");
}

function detailLines(data: SessionEmailData): string[] {
  return [
    `Hvornår: ${when(data)}`,
    `Hvor: ${data.location || data.schoolName}`,
    `Skole: ${data.schoolName}`,
    `Facilitatorer: ${names(data.facilitators)}`,
  ];
}

const INVITE_TEXT: Record<
  InviteKind,
  { subject: string; heading: string; intro: string; introFeed: string }
> = {
  new: {
    subject: "Invitation",
    heading: "Du er sat på et forløb",
    intro:
      "Du er sat på dette forløb. Invitationen er vedhæftet, så du kan tilføje den til din kalender.",
    introFeed: "Du er sat på dette forløb.",
  },
  added: {
    subject: "Invitation",
    heading: "Du er sat på et forløb",
    intro: "Du er sat på dette forløb i stedet for en kollega. Invitationen er vedhæftet.",
    introFeed: "Du er sat på dette forløb i stedet for en kollega.",
  },
  updated: {
    subject: "Ændret",
    heading: "Forløbet er ændret",
    intro: "Forløbet er ændret. Den vedhæftede opdatering retter aftalen i din kalender.",
    introFeed: "Forløbet er ændret.",
  },
};

/** Invite (SEQUENCE 0), update or invite of a facilitator added later: METHOD:REQUEST. */
export function sessionInviteEmail(
  data: SessionEmailData,
  recipient: IcsPerson,
  kind: InviteKind,
  options: CalendarMessageOptions = {},
): EmailContent {
  const copy = INVITE_TEXT[kind];
  const calendarFile = options.calendarFile !== false;
  const content = buildSessionIcs({
    method: "REQUEST",
    uid: data.uid,
    sequence: data.sequence,
    startUtc: data.startUtc,
    endUtc: data.endUtc,
    title: `${data.courseTitle} – ${data.schoolName}`,
    description: eventDescription(data),
    location: data.location || data.schoolName,
    url: data.url,
    organizer: data.organizer,
    attendees: data.facilitators,
    status: "CONFIRMED",
    stamp: data.stamp,
  });
  const heading = copy.heading;
  const intro = calendarFile ? copy.intro : copy.introFeed;
  const paragraphs = [`Hej ${recipient.name}`, intro, detailLines(data).join("\n")];
  if (!calendarFile) paragraphs.push(FEED_ONLY_NOTE);
  const action = { label: "Se forløbet i Frirum", url: data.url };
  return {
    subject: `${copy.subject}: ${data.courseTitle}, ${data.schoolName}, ${when(data)}`,
    text: textEmail({ heading, paragraphs, action }),
    html: htmlEmail({ heading, paragraphs, action }),
    ...(calendarFile ? { ics: { method: "REQUEST" as const, content } } : {}),
  };
}

/**
 * Cancellation: the whole session (to every facilitator) or one facilitator removed from it (to
 * that person only; the others get an update). METHOD:CANCEL, STATUS:CANCELLED.
 */
export function sessionCancelEmail(
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
    title: `${data.courseTitle} – ${data.schoolName}`,
    description: eventDescription(data),
    location: data.location || data.schoolName,
    url: data.url,
    organizer: data.organizer,
    attendees: kind === "removed" ? [recipient] : data.facilitators,
    status: "CANCELLED",
    stamp: data.stamp,
  });
  const heading = kind === "removed" ? "Du er taget af et forløb" : "Forløbet er aflyst";
  const intro = `${kind === "removed" ? "Du skal ikke længere deltage i dette forløb." : "Forløbet er aflyst."}${
    calendarFile ? " Den vedhæftede aflysning fjerner aftalen fra din kalender." : ""
  }`;
  const paragraphs = [
    `Hej ${recipient.name}`,
    intro,
    [
      `Hvornår: ${when(data)}`,
      `Hvor: ${data.location || data.schoolName}`,
      `Skole: ${data.schoolName}`,
    ].join("\n"),
  ];
  if (reason) paragraphs.push(`Begrundelse: ${reason}`);
  if (!calendarFile) paragraphs.push(FEED_ONLY_NOTE);
  return {
    subject: `Aflyst: ${data.courseTitle}, ${data.schoolName}, ${when(data)}`,
    text: textEmail({ heading, paragraphs }),
    html: htmlEmail({ heading, paragraphs }),
    ...(calendarFile ? { ics: { method: "CANCEL" as const, content } } : {}),
  };
}

/** Reminder 3 days before, to a facilitator or a school leader (no calendar file). */
export function sessionReminderEmail(
  data: SessionEmailData,
  recipientName: string,
  audience: "facilitator" | "school",
  url: string,
): EmailContent {
  const heading = "Påmindelse: forløb om tre dage";
  const paragraphs = [
    `Hej ${recipientName}`,
    audience === "facilitator"
      ? "Husk forløbet herunder. Se skolens noter og kontaktperson i Frirum."
      : "Husk forløbet herunder på jeres skole. Sørg for at lokalet er klar.",
    detailLines(data).join("\n"),
  ];
  const action = { label: "Se forløbet i Frirum", url };
  return {
    subject: `Påmindelse: ${data.courseTitle}, ${when(data)}`,
    text: textEmail({ heading, paragraphs, action }),
    html: htmlEmail({ heading, paragraphs, action }),
  };
}

/** The day after: register attendance (only sent while it is not registered). */
export function attendanceReminderEmail(
  data: SessionEmailData,
  recipientName: string,
  url: string,
): EmailContent {
  const heading = "Registrér fremmøde";
  const paragraphs = [
    `Hej ${recipientName}`,
    "Tak for forløbet i går. Registrér fremmødet og en kort note i Frirum, så tæller det med i opfølgningen.",
    [`Forløb: ${data.courseTitle}`, `Skole: ${data.schoolName}`, `Hvornår: ${when(data)}`].join(
      "\n",
    ),
  ];
  const action = { label: "Registrér fremmøde", url };
  return {
    subject: `Registrér fremmøde: ${data.courseTitle}, ${data.schoolName}`,
    text: textEmail({ heading, paragraphs, action }),
    html: htmlEmail({ heading, paragraphs, action }),
  };
}
