import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { RequestFacts, RequestHistory, SessionTable } from "~/components/request-details";
import { withRequestTexts } from "~/components/request-details.server";
import { requestVersionSchema } from "~/domain/request-actions";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { getLocale } from "~/lib/locale.server";
import { parseIdParam } from "~/lib/params";
import { orNotFound } from "~/lib/results.server";
import { cancelRequestBySchool, loadSchoolRequest } from "~/services/requests.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Anmodning: ${data.request.course.title} · Frirum` : "Anmodning · Frirum" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["school_leader"]);
  const data = orNotFound(await loadSchoolRequest(db(), user, parseIdParam(params.id)));
  const url = new URL(request.url);
  return {
    ...withRequestTexts(data, await getLocale(request)),
    email: user.email,
    created: url.searchParams.get("created") === "1",
    cancelled: url.searchParams.get("cancelled") === "1",
    confirmCancel: url.searchParams.get("confirm") === "cancel",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, ["school_leader"]);
  const requestId = parseIdParam(params.id);
  const formData = await request.formData();
  const parsed = requestVersionSchema.safeParse({ version: formData.get("version") });
  // A missing or malformed version counts as stale; ownership is still checked by the service.
  const version = parsed.success ? parsed.data.version : -1;
  const result = orNotFound(await cancelRequestBySchool(db(), user, requestId, version));
  if (result.ok) throw redirect(`/school/requests/${requestId}?cancelled=1`);
  const error = result.errors._form;
  return {
    error: error === "triage.stale" ? "schoolRequests.stale" : error,
    params: result.params,
  };
}

export default function SchoolRequest() {
  const {
    request,
    windows,
    windowHolidays,
    events,
    sessions,
    canCancel,
    email,
    created,
    cancelled,
    confirmCancel,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/school">{t("schoolRequests.detail.back")}</Link>
      </p>
      <h1>{t("schoolRequests.detail.title", { course: request.course.title })}</h1>
      <p className="muted">{t("schoolRequests.detail.number", { id: request.id })}</p>
      {created ? (
        <p className="notice notice--success" role="status">
          {t("schoolRequests.created", { email })}
        </p>
      ) : null}
      {cancelled && request.status === "cancelled" ? (
        <p className="notice notice--success" role="status">
          {t("schoolRequests.cancelled")}
        </p>
      ) : null}
      {actionData?.error ? (
        <p className="notice notice--error" role="alert">
          {t(actionData.error, actionData.params)}
        </p>
      ) : null}

      <h2>{t("schoolRequests.detail.what")}</h2>
      <RequestFacts request={request} windows={windows} windowHolidays={windowHolidays} />

      <h2 id="sessions">{t("schoolRequests.detail.sessions")}</h2>
      <SessionTable sessions={sessions} caption={t("schoolRequests.detail.sessions")} />

      <h2>{t("schoolRequests.history.title")}</h2>
      <RequestHistory events={events} />

      {canCancel ? (
        <section aria-labelledby="cancel-title">
          <h2 id="cancel-title">{t("schoolRequests.cancel.title")}</h2>
          {confirmCancel ? (
            <div className="notice notice--warning">
              <p>
                <strong>{t("schoolRequests.cancel.confirmTitle")}</strong>
              </p>
              <p>{t("schoolRequests.cancel.confirmBody")}</p>
              <Form method="post" className="button-row">
                <input type="hidden" name="version" value={request.version} />
                <button
                  type="submit"
                  name="intent"
                  value="cancel"
                  className="button button--danger"
                >
                  {t("schoolRequests.cancel.confirm")}
                </button>
                <Link to={`/school/requests/${request.id}`} className="button button--secondary">
                  {t("schoolRequests.cancel.keep")}
                </Link>
              </Form>
            </div>
          ) : (
            <>
              <p>{t("schoolRequests.cancel.intro")}</p>
              <Link
                to={`/school/requests/${request.id}?confirm=cancel#cancel-title`}
                className="button button--secondary"
              >
                {t("schoolRequests.cancel.start")}
              </Link>
            </>
          )}
        </section>
      ) : request.status === "scheduled" ? (
        <p className="muted">{t("request.cancel.notAllowed")}</p>
      ) : null}
    </>
  );
}
