import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { describedBy, ErrorSummary, Field } from "~/components/forms";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { RequestFacts, RequestHistory, SessionTable } from "~/components/request-details";
import { withRequestTexts } from "~/components/request-details.server";
import { useValidatedForm } from "~/components/validated-form";
import { formDataToObject, parseWithSchema } from "~/domain/forms";
import { declineRequestSchema, requestVersionSchema } from "~/domain/request-actions";
import { DECLINE_REASON_MAX } from "~/domain/request-rules";
import type { MessageKey, MessageParams } from "~/i18n";
import { messageKey } from "~/i18n/format";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { requireUser } from "~/lib/guards.server";
import { getLocale } from "~/lib/locale.server";
import { parseIdParam } from "~/lib/params";
import { orNotFound } from "~/lib/results.server";
import { declineRequest, loadCoordinatorRequest, markInProgress } from "~/services/requests.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Henvendelse: ${data.request.course.title} · Frirum` : "Henvendelse · Frirum" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const data = orNotFound(await loadCoordinatorRequest(db(), user, parseIdParam(params.id)));
  const done = new URL(request.url).searchParams.get("done");
  return {
    ...withRequestTexts(data, await getLocale(request)),
    // From the loader: importing the constant would bring request-rules into the page's JavaScript.
    declineReasonMax: DECLINE_REASON_MAX,
    done: done === "inProgress" || done === "declined" ? done : null,
  };
}

type ActionResult = {
  error?: MessageKey;
  params?: MessageParams;
  errors?: Record<string, MessageKey>;
  values?: { reason: string };
};

