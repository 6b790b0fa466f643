import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** Columns the database fills in (defaults) but that can be set explicitly. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type Role = "coordinator" | "facilitator" | "school_leader";
export type Audience = "pupils" | "staff" | "parents";
export type RequestStatus =
  | "requested"
  | "in_progress"
  | "scheduled"
  | "delivered"
  | "declined"
  | "cancelled";
export type SessionStatus = "scheduled" | "delivered" | "cancelled";
export type DayPart = "morning" | "midday" | "afternoon" | "custom";
export type IcsMethod = "REQUEST" | "CANCEL" | "PUBLISH";
export type OutboxStatus = "pending" | "sent" | "failed";
export type CalendarDelivery = "invites" | "feed" | "both";

export interface SchoolsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  district: Defaulted<string>;
  address: Defaulted<string>;
  pilot_cohort: number | null;
  active: Defaulted<number>;
  is_demo: Defaulted<number>;
  created_at: Defaulted<string>;
  updated_at: Defaulted<string>;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  school_id: number | null;
  /** JSON array of language codes the user speaks (facilitators). */
  languages: Defaulted<string>;
  phone: Defaulted<string>;
  active: Defaulted<number>;
  is_demo: Defaulted<number>;
  created_at: Defaulted<string>;
  deactivated_at: string | null;
  /** Facilitators: emailed invites, the private feed, or both (see app/domain/calendar-delivery.ts). */
  calendar_delivery: Defaulted<CalendarDelivery>;
  /** The language the user reads Frirum and its emails in ("da" | "en"; see app/i18n). */
  locale: Defaulted<string>;
}

export interface SignInTokensTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: Defaulted<string>;
  expires_at: string;
  used_at: string | null;
  /** Same-origin path to open after signing in with this link (from /login?redirectTo=). */
  redirect_to: string | null;
}

export interface AuthSessionsTable {
  id: string;
  user_id: number;
  created_at: Defaulted<string>;
  expires_at: string;
}

export interface RateLimitsTable {
  key: string;
  window_start: number;
  count: number;
}

export interface CoursesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  audience: Audience;
  summary: Defaulted<string>;
  description: Defaulted<string>;
  grade_min: number | null;
  grade_max: number | null;
  duration_minutes: number;
  max_participants: number;
  facilitators_needed: Defaulted<number>;
  /** JSON array of language codes the course can be given in. */
  languages: Defaulted<string>;
  school_provides: Defaulted<string>;
  lead_time_days: Defaulted<number>;
  feedback_form_audience: Audience | null;
  active: Defaulted<number>;
  is_demo: Defaulted<number>;
  created_at: Defaulted<string>;
  updated_at: Defaulted<string>;
}

export interface RequestsTable {
  id: Generated<number>;
  school_id: number;
  requester_id: number;
  course_id: number;
  status: Defaulted<RequestStatus>;
  group_count: number;
  participants_per_group: number;
  /** JSON array of grade numbers 0-10. */
  grades: Defaulted<string>;
  location: Defaulted<string>;
  contact_name: Defaulted<string>;
  contact_phone: Defaulted<string>;
  languages_needed: Defaulted<string>;
  interpreter_needed: Defaulted<number>;
  notes: Defaulted<string>;
  decline_reason: string | null;
  /** Optimistic concurrency: bumped on every change; stale forms are refused. */
  version: Defaulted<number>;
  created_at: Defaulted<string>;
  updated_at: Defaulted<string>;
}

export interface RequestWindowsTable {
  id: Generated<number>;
  request_id: number;
  position: number;
  date: string;
  part: DayPart;
  from_time: string | null;
  to_time: string | null;
}

export interface RequestEventsTable {
  id: Generated<number>;
  request_id: number;
  actor_id: number | null;
  action: string;
  from_status: RequestStatus | null;
  to_status: RequestStatus | null;
  note: Defaulted<string>;
  created_at: Defaulted<string>;
}

