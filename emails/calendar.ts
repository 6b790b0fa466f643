/**
 * iCalendar builders: session invites/updates/cancellations (iTIP, RFC 5546) and private feeds.
 *
 * The `ics` package (3.12) writes the properties and does the RFC 5545 text escaping; this module
 * corrects what it gets wrong for our use (see /work/shared/design/calendar-invites.md):
 * - `ics` folds lines at 75 *characters*; a Danish line can then exceed 75 octets, so the output is
 *   unfolded and re-folded at 75 octets without splitting a UTF-8 sequence (`foldIcsLines`);
 * - instants are passed as epoch milliseconds with UTC input/output types, so DTSTART/DTEND never
 *   depend on the server's time zone and are never floating;
 * - parameter values (CN) may not contain DQUOTE or control characters, which `ics` does not handle;
 * - `ics` writes no REFRESH-INTERVAL and does not escape X-WR-CALNAME; it always writes X-PUBLISHED-TTL,
 *   which is dropped from emailed messages (it only means something in a feed).
 */
import { createEvents, type EventAttributes, type HeaderAttributes } from "ics";
import { utcToEpochMs } from "../app/domain/time";

export type IcsMethod = "REQUEST" | "CANCEL" | "PUBLISH";
export type IcsStatus = "CONFIRMED" | "CANCELLED";

export interface IcsPerson {
  name: string;
  email: string;
}

export interface SessionIcsInput {
  method: IcsMethod;
  /** Stable per session, see `sessionUid`. */
  uid: string;
  /** 0 for the invite; previous + 1 for every update or cancellation. */
  sequence: number;
  startUtc: string;
  endUtc: string;
  title: string;
  description?: string;
  location?: string;
  url?: string;
  organizer: IcsPerson;
  /** Ignored for PUBLISH (no RSVP outside iTIP). */
  attendees: IcsPerson[];
  status: IcsStatus;
  /** DTSTAMP; defaults to now. */
  stamp?: Date;
}

export interface FeedEventInput {
  uid: string;
  sequence: number;
  startUtc: string;
  endUtc: string;
  title: string;
  description?: string;
  location?: string;
  status: IcsStatus;
  url?: string;
}

export interface CalendarFeedInput {
  name: string;
  events: FeedEventInput[];
  /** DTSTAMP of every event; defaults to now. */
  stamp?: Date;
}

export const ICS_PRODUCT_ID = "-//Frirum//Frirum//DA";

/**
 * Stable UID of a session's calendar event. `domain` must be this installation's own (see
 * `inviteUidDomain`): calendars identify an event by UID alone, so two installations that both
 * wrote `session-1@localhost` would overwrite each other's events in a facilitator's calendar.
 * A UID is stored with the session when it is created and never changes afterwards.
 */
export const sessionUid = (sessionId: number | string, domain: string) =>
  `session-${sessionId}@${domain}`;

/**
 * The domain part of new invite UIDs: `INVITE_UID_DOMAIN` when set, else the domain of the sender
 * address (MAIL_FROM), which belongs to the department running the installation. Not the host of
 * APP_URL: that is `localhost` in many setups.
 */
export function inviteUidDomain(mailFrom: string, explicit?: string): string {
  if (explicit?.trim()) return explicit.trim().toLowerCase();
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  const domain = address.trim().split("@")[1]?.trim().toLowerCase();
  return domain || "frirum.invalid";
}

// ---------------------------------------------------------------------------------------------
// Line folding (RFC 5545 section 3.1)

const MAX_LINE_OCTETS = 75;

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3; // lone surrogates are encoded as U+FFFD: also 3
  return 4;
}

