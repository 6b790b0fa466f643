/**
 * Emails to the school leader about a session: the confirmation with an "add to calendar" file
 * (METHOD:PUBLISH, no attendees: the leader is not asked to accept anything) and a notice on every
 * change or cancellation (with an updated file: same UID, higher SEQUENCE).
 */
import { formatTimeRange } from "../app/domain/time";
import { buildSessionIcs } from "./calendar";
import { htmlEmail, textEmail } from "./layout";
import type { SessionEmailData } from "./session-invite";
import type { EmailContent } from "./types";

export type SchoolNoticeKind = "moved" | "facilitators" | "cancelled";

function publishFile(data: SessionEmailData, cancelled: boolean): string {
  return buildSessionIcs({
    method: "PUBLISH",
    uid: data.uid,
    sequence: data.sequence,
    startUtc: data.startUtc,
    endUtc: data.endUtc,
    title: data.courseTitle,
    description: `Facilitatorer: ${data.facilitators.map((f) => f.name).join(", ")}`,
    location: data.location || data.schoolName,
    organizer: data.organizer,
    attendees: [],
    status: cancelled ? "CANCELLED" : "CONFIRMED",
    stamp: data.stamp,
  });
}

function details(data: SessionEmailData): string {
  return [
    `Forløb: ${data.courseTitle}`,
    `Dato og tid: ${formatTimeRange(data.startUtc, data.endUtc, "da")}`,
    `Sted: ${data.location || data.schoolName}`,
    `Facilitatorer: ${data.facilitators.map((f) => f.name).join(", ")}`,
  ].join("\n");
}

/** Confirmation when a session is scheduled, with an add-to-calendar file. */
export function schoolSessionConfirmationEmail(
  data: SessionEmailData,
  leaderName: string,
  url: string,
): EmailContent {
  const heading = "Forløbet er planlagt";
  const paragraphs = [
    `Hej ${leaderName}`,
    `Vi har planlagt forløbet for ${data.schoolName}:`,
    details(data),
    "Den vedhæftede fil (invite.ics) lægger forløbet i jeres kalender.",
  ];
  const action = { label: "Se jeres anmodninger i Frirum", url };
  return {
    subject: `Planlagt: ${data.courseTitle}, ${formatTimeRange(data.startUtc, data.endUtc, "da")}`,
    text: textEmail({ heading, paragraphs, action }),
    html: htmlEmail({ heading, paragraphs, action }),
    ics: { method: "PUBLISH", content: publishFile(data, false) },
  };
}

const NOTICE: Record<SchoolNoticeKind, { subject: string; heading: string; intro: string }> = {
  moved: {
    subject: "Ændret",
    heading: "Forløbet er flyttet",
    intro: "Tid eller sted for forløbet er ændret. Her er de nye oplysninger:",
  },
  facilitators: {
    subject: "Nye facilitatorer",
    heading: "Nye facilitatorer på forløbet",
    intro: "Der er skiftet facilitatorer på forløbet. Tid og sted er uændret:",
  },
  cancelled: {
    subject: "Aflyst",
    heading: "Forløbet er aflyst",
    intro: "Forløbet herunder er aflyst:",
  },
};

/** Notice of a change or cancellation, with the updated calendar file. */
export function schoolSessionNoticeEmail(
  data: SessionEmailData,
  leaderName: string,
  kind: SchoolNoticeKind,
  url: string,
  reason = "",
): EmailContent {
  const copy = NOTICE[kind];
  const paragraphs = [`Hej ${leaderName}`, copy.intro, details(data)];
  if (reason) paragraphs.push(`Begrundelse: ${reason}`);
  const action = { label: "Se jeres anmodninger i Frirum", url };
  return {
    subject: `${copy.subject}: ${data.courseTitle}, ${formatTimeRange(data.startUtc, data.endUtc, "da")}`,
    text: textEmail({ heading: copy.heading, paragraphs, action }),
    html: htmlEmail({ heading: copy.heading, paragraphs, action }),
    ics: { method: "PUBLISH", content: publishFile(data, kind === "cancelled") },
  };
}