export interface SessionsTable {
  id: Generated<number>;
  request_id: number;
  course_id: number;
  school_id: number;
  starts_at: string;
  ends_at: string;
  location: Defaulted<string>;
  status: Defaulted<SessionStatus>;
  uid: string;
  sequence: Defaulted<number>;
  version: Defaulted<number>;
  feedback_code: string | null;
  feedback_close_days: Defaulted<number>;
  strict_feedback: Defaulted<number>;
  attendance_pupils: number | null;
  attendance_professionals: number | null;
  attendance_parents: number | null;
  delivery_note: Defaulted<string>;
  delivered_at: string | null;
  cancelled_at: string | null;
  created_at: Defaulted<string>;
  updated_at: Defaulted<string>;
}

export interface SessionFacilitatorsTable {
  session_id: number;
  user_id: number;
  created_at: Defaulted<string>;
}

export interface UnavailabilityTable {
  id: Generated<number>;
  user_id: number;
  starts_at: string;
  ends_at: string;
  reason: Defaulted<string>;
  created_by: number | null;
  created_at: Defaulted<string>;
}

export interface CalendarFeedsTable {
  user_id: number;
  token_hash: string;
  created_at: Defaulted<string>;
}

export interface EmailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  ics_method: IcsMethod | null;
  ics_content: string | null;
  kind: string;
  status: Defaulted<OutboxStatus>;
  attempts: Defaulted<number>;
  /** Also the due time: reminders are queued with a future next_attempt_at. */
  next_attempt_at: Defaulted<string>;
  last_error: string | null;
  /** Makes "never twice" a constraint: e.g. "reminder-3d:session-12:user-4". */
  dedupe_key: string | null;
  created_at: Defaulted<string>;
  sent_at: string | null;
  /** While in the future, the instance `claimed_by` may send this message; no one else may. */
  claimed_until: string | null;
  /** The instance ("host:pid:random") holding the claim; on a sent message, the one that sent it. */
  claimed_by: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  details: Defaulted<string>;
  created_at: Defaulted<string>;
}

export type FeedbackScaleKey = "pupil4" | "agree5";

export interface FeedbackFormsTable {
  id: Generated<number>;
  audience: Audience;
  version: number;
  created_at: Defaulted<string>;
}

export interface FeedbackItemsTable {
  id: Generated<number>;
  form_id: number;
  position: number;
  key: string;
  scale: FeedbackScaleKey;
}

/** An item's wording (item_id), a scale option's label (scale + option_value) or the form title. */
export interface FeedbackTextsTable {
  id: Generated<number>;
  form_id: number;
  item_id: number | null;
  scale: FeedbackScaleKey | null;
  option_value: string | null;
  locale: string;
  text: string;
  is_draft: Defaulted<number>;
}

/** Anonymous: exactly these columns, nothing about who answered or when (privacy.md). */
export interface FeedbackResponsesTable {
  /** Random UUID (the table has no rowid: nothing reveals the order of answers). */
  id: string;
  session_id: number;
  audience: Audience;
  form_version: number;
  locale: string;
  /** JSON object: item key -> option value. */
  answers: string;
  comment: string | null;
  /** The session's date in Copenhagen, YYYY-MM-DD (not the time of answering). */
  session_date: string;
}

/** Respondents and comments per session (evaluation counts; no time, no order). */
export interface FeedbackSessionCountsTable {
  session_id: number;
  audience: Audience;
  form_version: number;
  responses: number;
  comments: number;
}

/** Per session and item: answers, "Ved ikke", top box and answers per option (scale order). */
export interface FeedbackItemCountsTable {
  session_id: number;
  audience: Audience;
  form_version: number;
  item_key: string;
  answers: number;
  dont_know: number;
  top_box: number;
  option_1: Defaulted<number>;
  option_2: Defaulted<number>;
  option_3: Defaulted<number>;
  option_4: Defaulted<number>;
  option_5: Defaulted<number>;
  option_6: Defaulted<number>;
}

/** Per session and scale: respondents with a score, sum and sum of squares of their scores. */
export interface FeedbackScaleSumsTable {
  session_id: number;
  audience: Audience;
  form_version: number;
  scale_key: string;
  respondents: number;
  score_sum: number;
  score_sum_squares: number;
}