function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = MAX_LINE_OCTETS - 1; // continuation lines start with one space
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function unfold(text: string): string[] {
  const lines = text.replace(/\r?\n[ \t]/g, "").split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * Unfold any folded content lines, then fold every line so that it is at most 75 octets (UTF-8)
 * without splitting a multi-byte character; continuation lines begin with a space. CRLF line ends,
 * including after the last line.
 */
export function foldIcsLines(text: string): string {
  const lines = unfold(text);
  if (lines.length === 0) return "";
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// Input hygiene

function isForbiddenControl(code: number): boolean {
  // RFC 5545 TEXT allows HTAB and (escaped) newlines, no other control characters.
  return (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f;
}

/** Normalise line breaks to LF (escaped by `ics` as `\n`) and drop forbidden control characters. */
function cleanText(value: string): string {
  const normalised = value.replace(/\r\n?/g, "\n");
  let out = "";
  for (const char of normalised) {
    if (!isForbiddenControl(char.charCodeAt(0))) out += char;
  }
  return out;
}

/** A parameter value (CN): no DQUOTE (cannot be escaped inside a quoted value), no control chars. */
function cleanParam(value: string): string {
  let out = "";
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (char === '"') out += "'";
    else if (code < 0x20 || code === 0x7f) out += " ";
    else out += char;
  }
  return out.replace(/ {2,}/g, " ").trim();
}

/** RFC 5545 TEXT escaping, for the one value `ics` leaves unescaped (X-WR-CALNAME). */
function escapeText(value: string): string {
  return cleanText(value)
    .replace(/\\/g, "\\\\")
    .replace(/\n/g, "\\n")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,");
}

function optionalText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const cleaned = cleanText(value);
  return cleaned === "" ? undefined : cleaned;
}

// ---------------------------------------------------------------------------------------------
// Builders

type EventCore = Omit<FeedEventInput, "status"> & { status: IcsStatus };

function eventAttributes(input: EventCore, stamp: Date): EventAttributes & { timestamp: number } {
  const start = utcToEpochMs(input.startUtc);
  const end = utcToEpochMs(input.endUtc);
  if (!(end > start)) {
    throw new RangeError(`Event ${input.uid} must end after it starts`);
  }
  return {
    uid: input.uid,
    sequence: input.sequence,
    timestamp: stamp.getTime(),
    start,
    startInputType: "utc",
    startOutputType: "utc",
    end,
    endInputType: "utc",
    endOutputType: "utc",
    title: cleanText(input.title),
    description: optionalText(input.description),
    location: optionalText(input.location),
    url: input.url,
    status: input.status,
  };
}

function runIcs(events: EventAttributes[], header: HeaderAttributes): string[] {
  const { error, value } = createEvents(events, header);
  if (error || value === null) {
    throw new Error(`Could not build the calendar file: ${error?.message ?? "no output"}`);
  }
  return unfold(value);
}

function joinLines(lines: string[]): string {
  return foldIcsLines(`${lines.join("\r\n")}\r\n`);
}

/**
 * One session as an iTIP message: REQUEST (invite or update), CANCEL, or PUBLISH (a plain file to
 * import; no attendees). Throws if METHOD and STATUS contradict each other (a REQUEST with
 * STATUS:CANCELLED leaves the event in many calendars; a CANCEL must be CANCELLED).
 */
export function buildSessionIcs(input: SessionIcsInput): string {
  if (input.method === "CANCEL" && input.status !== "CANCELLED") {
    throw new Error("A CANCEL message must have STATUS:CANCELLED");
  }
  if (input.method === "REQUEST" && input.status !== "CONFIRMED") {
    throw new Error("A cancelled session must be sent with METHOD:CANCEL, not REQUEST");
  }
  const event: EventAttributes = {
    ...eventAttributes(input, input.stamp ?? new Date()),
    organizer: { name: cleanParam(input.organizer.name), email: input.organizer.email },
    attendees:
      input.method === "PUBLISH"
        ? undefined
        : input.attendees.map((attendee) => ({
            name: cleanParam(attendee.name),
            email: attendee.email,
            rsvp: true,
            partstat: "NEEDS-ACTION" as const,
            role: "REQ-PARTICIPANT" as const,
          })),
  };
  const lines = runIcs([event], { method: input.method, productId: ICS_PRODUCT_ID })
    .filter((line) => !line.startsWith("X-PUBLISHED-TTL:"))
    .map((line) => {
      // ics writes "MAILTO:"; the scheme is case-insensitive, but lower case is what clients send.
      if (line.startsWith("ORGANIZER;")) return line.replace(/:MAILTO:([^:"]*)$/, ":mailto:$1");
      // ics quotes every parameter value; RFC 5545 defines ROLE/PARTSTAT as bare tokens. (CN cannot
      // contain a DQUOTE after cleanParam, so these patterns only match the real parameters.)
      if (line.startsWith("ATTENDEE;"))
        return line.replace(/;(ROLE|PARTSTAT)="([A-Z-]+)"/g, ";$1=$2");
      return line;
    });
  return joinLines(lines);
}

/**
 * A private subscription feed: METHOD:PUBLISH, no ATTENDEE/ORGANIZER/RSVP, refresh hints of one hour.
 * Cancelled sessions stay in the feed with STATUS:CANCELLED. Zero events give a valid empty calendar.
 */
export function buildCalendarFeed(input: CalendarFeedInput): string {
  const stamp = input.stamp ?? new Date();
  const events: EventAttributes[] = input.events.map((event) => eventAttributes(event, stamp));
  const lines = runIcs(events, { method: "PUBLISH", productId: ICS_PRODUCT_ID });
  const out: string[] = [];
  for (const line of lines) {
    if (line.startsWith("X-PUBLISHED-TTL:")) {
      out.push(
        `X-WR-CALNAME:${escapeText(input.name.replace(/\s*[\r\n]+\s*/g, " "))}`,
        "X-PUBLISHED-TTL:PT1H",
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
      );
    } else if (!line.startsWith("X-WR-CALNAME:")) {
      out.push(line);
    }
  }
  if (!out.includes("REFRESH-INTERVAL;VALUE=DURATION:PT1H")) {
    throw new Error("ics output changed: no X-PUBLISHED-TTL line to anchor the feed headers");
  }
  return joinLines(out);
}
