import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { formatDateTime } from "~/domain/time";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { requireUser } from "~/lib/guards.server";
import { issueCalendarFeedToken, loadCalendarFeedPage } from "~/services/calendar-feed.server";

export const meta: MetaFunction = () => [{ title: "Kalender-abonnement · Frirum" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["facilitator"]);
  return loadCalendarFeedPage(db(), user);
}

/**
 * Creates the feed link, or a new one (which revokes the old). The token is only in this response:
 * it is never put in a URL or stored in clear, so the page cannot show it again later.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, ["facilitator"]);
  const { urls, regenerated } = await issueCalendarFeedToken(db(), user, env().appUrl, new Date());
  return { urls, regenerated };
}

export default function CalendarFeed() {
  const { feed } = useLoaderData<typeof loader>();
  const issued = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("facilitator.feed.title")}</h1>
      <p className="lead">{t("facilitator.feed.intro")}</p>
      <p>{t("facilitator.feed.delay")}</p>

      {issued ? (
        <section className="notice notice--success" aria-labelledby="feed-ready-title">
          <h2 id="feed-ready-title">
            {issued.regenerated ? t("facilitator.feed.regenerated") : t("facilitator.feed.created")}
          </h2>
          <p>
            <a href={issued.urls.webcal} className="button">
              {t("facilitator.feed.open")}
            </a>
          </p>
          <div className="field">
            <label htmlFor="feed-url">{t("facilitator.feed.urlLabel")}</label>
            <p className="hint" id="feed-url-hint">
              {t("facilitator.feed.urlHint")}
            </p>
            <input
              id="feed-url"
              type="text"
              readOnly
              value={issued.urls.https}
              aria-describedby="feed-url-hint"
              className="feed-url"
            />
          </div>
          <div className="field">
            <label htmlFor="feed-webcal">{t("facilitator.feed.webcalLabel")}</label>
            <input
              id="feed-webcal"
              type="text"
              readOnly
              value={issued.urls.webcal}
              className="feed-url"
            />
          </div>
          <p>
            <strong>{t("facilitator.feed.onlyOnce")}</strong>
          </p>
          <p>{t("facilitator.feed.secret")}</p>
        </section>
      ) : null}

      {feed === null && !issued ? (
        <>
          <p>{t("facilitator.feed.none")}</p>
          <Form method="post">
            <button type="submit" name="intent" value="create" className="button">
              {t("facilitator.feed.create")}
            </button>
          </Form>
        </>
      ) : null}

      {feed !== null ? (
        <>
          <h2>{t("facilitator.feed.existingTitle")}</h2>
          {!issued ? (
            <p>
              {t("facilitator.feed.existing", { created: formatDateTime(feed.createdAt, locale) })}
            </p>
          ) : null}
          <details className="confirm">
            <summary className="button button--secondary">
              {t("facilitator.feed.regenerate")}
            </summary>
            <Form method="post" className="confirm__body">
              <p>{t("facilitator.feed.regenerateConfirm")}</p>
              <button
                type="submit"
                name="intent"
                value="regenerate"
                className="button button--danger"
              >
                {t("facilitator.feed.regenerateYes")}
              </button>
            </Form>
          </details>
        </>
      ) : null}
    </>
  );
}
