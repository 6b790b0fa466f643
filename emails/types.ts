import type { IcsMethod } from "../db/schema";

/** What every email builder returns: a pure value, sent later by the outbox worker. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
  ics?: { method: IcsMethod; content: string };
}