/** Key of the monthly evaluation rollups (app/domain/evaluation-rollup.ts). */
interface RollupKeyColumns {
  audience: Audience;
  /** Copenhagen month of the sessions, YYYY-MM. */
  month: string;
  school_id: number;
  course_id: number;
  /** 0 for sessions without answers. */
  form_version: number;
}

export interface FeedbackItemRollupTable extends RollupKeyColumns {
  item_key: string;
  sessions: number;
  answers: number;
  dont_know: number;
  top_box: number;
  option_1: number;
  option_2: number;
  option_3: number;
  option_4: number;
  option_5: number;
  option_6: number;
  clusters: number;
  top_box_sq_over_valid: number;
  valid_sq: number;
  answers_with_attendance: number;
  attendance: number;
  excluded_sessions: number;
}

export interface FeedbackScaleRollupTable extends RollupKeyColumns {
  scale_key: string;
  sessions: number;
  respondents: number;
  score_sum: number;
  score_sum_squares: number;
  sum_sq_over_n: number;
  n_sq: number;
}

export interface FeedbackSessionRollupTable extends RollupKeyColumns {
  sessions: number;
  with_attendance: number;
  attendance: number;
  respondents_with_attendance: number;
  small_sessions: number;
  comments: number;
}

/**
 * Key of the term rollups: the monthly rollups added up per term over every course (the
 * evaluation's views without a course filter read these: a fifth of the rows).
 */
interface TermRollupKeyColumns {
  audience: Audience;
  /** The term's first month: YYYY-01 (spring, January-July) or YYYY-08 (autumn). */
  term: string;
  school_id: number;
  form_version: number;
}

export type FeedbackItemTermRollupTable = TermRollupKeyColumns &
  Omit<FeedbackItemRollupTable, keyof RollupKeyColumns>;
export type FeedbackScaleTermRollupTable = TermRollupKeyColumns &
  Omit<FeedbackScaleRollupTable, keyof RollupKeyColumns>;
export type FeedbackSessionTermRollupTable = TermRollupKeyColumns &
  Omit<FeedbackSessionRollupTable, keyof RollupKeyColumns>;

/** A printed one-time code: only a keyed hash and a used flag, never linked to a response. */
export interface OneTimeCodesTable {
  id: string;
  session_id: number;
  code_hash: string;
  used: Defaulted<number>;
}

export type TrackStatus = "active" | "stopped";
export type TrackOverrideAction = "scheduled" | "moved" | "attached";

export interface TrackTemplatesTable {
  id: Generated<number>;
  name: string;
  description: Defaulted<string>;
  active: Defaulted<number>;
  /** Optimistic concurrency: bumped on every change of the template or its steps. */
  version: Defaulted<number>;
  created_at: Defaulted<string>;
  updated_at: Defaulted<string>;
}

export interface TrackTemplateStepsTable {
  id: Generated<number>;
  template_id: number;
  /** 1, 2, 3, ... without gaps. */
  position: number;
  course_id: number;
  sessions_expected: number;
  /** Whole Copenhagen calendar days after the previous step's last session (0 = right after). */
  min_gap_days: number;
  note: Defaulted<string>;
}

export interface TracksTable {
  id: Generated<number>;
  school_id: number;
  template_id: number | null;
  /** The template's name when the track started. */
  name: string;
  cohort_year: number;
  status: Defaulted<TrackStatus>;
  stop_reason: string | null;
  /** Optimistic concurrency: bumped on every change of the track or its steps. */
  version: Defaulted<number>;
  created_by: number | null;
  created_at: Defaulted<string>;
  updated_at: Defaulted<string>;
}

/** A track's own copy of a template step. */
export interface TrackStepsTable {
  id: Generated<number>;
  track_id: number;
  position: number;
  course_id: number;
  sessions_expected: number;
  min_gap_days: number;
  note: Defaulted<string>;
  request_id: number | null;
}

export interface TrackStepSessionsTable {
  session_id: number;
  step_id: number;
  created_by: number | null;
  created_at: Defaulted<string>;
}

export interface TrackOverridesTable {
  id: Generated<number>;
  track_id: number;
  step_id: number | null;
  session_id: number | null;
  action: TrackOverrideAction;
  reason: string;
  /** JSON array of the overridden order violations. */
  violations: Defaulted<string>;
  actor_id: number | null;
  created_at: Defaulted<string>;
}

