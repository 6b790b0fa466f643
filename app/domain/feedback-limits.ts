/**
 * Limits that keep a script from drowning a class's real answers (and the evaluation with them),
 * without learning anything about who answers.
 *
 * - Per session: at most `FEEDBACK_CAP_FACTOR` times the participants. "Participants" is the
 *   attendance the facilitator registered; before that, the request's expected participants
 *   (groups x participants per group: the sessions of a request are not told which groups they
 *   serve, so the whole request is the generous bound). Never below `MIN_FEEDBACK_CAP`, so a small
 *   group or a mistyped attendance still leaves room. Checked inside the write transaction.
 * - Per client: a generous number of submissions per window, counted in memory only (a whole
 *   school shares one address; nothing about the client is stored or logged).
 */
export const FEEDBACK_CAP_FACTOR = 1.5;
export const MIN_FEEDBACK_CAP = 10;

/** Submissions one client address may make per window (all sessions together); the default of
 * the FEEDBACK_CLIENT_LIMIT setting. */
export const FEEDBACK_CLIENT_LIMIT = 300;
export const FEEDBACK_CLIENT_WINDOW_SECONDS = 10 * 60;

export interface ParticipantFacts {
  /** Registered attendance (sum over audiences), or null before it is registered. */
  attendance: number | null;
  /** The request's groups x participants per group. */
  expected: number;
}

/** The participants the cap is relative to: registered attendance, else the expected number. */
export function participantBase(facts: ParticipantFacts): number {
  return facts.attendance ?? facts.expected;
}

/** How many answers a session accepts. */
export function feedbackAnswerCap(facts: ParticipantFacts): number {
  return Math.max(MIN_FEEDBACK_CAP, Math.ceil(FEEDBACK_CAP_FACTOR * participantBase(facts)));
}

/** Registered attendance as one number: the sum of the audience columns, null when none is set. */
export function registeredAttendance(
  columns: ReadonlyArray<number | null | undefined>,
): number | null {
  const set = columns.filter((value): value is number => typeof value === "number");
  return set.length === 0 ? null : set.reduce((sum, value) => sum + value, 0);
}