export async function action({ request, params }: ActionFunctionArgs): Promise<ActionResult> {
  const user = await requireUser(request, ["coordinator"]);
  const requestId = parseIdParam(params.id);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "inProgress") {
    const parsed = requestVersionSchema.safeParse({ version: formData.get("version") });
    const version = parsed.success ? parsed.data.version : -1;
    const result = orNotFound(await markInProgress(db(), user, requestId, version));
    if (result.ok) throw redirect(`/coordinator/requests/${requestId}?done=inProgress`);
    return { error: result.errors._form, params: result.params };
  }
  if (intent === "decline") {
    const values = formDataToObject(formData);
    const reason = typeof values.reason === "string" ? values.reason : "";
    const parsed = parseWithSchema(declineRequestSchema, values);
    if (!parsed.ok) {
      // An unknown id is a 404, not a form error.
      orNotFound(await loadCoordinatorRequest(db(), user, requestId));
      const { version, ...errors } = parsed.errors;
      return {
        error: version,
        errors,
        values: { reason },
      };
    }
    const result = orNotFound(
      await declineRequest(db(), user, requestId, parsed.data, { appUrl: env().appUrl }),
    );
    if (result.ok) throw redirect(`/coordinator/requests/${requestId}?done=declined`);
    const { _form, ...errors } = result.errors;
    return { error: _form, params: result.params, errors, values: { reason } };
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function CoordinatorRequest() {
  const {
    request,
    requesterEmail,
    trackStep,
    windows,
    windowHolidays,
    events,
    sessions,
    canMarkInProgress,
    canDecline,
    canSchedule,
    declineReasonMax,
    done,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const form = useValidatedForm(
    () => import("~/domain/request-actions").then((m) => m.declineReasonSchema),
    {
      defaultValues: { reason: actionData?.values?.reason ?? "" },
      serverErrors: actionData?.errors,
    },
  );
  const reasonError = form.errorFor("reason");
  // The form-level message (e.g. stale) is shown once at the top; field errors in the summary.
  const formError =
    actionData?.error && actionData.error !== actionData.errors?.reason ? actionData.error : null;
  const school = request.school;
  return (
    <>
      <p>
        <Link to="/coordinator/requests">{t("triage.detail.back")}</Link>
      </p>
      <h1>{t("triage.detail.title", { course: request.course.title })}</h1>
      <p className="muted">
        {t("schoolRequests.detail.number", { id: request.id })} · {school.name}
      </p>
      {done ? (
        <p className="notice notice--success" role="status">
          {t(done === "declined" ? "triage.declined" : "triage.markedInProgress")}
        </p>
      ) : null}
      {formError ? (
        <p className="notice notice--error" role="alert">
          {t(formError, {
            ...actionData?.params,
            ...(actionData?.params?.from
              ? {
                  from: t(messageKey(`status.${actionData.params.from}`)),
                  to: t(messageKey(`status.${actionData.params.to}`)),
                }
              : {}),
          })}
        </p>
      ) : null}

      <h2>{t("triage.detail.school")}</h2>
      <dl className="details">
        <dt>{t("triage.detail.school")}</dt>
        <dd>
          {school.name}
          {school.district ? `, ${school.district}` : ""}
        </dd>
        <dt>{t("triage.detail.cohort")}</dt>
        <dd>
          {school.pilotCohort
            ? t("triage.pilot", { year: school.pilotCohort })
            : t("triage.standard")}
        </dd>
        {trackStep ? (
          <>
            <dt>{t("triage.detail.track")}</dt>
            <dd>
              <Link to={`/coordinator/tracks/${trackStep.trackId}`}>
                {t("triage.detail.trackStep", {
                  position: trackStep.position,
                  track: trackStep.trackName,
                })}
              </Link>
            </dd>
          </>
        ) : null}
        <dt>{t("triage.detail.requester")}</dt>
        <dd>
          {request.requesterName} (<a href={`mailto:${requesterEmail}`}>{requesterEmail}</a>)
        </dd>
      </dl>

      <h2>{t("schoolRequests.detail.what")}</h2>
      <RequestFacts request={request} windows={windows} windowHolidays={windowHolidays} />

      <h2 id="sessions">{t("schoolRequests.detail.sessions")}</h2>
      <SessionTable
        sessions={sessions}
        caption={t("schoolRequests.detail.sessions")}
        linkToSessions
        showFacilitators
      />
      {canSchedule ? (
        <p>
          <Link to={`/coordinator/requests/${request.id}/schedule`} className="button">
            {t("triage.schedule")}
          </Link>
        </p>
      ) : null}

      <h2 id="actions">{t("triage.actions.title")}</h2>
      {!canMarkInProgress && !canDecline ? (
        <p>{t("triage.final", { status: t(`status.${request.status}`) })}</p>
      ) : null}
      {canMarkInProgress ? (
        <Form method="post" className="button-row">
          <input type="hidden" name="version" value={request.version} />
          <button
            type="submit"
            name="intent"
            value="inProgress"
            className="button button--secondary"
          >
            {t("triage.markInProgress")}
          </button>
        </Form>
      ) : null}
      {canDecline ? (
        <section aria-labelledby="decline-title">
          <h3 id="decline-title">{t("triage.decline.title")}</h3>
          <ErrorSummary
            errors={{ reason: reasonError }}
            labels={{ reason: t("triage.decline.reason") }}
          />
          <Form method="post" noValidate onSubmit={form.onSubmit} aria-labelledby="decline-title">
            <input type="hidden" name="version" value={request.version} />
            <Field
              name="reason"
              label={t("triage.decline.reason")}
              hint={t("triage.decline.reason.hint")}
              error={reasonError}
            >
              <textarea
                rows={4}
                maxLength={declineReasonMax}
                {...describedBy("reason", { hint: true, error: reasonError })}
                {...form.field("reason")}
              />
            </Field>
            <button type="submit" name="intent" value="decline" className="button button--danger">
              {t("triage.decline.submit")}
            </button>
          </Form>
        </section>
      ) : null}

      <h2>{t("schoolRequests.history.title")}</h2>
      <RequestHistory events={events} />
    </>
  );
}
