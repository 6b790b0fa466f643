import { formatDate } from "../app/domain/time";
import { htmlEmail, textEmail } from "./layout";
import type { EmailContent } from "./types";

/** Tells the requester that a request was declined, and why (Danish). */
export function requestDeclinedEmail(input: {
  requestId: number;
  requesterName: string;
  schoolName: string;
  courseTitle: string;
  /** ISO instant the request was made. */
  requestedAt: string;
  reason: string;
  requestUrl: string;
}): EmailContent {
  const heading = "Jeres anmodning er afvist";
  const paragraphs = [
    `Hej ${input.requesterName}`,
    `Vi kan desværre ikke imødekomme ${input.schoolName}s anmodning om "${input.courseTitle}" (nr. ${input.requestId}, sendt ${formatDate(input.requestedAt, "da")}).`,
    `Begrundelse:\n${input.reason}`,
    "I er velkomne til at sende en ny anmodning fra forløbskataloget eller kontakte koordinatoren, hvis I har spørgsmål.",
  ];
  const action = { label: "Se anmodningen", url: input.requestUrl };
  return {
    subject: `Anmodning afvist: ${input.courseTitle}`,
    text: textEmail({ heading, paragraphs, action }),
    html: htmlEmail({ heading, paragraphs, action }),
  };
}
