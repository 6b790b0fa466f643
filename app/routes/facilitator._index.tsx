import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { formatTimeRange } from "~/domain/time";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { orNotFound } from "~/lib/results.server";
import { loadMySessions } from "~/services/facilitator.server";

export const meta: MetaFunction = () => [{ title: "Mine forløb · Frirum" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["facilitator"]);
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const data = orNotFound(await loadMySessions(db(), user, { now: new Date(), pastPage: page }));
  return { name: user.name, ...data };
}

type SessionItem = Awaited<ReturnType<typeof loader>>["upcoming"][number];

function SessionList({ sessions }: { sessions: SessionItem[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="session-list">
      {sessions.map((s) => (
        <li key={s.id} className="card">
          <h3>
            <Link to={`/facilitator/sessions/${s.id}`}>
              {s.course_title} – {s.school_name}
            </Link>
          </h3>
          <dl className="details">
            <dt>{t("facilitator.session.when")}</dt>
            <dd>{formatTimeRange(s.starts_at, s.ends_at, locale)}</dd>
            <dt>{t("facilitator.session.address")}</dt>
            <dd>{s.school_address}</dd>
            {s.location ? (
              <>
                <dt>{t("facilitator.session.where")}</dt>
                <dd>{s.location}</dd>
              </>
            ) : null}
            <dt>{t("facilitator.session.status")}</dt>
            <dd>
              <span className={`badge badge--${s.status}`}>{t(`status.${s.status}`)}</span>
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

export default function FacilitatorHome() {
  const { name, upcoming, past, pastTotal, pastPage, pageCount } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("facilitator.title")}</h1>
      <p className="lead">{t("facilitator.intro", { name })}</p>

      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t("facilitator.upcoming.title")}</h2>
        {upcoming.length === 0 ? (
          <p>{t("facilitator.upcoming.empty")}</p>
        ) : (
          <SessionList sessions={upcoming} />
        )}
      </section>

      <section aria-labelledby="past-title">
        <h2 id="past-title">{t("facilitator.past.title")}</h2>
        {past.length === 0 ? (
          <p>{t("facilitator.past.empty")}</p>
        ) : (
          <>
            <p className="muted">{t("facilitator.past.count", { count: pastTotal })}</p>
            <SessionList sessions={past} />
          </>
        )}
        {pageCount > 1 ? (
          <nav aria-label={t("facilitator.past.pages")} className="pagination">
            {pastPage > 1 ? (
              <Link to={`?page=${pastPage - 1}`} rel="prev">
                {t("facilitator.past.newer")}
              </Link>
            ) : null}
            <span>{t("facilitator.past.page", { page: pastPage, pages: pageCount })}</span>
            {pastPage < pageCount ? (
              <Link to={`?page=${pastPage + 1}`} rel="next">
                {t("facilitator.past.older")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
