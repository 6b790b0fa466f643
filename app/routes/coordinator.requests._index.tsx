import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FilterSelect } from "~/components/filter-select";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { StatusBadge } from "~/components/status-badge";
import { AUDIENCES } from "~/domain/course-options";
import { COHORT_FILTERS, INBOX_SORTS, inboxSearch, inboxTotal } from "~/domain/inbox";
import { parseInboxQuery } from "~/domain/request-actions";
import { REQUEST_STATUSES } from "~/domain/request-rules";
import { daysBetween, formatDate, MEDIUM_DATE, todayInCopenhagen } from "~/domain/time";
import { utcToCopenhagen } from "~/domain/timezone";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { getLocale } from "~/lib/locale.server";
import { orNotFound } from "~/lib/results.server";
import { loadInbox } from "~/services/inbox.server";

export const meta: MetaFunction = () => [{ title: "Henvendelser · Frirum" }];

/**
 * Plain HTML when loaded as a document (decision 040): the filters are a GET form and the rows are
 * links, so nothing here needs the client, and a page of 50 rows costs the server 30% less without
 * the hydration data. Reached by a client-side navigation, the running app renders it as usual.
 */
export const handle = { hydrate: false };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const query = parseInboxQuery(new URL(request.url).searchParams);
  const [found, locale] = await Promise.all([loadInbox(db(), user, query), getLocale(request)]);
  const inbox = orNotFound(found);
  const today = todayInCopenhagen(new Date());
  // Dates are written here, not in the page: the date and time-zone code then stays on the
  // server (the inbox's JavaScript budget, issue 12). Only the fields the page renders are sent:
  // the loader data is serialised (turbo-stream) and gzipped on every request.
  return {
    query: inbox.query,
    total: inbox.total,
    pageCount: inbox.pageCount,
    counts: inbox.counts,
    schools: inbox.schools.map(({ id, name }) => ({ id, name })),
    courses: inbox.courses.map(({ id, title }) => ({ id, title })),
    requests: inbox.requests.map((r) => ({
      id: r.id,
      status: r.status,
      group_count: r.group_count,
      participants_per_group: r.participants_per_group,
      school_name: r.school_name,
      school_pilot_cohort: r.school_pilot_cohort,
      course_title: r.course_title,
      course_audience: r.course_audience,
      receivedOn: formatDate(r.created_at, locale, MEDIUM_DATE),
      ageInDays: daysBetween(utcToCopenhagen(r.created_at).date, today),
    })),
  };
}

export default function Inbox() {
  const { query, requests, total, pageCount, counts, schools, courses } =
    useLoaderData<typeof loader>();
  const t = useT();
  const age = (days: number) => {
    if (days <= 0) return t("triage.age.today");
    return days === 1 ? t("triage.age.one") : t("triage.age.days", { days });
  };
  const allCount = inboxTotal(counts, undefined);
  return (
    <>
      <h1>{t("triage.inbox.title")}</h1>
      <p className="lead">{t("triage.inbox.intro")}</p>

      <h2 id="counts">{t("triage.counts.title")}</h2>
      <ul className="stats" aria-labelledby="counts">
        <li>
          <Link
            to={`/coordinator/requests${inboxSearch({ ...query, status: undefined, page: 1 })}`}
            aria-current={query.status ? undefined : "true"}
          >
            <strong>{allCount}</strong>
            {t("triage.filter.all")}
          </Link>
        </li>
        {REQUEST_STATUSES.map((status) => (
          <li key={status}>
            <Link
              to={`/coordinator/requests${inboxSearch({ ...query, status, page: 1 })}`}
              aria-current={query.status === status ? "true" : undefined}
            >
              <strong>{counts[status] ?? 0}</strong>
              {t(`status.${status}`)}
            </Link>
          </li>
        ))}
      </ul>

      <h2 id="filters">{t("triage.filter.title")}</h2>
      <Form method="get" className="filters" aria-labelledby="filters">
        <FilterSelect
          id="filter-status"
          name="status"
          label={t("triage.filter.status")}
          anyLabel={t("triage.filter.all")}
          defaultValue={query.status ?? ""}
          options={REQUEST_STATUSES.map((status) => ({
            value: status,
            label: t(`status.${status}`),
          }))}
        />
        <FilterSelect
          id="filter-audience"
          name="audience"
          label={t("triage.filter.audience")}
          anyLabel={t("triage.filter.all")}
          defaultValue={query.audience ?? ""}
          options={AUDIENCES.map((audience) => ({
            value: audience,
            label: t(`audience.${audience}`),
          }))}
        />
        <FilterSelect
          id="filter-school"
          name="school"
          label={t("triage.filter.school")}
          anyLabel={t("triage.filter.all")}
          defaultValue={query.school ?? ""}
          options={schools.map((school) => ({ value: school.id, label: school.name }))}
        />
        <FilterSelect
          id="filter-cohort"
          name="cohort"
          label={t("triage.filter.cohort")}
          anyLabel={t("triage.filter.all")}
          defaultValue={query.cohort ?? ""}
          options={COHORT_FILTERS.map((cohort) => ({
            value: cohort,
            label: t(`triage.cohort.${cohort}`),
          }))}
        />
        <FilterSelect
          id="filter-course"
          name="course"
          label={t("triage.filter.course")}
          anyLabel={t("triage.filter.all")}
          defaultValue={query.course ?? ""}
          options={courses.map((course) => ({ value: course.id, label: course.title }))}
        />
        <div className="field">
          <label htmlFor="filter-sort">{t("triage.filter.sort")}</label>
          <select id="filter-sort" name="sort" defaultValue={query.sort}>
            {INBOX_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`triage.sort.${sort}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("triage.filter.apply")}
        </button>
        <Link to="/coordinator/requests">{t("triage.filter.reset")}</Link>
      </Form>

      <p role="status">{t("triage.total", { total })}</p>
      {requests.length === 0 ? (
        <p>{t("triage.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("triage.inbox.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("triage.col.received")}</th>
                <th scope="col">{t("triage.col.age")}</th>
                <th scope="col">{t("triage.col.school")}</th>
                <th scope="col">{t("triage.col.course")}</th>
                <th scope="col">{t("triage.col.audience")}</th>
                <th scope="col">{t("triage.col.groups")}</th>
                <th scope="col">{t("triage.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>{r.receivedOn}</td>
                  <td>{age(r.ageInDays)}</td>
                  <td>
                    {r.school_name}
                    <br />
                    <span className="muted small">
                      {r.school_pilot_cohort
                        ? t("triage.pilot", { year: r.school_pilot_cohort })
                        : t("triage.standard")}
                    </span>
                  </td>
                  <td>
                    <Link to={`/coordinator/requests/${r.id}`}>{r.course_title}</Link>
                  </td>
                  <td>{t(`audience.${r.course_audience}`)}</td>
                  <td>
                    {r.group_count} × {r.participants_per_group}
                  </td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pageCount > 1 ? (
        <nav aria-label={t("triage.pagination.label")} className="button-row">
          {query.page > 1 ? (
            <Link
              to={`/coordinator/requests${inboxSearch({ ...query, page: query.page - 1 })}`}
              rel="prev"
            >
              {t("triage.pagination.previous")}
            </Link>
          ) : null}
          <span>{t("triage.pagination.page", { page: query.page, pages: pageCount })}</span>
          {query.page < pageCount ? (
            <Link
              to={`/coordinator/requests${inboxSearch({ ...query, page: query.page + 1 })}`}
              rel="next"
            >
              {t("triage.pagination.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
