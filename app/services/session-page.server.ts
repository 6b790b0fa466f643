/** The coordinator's page of one session: details, history, suggestions for a swap, track step. */
import type { DB } from "../../db/connection";
import { listAuditEntries } from "../../db/queries/audit";
import {
  findRequestForScheduling,
  findSessionWithFacilitators,
  listSchoolLeaders,
  listSessionStatusesOfRequest,
} from "../../db/queries/sessions";
import { findStepOfSession } from "../../db/queries/tracks";
import { utcToCopenhagen } from "../domain/timezone";
import type { CurrentUser } from "../lib/guards.server";
import { holidaysForDatePicking } from "./holidays.server";
import { forbidden, found, notFound } from "./result";
import { suggestFacilitators } from "./schedule-page.server";

export async function loadCoordinatorSessionPage(db: DB, actor: CurrentUser, sessionId: number) {
  if (forbidden(actor, "session.schedule")) return notFound();
  const session = await findSessionWithFacilitators(db, sessionId);
  if (!session) return notFound();
  const [request, suggestions, history, leaders, statuses, holidays] = await Promise.all([
    findRequestForScheduling(db, session.request_id),
    session.status === "scheduled"
      ? suggestFacilitators(
          db,
          { startUtc: session.starts_at, endUtc: session.ends_at },
          session.languages_needed,
          session.id,
        )
      : null,
    listAuditEntries(db, "session", session.id),
    listSchoolLeaders(db, session.school_id),
    listSessionStatusesOfRequest(db, session.request_id),
    holidaysForDatePicking(db),
  ]);
  if (!request) return notFound();
  const step = await findStepOfSession(db, session.id);
  const start = utcToCopenhagen(session.starts_at);
  const end = utcToCopenhagen(session.ends_at);
  return found({
    session,
    request: {
      ...request,
      scheduledCount: statuses.filter((status) => status === "scheduled").length,
    },
    suggestions,
    history,
    leaders,
    holidays,
    track: step
      ? {
          trackId: step.track_id,
          trackName: step.track_name,
          cohortYear: step.cohort_year,
          trackStatus: step.track_status,
          stepPosition: step.position,
        }
      : null,
    moveDefaults: {
      date: start.date,
      start: start.time,
      end: end.time,
      place: session.location,
      version: session.version,
    },
  });
}
