import { type RequestWindow, windowTimes } from "../app/domain/requests";
import { formatDate } from "../app/domain/time";
import { translate } from "../app/i18n";
import { htmlEmail, textEmail } from "./layout";
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

/** "fredag den 6. marts 2026, formiddag kl. 08:00-11:30" (Danish). */
export function describeWindow(window: RequestWindow): string {
  const times = windowTimes(window);
  const part =
    window.part === "custom" ? "" : `${translate("da", `daypart.${window.part}`).toLowerCase()} `;
  return `${formatDate(window.date, "da")}, ${part}kl. ${times.from}-${times.to}`;
}

/** The lines of a request summary, as "Label: value" (Danish). */
export function requestSummaryLines(summary: RequestSummary): string[] {
  const lines = [
    `Forløb: ${summary.courseTitle}`,
    `Skole: ${summary.schoolName}`,
    `Antal klasser/hold: ${summary.groupCount}`,
    `Deltagere pr. hold: ${summary.participantsPerGroup}`,
  ];
  if (summary.grades.length > 0) {
    lines.push(`Klassetrin: ${summary.grades.map((grade) => `${grade}.`).join(", ")} klasse`);
  }
  summary.windows.forEach((window, index) => {
    lines.push(`Foretrukket tidspunkt ${index + 1}: ${describeWindow(window)}`);
  });
  lines.push(
    `Sted på skolen: ${summary.location}`,
    `Kontaktperson: ${summary.contactName}, tlf. ${summary.contactPhone}`,
  );
  if (summary.languagesNeeded.length > 0) {
    lines.push(
      `Sprog: ${summary.languagesNeeded.map((code) => translate("da", `language.${code}`)).join(", ")}`,
    );
  }
  lines.push(`Behov for tolk: ${summary.interpreterNeeded ? "Ja" : "Nej"}`);
  if (summary.notes) lines.push(`Skolens egne udfordringer og ønsker: ${summary.notes}`);
  return lines;
}

/** The receipt the requester gets at once: what was asked for, and what happens next. */
export function requestReceiptEmail(summary: RequestSummary): EmailContent {
  const heading = "Vi har modtaget jeres anmodning";
  const paragraphs = [
    `Hej ${summary.requesterName}`,
    `Tak for jeres anmodning om "${summary.courseTitle}". En koordinator ser på den og vender tilbage med et tidspunkt. Anmodningens nummer er ${summary.requestId}.`,
    `Det har I bedt om:\n${requestSummaryLines(summary).join("\n")}`,
    "I kan følge anmodningen og annullere den, indtil den er planlagt, på skolens side i Frirum.",
  ];
  const action = { label: "Se anmodningen", url: summary.requestUrl };
  return {
    subject: `Kvittering: ${summary.courseTitle}`,
    text: textEmail({ heading, paragraphs, action }),
    html: htmlEmail({ heading, paragraphs, action }),
  };
}
