/**
 * The coordinator's inbox, apart from ./requests.server: the inbox page's route imports only this
 * module, so the messages sent to that page (app/i18n/route-messages.server.ts, read from
 * every module a route reaches) are the inbox's, not those of every request, track and session
 * screen requests.server reaches (issue 12: serialising and gzipping ~600 messages per request
 * was a fifth of the page's server CPU).
 */
import type { DB } from "../../db/connection";
import {
  countRequestsByStatus,
  listCourseFilterOptions,
  listInboxRequests,
} from "../../db/queries/requests";
import { listSchoolOptions } from "../../db/queries/schools";
import { inboxTotal } from "../domain/inbox";
import { INBOX_PAGE_SIZE, type InboxQuery } from "../domain/request-actions";
import type { CurrentUser } from "../lib/guards.server";
import { forbidden, found, notFound } from "./result";

/** The coordinator's inbox: one page of requests, the counts per status and the filter options. */
export async function loadInbox(db: DB, actor: CurrentUser, query: InboxQuery) {
  if (forbidden(actor, "request.triage")) return notFound();
  const filter = {
    status: query.status,
    audience: query.audience,
    schoolId: query.school,
    cohort: query.cohort,
    courseId: query.course,
  };
  const [counts, schools, courses] = await Promise.all([
    countRequestsByStatus(db, {
      audience: filter.audience,
      schoolId: filter.schoolId,
      cohort: filter.cohort,
      courseId: filter.courseId,
    }),
    listSchoolOptions(db),
    listCourseFilterOptions(db),
  ]);
  // The total is the counts' (the same kept counts), not a query of its own.
  const total = inboxTotal(counts, query.status);
  const pageCount = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  // A page past the end shows the last page.
  const page = Math.min(query.page, pageCount);
  const requests = await listInboxRequests(db, filter, {
    sort: query.sort,
    limit: INBOX_PAGE_SIZE,
    offset: (page - 1) * INBOX_PAGE_SIZE,
  });
  return found({
    query: { ...query, page },
    requests,
    total,
    pageCount,
    counts,
    schools,
    courses,
  });
}
