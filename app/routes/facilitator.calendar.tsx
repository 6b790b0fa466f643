import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { CALENDAR_DELIVERIES, isCalendarDelivery, usesFeed } from "~/domain/calendar-delivery";
import { formatDateTime } from "~/domain/time";
import type { MessageKey } from "~/i18n";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { requireUser } from "~/lib/guards.server";
import { orNotFound } from "~/lib/results.server";
import {
  chooseCalendarDelivery,
  type IssueResult,
  issueCalendarFeedToken,
  loadCalendarFeedPage,
} from "~/services/calendar-feed.server";

export const meta: MetaFunction = () => [{ title: "Kalender-abonnement · Frirum" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["facilitator"]);
  return orNotFound(await loadCalendarFeedPage(db(), user));
}

type ActionData = { issued: IssueResult | null; notice: MessageKey | null };

/**
 * Three intents: `delivery` (invites, feed or both; creates the feed link when the feed is chosen
 * and there is none), `create` (only when there is no link) and `regenerate` (which revokes the old
 * link, so it needs `confirm=yes` from the confirm step). Anything else is a 400: no POST renews
 * the link by accident. A new token is only in this response: never in a URL, never stored in
 * clear, so the page cannot show it again later.
 */
export async function action({ request }: ActionFunctionArgs): Promise<ActionData> {
  const user = await requireUser(request, ["facilitator"]);
  const form = await request.formData();
  const intent = form.get("intent");
  const now = new Date();
  if (intent === "delivery") {
    const delivery = form.get("delivery");
    if (!isCalendarDelivery(delivery)) throw new Response("Bad Request", { status: 400 });
    const result = orNotFound(
      await chooseCalendarDelivery(db(), user, delivery, env().appUrl, now),
    );
    return { issued: result.issued, notice: "facilitator.calendarChoice.saved" };
  }
  if (intent === "create") {
    const issued = orNotFound(
      await issueCalendarFeedToken(db(), user, env().appUrl, now, "create"),
    );
    return { issued, notice: null };
  }
  if (intent === "regenerate" && form.get("confirm") === "yes") {
    const issued = orNotFound(
      await issueCalendarFeedToken(db(), user, env().appUrl, now, "regenerate"),
    );
    return { issued, notice: null };
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function CalendarFeed() {
  const { feed, delivery } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const issued = actionData?.issued?.ok ? actionData.issued : null;
  const refused =
    actionData?.issued && !actionData.issued.ok ? actionData.issued.errors._form : null;
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("facilitator.feed.title")}</h1>
      <p className="lead">{t("facilitator.feed.intro")}</p>

      <section aria-labelledby="delivery-title">
        <h2 id="delivery-title">{t("facilitator.calendarChoice.title")}</h2>
        <p>{t("facilitator.calendarChoice.twice")}</p>
        {actionData?.notice ? (
          <p className="notice notice--success" role="status">
            {t(actionData.notice)}
          </p>
        ) : null}
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="delivery" />
          <fieldset>
            <legend>{t("facilitator.calendarChoice.legend")}</legend>
            {CALENDAR_DELIVERIES.map((choice) => (
              <div key={choice} className="choice">
                <input
                  type="radio"
                  id={`delivery-${choice}`}
                  name="delivery"
                  value={choice}
                  defaultChecked={delivery === choice}
                  aria-describedby={`delivery-${choice}-hint`}
                />{" "}
                <label htmlFor={`delivery-${choice}`}>
                  {t(`facilitator.calendarChoice.${choice}`)}
                </label>
                <p className="hint" id={`delivery-${choice}-hint`}>
                  {t(`facilitator.calendarChoice.${choice}.hint`)}
                </p>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button">
            {t("facilitator.calendarChoice.save")}
          </button>
        </Form>
      </section>

      <h2>{t("facilitator.feed.linkTitle")}</h2>
      <p>{t("facilitator.feed.delay")}</p>
      {!usesFeed(delivery) ? (
        <p className="hint">{t("facilitator.calendarChoice.noFeedNeeded")}</p>
      ) : null}

      {refused ? (
        <p className="notice notice--warning" role="status">
          {t(refused)}
        </p>
      ) : null}

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
          <h3>{t("facilitator.feed.existingTitle")}</h3>
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
              <input type="hidden" name="confirm" value="yes" />
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