/** The school-holiday calendar: Copenhagen calendar dates, both ends included. */
export interface HolidaysTable {
  id: Generated<number>;
  name: string;
  starts_on: string;
  ends_on: string;
  created_at: Defaulted<string>;
  updated_at: Defaulted<string>;
}

export type ReportSection = "summary" | "pilot" | "expertGroup" | "nextYear";

/** One annual report per year; `version` is bumped by every finalisation and supersession. */
export interface AnnualReportsTable {
  id: Generated<number>;
  year: number;
  version: Defaulted<number>;
  created_at: Defaulted<string>;
  updated_at: Defaulted<string>;
}

/** Every save of a text section is a row; the newest row (highest id) is the current text. */
export interface AnnualReportTextsTable {
  id: Generated<number>;
  report_id: number;
  section: ReportSection;
  text: string;
  author_id: number | null;
  created_at: Defaulted<string>;
}

/** A final version: the frozen snapshot (JSON) and who finalised it; superseded, never edited. */
export interface AnnualReportVersionsTable {
  id: Generated<number>;
  report_id: number;
  number: number;
  snapshot: string;
  finalised_at: string;
  finalised_by: number | null;
  superseded_at: string | null;
  superseded_by_user: number | null;
  superseded_by: number | null;
  supersede_reason: string | null;
}

/** Requests per status, school and course, kept by triggers (the inbox's counts). */
export interface RequestCountsTable {
  status: RequestStatus;
  school_id: number;
  course_id: number;
  n: number;
}

export interface Database {
  schools: SchoolsTable;
  users: UsersTable;
  sign_in_tokens: SignInTokensTable;
  auth_sessions: AuthSessionsTable;
  rate_limits: RateLimitsTable;
  courses: CoursesTable;
  requests: RequestsTable;
  request_counts: RequestCountsTable;
  request_windows: RequestWindowsTable;
  request_events: RequestEventsTable;
  sessions: SessionsTable;
  session_facilitators: SessionFacilitatorsTable;
  unavailability: UnavailabilityTable;
  calendar_feeds: CalendarFeedsTable;
  email_outbox: EmailOutboxTable;
  audit_log: AuditLogTable;
  feedback_forms: FeedbackFormsTable;
  feedback_items: FeedbackItemsTable;
  feedback_texts: FeedbackTextsTable;
  feedback_responses: FeedbackResponsesTable;
  one_time_codes: OneTimeCodesTable;
  track_templates: TrackTemplatesTable;
  track_template_steps: TrackTemplateStepsTable;
  tracks: TracksTable;
  track_steps: TrackStepsTable;
  track_step_sessions: TrackStepSessionsTable;
  track_overrides: TrackOverridesTable;
  holidays: HolidaysTable;
  feedback_session_counts: FeedbackSessionCountsTable;
  feedback_item_counts: FeedbackItemCountsTable;
  feedback_scale_sums: FeedbackScaleSumsTable;
  feedback_item_rollup: FeedbackItemRollupTable;
  feedback_scale_rollup: FeedbackScaleRollupTable;
  feedback_session_rollup: FeedbackSessionRollupTable;
  feedback_item_term_rollup: FeedbackItemTermRollupTable;
  feedback_scale_term_rollup: FeedbackScaleTermRollupTable;
  feedback_session_term_rollup: FeedbackSessionTermRollupTable;
  annual_reports: AnnualReportsTable;
  annual_report_texts: AnnualReportTextsTable;
  annual_report_versions: AnnualReportVersionsTable;
}

export type School = Selectable<SchoolsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Course = Selectable<CoursesTable>;
export type NewCourse = Insertable<CoursesTable>;
export type CourseUpdate = Updateable<CoursesTable>;
export type Request = Selectable<RequestsTable>;
export type RequestWindow = Selectable<RequestWindowsTable>;
export type Session = Selectable<SessionsTable>;
export type OutboxMessage = Selectable<EmailOutboxTable>;
export type NewOutboxMessage = Insertable<EmailOutboxTable>;
