import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { FormEvent } from "react";
import { ConflictList, FacilitatorPicker } from "~/components/facilitator-picker";
import { describedBy, ErrorSummary, Field } from "~/components/forms";
import { HolidayNote, holidayNameOn } from "~/components/holiday-note";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { withScheduleTexts } from "~/components/schedule-view.server";
import { conflictTexts, orderViolationTexts } from "~/components/scheduling-texts.server";
import { OrderOverrideFields, OrderViolationList } from "~/components/track-order";
import { useValidatedForm } from "~/components/validated-form";
import { SESSION_FORM_ARRAY_FIELDS } from "~/domain/form-arrays";
import { formDataToObject, parseWithSchema } from "~/domain/forms";
import { type SessionFormInput, sessionFormSchema } from "~/domain/scheduling";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { getLocale } from "~/lib/locale.server";
import { parseIdParam } from "~/lib/params";
import { orNotFound } from "~/lib/results.server";
import { loadSchedulePage } from "~/services/schedule-page.server";
import { scheduleSession } from "~/services/schedule-session.server";

export const meta: MetaFunction = () => [{ title: "Planlæg session · Frirum" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const page = orNotFound(
    await loadSchedulePage(db(), user, parseIdParam(params.id), {
      date: url.searchParams.get("date"),
      start: url.searchParams.get("start"),
      end: url.searchParams.get("end"),
    }),
  );
  return {
    ...withScheduleTexts(page, await getLocale(request)),
    // Values carried over by the GET "show suggestions" button (works without JavaScript).
    carried: {
      place: url.searchParams.get("place"),
      facilitatorIds: url.searchParams.getAll("facilitatorIds"),
      confirmUnavailability: url.searchParams.get("confirmUnavailability") === "on",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  const formData = await request.formData();
  const values = formDataToObject(formData, SESSION_FORM_ARRAY_FIELDS);
  const parsed = parseWithSchema(sessionFormSchema, values);
  if (!parsed.ok) {
    return {
      errors: parsed.errors,
      values,
      conflicts: [],
      needsConfirmation: false,
      orderViolations: [],
    };
  }
  const result = orNotFound(await scheduleSession(db(), user, id, parsed.data));
  if (!result.ok) {
    const locale = await getLocale(request);
    return {
      errors: result.errors,
      values,
      conflicts: conflictTexts(result.conflicts, locale),
      needsConfirmation: result.needsConfirmation ?? false,
      orderViolations: orderViolationTexts(result.orderViolations, locale),
    };
  }
  return redirect(`/coordinator/sessions/${result.sessionId}?saved=scheduled`);
}

export default function ScheduleSession() {
  const {
    request,
    sessions,
    chosen,
    place,
    suggestions,
    suggestionsFor,
    timeError,
    carried,
    holidays,
    track,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const defaults = (actionData?.values as SessionFormInput | undefined) ?? {
    date: chosen.date,
    start: chosen.start,
    end: chosen.end,
    place: carried.place ?? place,
    facilitatorIds: carried.facilitatorIds,
    confirmUnavailability: carried.confirmUnavailability,
  };
  const form = useValidatedForm(
    () => import("~/domain/scheduling").then((m) => m.sessionFormSchema),
    {
      defaultValues: defaults,
      serverErrors: actionData?.errors,
    },
  );
  const errors = {
    date: form.errorFor("date"),
    start: form.errorFor("start"),
    end: form.errorFor("end"),
    place: form.errorFor("place"),
    facilitatorIds: form.errorFor("facilitatorIds"),
    confirmUnavailability: form.errorFor("confirmUnavailability"),
    overrideOrder: form.errorFor("overrideOrder"),
    overrideReason: form.errorFor("overrideReason"),
    _form: actionData?.errors?._form,
  };
  // The override of the track order appears once the rule refused (and stays while ticked).
  const showOverride =
    (actionData?.orderViolations?.length ?? 0) > 0 ||
    Boolean((actionData?.values as { overrideOrder?: unknown } | undefined)?.overrideOrder);
  // The "show suggestions" button is a GET: let it through untouched.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (submitter?.getAttribute("formmethod") === "get") return;
    form.onSubmit(event);
  };
  const showConfirm = actionData?.needsConfirmation || suggestions.some((s) => s.unavailable);

  return (
    <>
      <p>
        <Link to={`/coordinator/requests/${request.id}`}>{t("sessions.backToRequest")}</Link>
      </p>
      <h1>{t("sessions.schedule.title")}</h1>
      <p className="lead">{t("sessions.schedule.intro")}</p>
      {track ? (
        <section aria-labelledby="track-context-heading" className="card">
          <h2 id="track-context-heading">{t("tracks.context.heading")}</h2>
          <p>
            {t("tracks.context.step", {
              track: track.trackName,
              year: track.cohortYear,
              position: track.stepPosition,
              count: track.stepCount,
              course: track.courseTitle,
            })}{" "}
            <a href={`/coordinator/tracks/${track.trackId}`}>{t("tracks.context.open")}</a>
          </p>
          {track.earliestText || track.latestText ? (
            <ul>
              {track.earliestText ? (
                <li>{t("tracks.context.earliest", { limit: track.earliestText })}</li>
              ) : null}
              {track.latestText ? (
                <li>{t("tracks.context.latest", { limit: track.latestText })}</li>
              ) : null}
            </ul>
          ) : (
            <p>{t("tracks.context.free")}</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="request-heading" className="card">
        <h2 id="request-heading">{t("sessions.request.heading")}</h2>
        <dl className="details">
          <dt>{t("sessions.request.school")}</dt>
          <dd>{request.school_name}</dd>
          <dt>{t("sessions.request.course")}</dt>
          <dd>{request.course_title}</dd>
          <dt>{t("sessions.request.status")}</dt>
          <dd>
            <span className="badge">{t(`status.${request.status}`)}</span>
          </dd>
          <dt>{t("sessions.request.groups")}</dt>
          <dd>
            {t("sessions.request.groupsValue", {
              groups: request.group_count,
              participants: request.participants_per_group,
            })}
          </dd>
          {request.grades.length > 0 ? (
            <>
              <dt>{t("sessions.request.grades")}</dt>
              <dd>{request.grades.map((g) => `${g}.`).join(", ")}</dd>
            </>
          ) : null}
          <dt>{t("sessions.request.languages")}</dt>
          <dd>
            {request.languagesText || t("common.none")}
            {request.interpreter_needed ? ` (${t("sessions.request.interpreter")})` : ""}
          </dd>
          <dt>{t("sessions.request.facilitatorsNeeded")}</dt>
          <dd>{request.facilitators_needed}</dd>
          <dt>{t("sessions.request.duration")}</dt>
          <dd>{t("sessions.request.durationValue", { minutes: request.duration_minutes })}</dd>
          <dt>{t("sessions.request.contact")}</dt>
          <dd>
            {request.contact_name} {request.contact_phone}
          </dd>
          {request.notes ? (
            <>
              <dt>{t("sessions.request.notes")}</dt>
              <dd>{request.notes}</dd>
            </>
          ) : null}
        </dl>
        <h3>{t("sessions.windows.heading")}</h3>
        {request.windows.length === 0 ? (
          <p>{t("sessions.windows.none")}</p>
        ) : (
          <ul>
            {request.windows.map((w) => (
              <li key={w.text}>
                {w.text}
                {w.holiday ? (
                  <strong className="holiday-inline">
                    {" "}
                    ({t("holidays.warning.date", { holiday: w.holiday })})
                  </strong>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <h2>{t("sessions.existing.heading")}</h2>
      {sessions.length === 0 ? (
        <p>{t("sessions.existing.none")}</p>
      ) : (
        <ul>
          {sessions.map((s) => (
            <li key={s.id}>
              <Link to={`/coordinator/sessions/${s.id}`}>{s.time}</Link> ·{" "}
              {s.facilitators.map((f) => f.name).join(", ")} ·{" "}
              <span className="badge">{t(`sessions.status.${s.status}`)}</span>
            </li>
          ))}
        </ul>
      )}

      {!request.open ? (
        <p className="notice notice--warning">
          {t("sessions.closed", { status: t(`status.${request.status}`) })}
        </p>
      ) : (
        <>
          <h2 id="new-session">{t("sessions.form.heading")}</h2>
          <ErrorSummary
            errors={errors}
            labels={{
              date: t("sessions.form.date"),
              start: t("sessions.form.start"),
              end: t("sessions.form.end"),
              place: t("sessions.form.place"),
              facilitatorIds: t("sessions.form.facilitators"),
              overrideOrder: t("tracks.order.heading"),
              overrideReason: t("tracks.override.reason"),
            }}
          />
          <ConflictList conflicts={actionData?.conflicts} />
          <OrderViolationList violations={actionData?.orderViolations} />
          <Form method="post" noValidate onSubmit={onSubmit} aria-labelledby="new-session">
            <div className="time-row">
              <Field name="date" label={t("sessions.form.date")} error={errors.date}>
                <input
                  type="date"
                  {...describedBy("date", { error: errors.date })}
                  {...form.field("date")}
                />
                <HolidayNote
                  id="session-date-holiday"
                  holiday={holidayNameOn(form.watchField("date") ?? chosen.date, holidays)}
                />
              </Field>
              <Field
                name="start"
                label={t("sessions.form.start")}
                hint={t("sessions.form.timeHint")}
                error={errors.start}
              >
                <input
                  type="time"
                  {...describedBy("start", { hint: true, error: errors.start })}
                  {...form.field("start")}
                />
              </Field>
              <Field
                name="end"
                label={t("sessions.form.end")}
                hint={t("sessions.form.timeHint")}
                error={errors.end}
              >
                <input
                  type="time"
                  {...describedBy("end", { hint: true, error: errors.end })}
                  {...form.field("end")}
                />
              </Field>
            </div>
            <p>
              <button type="submit" formMethod="get" className="button button--secondary">
                {t("sessions.form.suggest")}
              </button>
            </p>
            {timeError ? <p className="notice notice--warning">{t(timeError)}</p> : null}
            <Field
              name="place"
              label={t("sessions.form.place")}
              hint={t("sessions.form.placeHint")}
              error={errors.place}
            >
              <input
                type="text"
                autoComplete="off"
                {...describedBy("place", { hint: true, error: errors.place })}
                {...form.field("place")}
              />
            </Field>
            <FacilitatorPicker
              suggestions={suggestions}
              choice={form.choice}
              legend={t("sessions.form.facilitators")}
              error={errors.facilitatorIds}
              hint={
                <>
                  {t("sessions.form.facilitatorsHint", { count: request.facilitators_needed })}{" "}
                  {suggestionsFor
                    ? t("sessions.form.suggestionsFor", { time: suggestionsFor })
                    : t("sessions.form.noSuggestions")}
                </>
              }
            />
            {showConfirm ? (
              <div
                className={errors.confirmUnavailability ? "field field--error" : "field"}
                id="field-confirmUnavailability"
              >
                {errors.confirmUnavailability ? (
                  <p className="field-error" id="confirm-error">
                    {t(errors.confirmUnavailability)}
                  </p>
                ) : null}
                <label className="choice">
                  <input
                    type="checkbox"
                    aria-describedby={errors.confirmUnavailability ? "confirm-error" : undefined}
                    {...form.choice("confirmUnavailability", "on")}
                  />
                  {t("sessions.form.confirmUnavailability")}
                </label>
              </div>
            ) : null}
            {showOverride ? (
              <OrderOverrideFields choice={form.choice} field={form.field} errors={errors} />
            ) : null}
            <button type="submit" className="button">
              {t("sessions.form.submit")}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
