import SQLite from "better-sqlite3";

export interface FeedbackSessionOptions {
  /** The session's short code (6 characters from the code alphabet). */
  code: string;
  audience?: "pupils" | "parents" | "staff";
  /** Minutes from now to the session's start (negative = started in the past). */
  startsInMinutes?: number;
  durationMinutes?: number;
  strict?: boolean;
  closeDays?: number;
  status?: "scheduled" | "delivered" | "cancelled";
  /** Demo school slug (default: a pilot school). */
  schoolSlug?: string;
  /** Facilitator e-mails to assign. */
  facilitators?: string[];
}

/**
 * Inserts a request and a session with a feedback code into a seeded database file (directly with
 * better-sqlite3, beside a running app server). Returns the session's id and start.
 */
export function insertFeedbackSession(dbPath: string, options: FeedbackSessionOptions) {
  const sqlite = new SQLite(dbPath);
  sqlite.pragma("busy_timeout = 5000");
  try {
    const audience = options.audience ?? "pupils";
    const school = sqlite
      .prepare("SELECT id FROM schools WHERE slug = ?")
      .get(options.schoolSlug ?? "tingbjerg-skole") as { id: number };
    const course = sqlite
      .prepare("SELECT id FROM courses WHERE audience = ? ORDER BY id LIMIT 1")
      .get(audience) as { id: number };
    const leader = sqlite
      .prepare("SELECT id FROM users WHERE role = 'school_leader' AND school_id = ?")
      .get(school.id) as { id: number };
    const start = new Date(Date.now() + (options.startsInMinutes ?? -30) * 60_000);
    const end = new Date(start.getTime() + (options.durationMinutes ?? 90) * 60_000);
    const request = sqlite
      .prepare(
        `INSERT INTO requests (school_id, requester_id, course_id, status, group_count, participants_per_group)
         VALUES (?, ?, ?, 'scheduled', 1, 25)`,
      )
      .run(school.id, leader.id, course.id);
    const session = sqlite
      .prepare(
        `INSERT INTO sessions (request_id, course_id, school_id, starts_at, ends_at, status, uid,
           feedback_code, feedback_close_days, strict_feedback)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        request.lastInsertRowid,
        course.id,
        school.id,
        start.toISOString(),
        end.toISOString(),
        options.status ?? "scheduled",
        `test-${options.code}@frirum.test`,
        options.code,
        options.closeDays ?? 14,
        options.strict ? 1 : 0,
      );
    const sessionId = Number(session.lastInsertRowid);
    for (const email of options.facilitators ?? []) {
      const user = sqlite.prepare("SELECT id FROM users WHERE email = ?").get(email) as {
        id: number;
      };
      sqlite
        .prepare("INSERT INTO session_facilitators (session_id, user_id) VALUES (?, ?)")
        .run(sessionId, user.id);
    }
    return { sessionId, startsAt: start.toISOString() };
  } finally {
    sqlite.close();
  }
}

/** Reads rows with a fresh connection (the server holds its own). */
export function queryRows<T = Record<string, unknown>>(
  dbPath: string,
  query: string,
  ...params: unknown[]
): T[] {
  const sqlite = new SQLite(dbPath, { readonly: true });
  try {
    return sqlite.prepare(query).all(...params) as T[];
  } finally {
    sqlite.close();
  }
}

/** A form post body for the feedback form. */
export function feedbackBody(fields: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return body;
}
