import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ConflictList, FacilitatorPicker } from "~/components/facilitator-picker";
import { describedBy, ErrorSummary, Field } from "~/components/forms";
import { HolidayNote, holidayNameOn } from "~/components/holiday-note";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import {
  type ConflictFacts,
  conflictTexts,
  type OrderViolationFacts,
  orderViolationTexts,
} from "~/components/scheduling-texts.server";
import { withSessionTexts } from "~/components/session-view.server";
import { OrderOverrideFields, OrderViolationList } from "~/components/track-order";
import { useValidatedForm } from "~/components/validated-form";
import { SESSION_FORM_ARRAY_FIELDS } from "~/domain/form-arrays";
import { type FieldErrors, formDataToObject, parseWithSchema } from "~/domain/forms";
import {
  cancelSchema,
  type MoveSessionValues,
  moveSessionSchema,
  type SwapFacilitatorsValues,
  swapFacilitatorsSchema,
} from "~/domain/scheduling";
import type { MessageKey } from "~/i18n";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { getLocale } from "~/lib/locale.server";
import { parseIdParam } from "~/lib/params";
import { orNotFound } from "~/lib/results.server";
import { cancelRequest, cancelSession } from "~/services/cancel-session.server";
import { moveSession } from "~/services/move-session.server";
import { loadCoordinatorSessionPage } from "~/services/session-page.server";
import { swapFacilitators } from "~/services/swap-facilitators.server";

export const meta: MetaFunction = () => [{ title: "Session · Frirum" }];

const SAVED: Record<string, MessageKey> = {
  scheduled: "sessions.saved.scheduled",
  moved: "sessions.saved.moved",
  swapped: "sessions.saved.swapped",
  cancelled: "sessions.saved.cancelled",
  requestCancelled: "sessions.saved.requestCancelled",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = orNotFound(await loadCoordinatorSessionPage(db(), user, parseIdParam(params.id)));
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    ...withSessionTexts(page, await getLocale(request)),
    // The notice's key from here: the page's JavaScript does not carry the list.
    saved: saved && Object.hasOwn(SAVED, saved) ? SAVED[saved] : null,
  };
}

type Intent = "move" | "swap" | "cancel" | "cancelRequest";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "") as Intent;
  const values = formDataToObject(formData, SESSION_FORM_ARRAY_FIELDS);
  const locale = await getLocale(request);
  const failure = (
    errors: FieldErrors,
    extra: {
      conflicts?: ConflictFacts[];
      needsConfirmation?: boolean;
      orderViolations?: OrderViolationFacts[];
    } = {},
  ) => ({
    intent,
    errors,
    values,
    conflicts: conflictTexts(extra.conflicts, locale),
    needsConfirmation: extra.needsConfirmation ?? false,
    orderViolations: orderViolationTexts(extra.orderViolations, locale),
  });

  if (intent === "move") {
    const parsed = parseWithSchema(moveSessionSchema, values);
    if (!parsed.ok) return failure(parsed.errors);
    const result = orNotFound(await moveSession(db(), user, id, parsed.data));
    if (!result.ok) return failure(result.errors, result);
    return redirect(`/coordinator/sessions/${id}?saved=moved`);
  }
  if (intent === "swap") {
    const parsed = parseWithSchema(swapFacilitatorsSchema, values);
    if (!parsed.ok) return failure(parsed.errors);
    const result = orNotFound(await swapFacilitators(db(), user, id, parsed.data));
    if (!result.ok) return failure(result.errors, result);
    return redirect(`/coordinator/sessions/${id}?saved=swapped`);
  }
  if (intent === "cancel" || intent === "cancelRequest") {
    const parsed = parseWithSchema(cancelSchema, values);
    if (!parsed.ok) return failure(parsed.errors);
    if (intent === "cancel") {
      const result = orNotFound(await cancelSession(db(), user, id, parsed.data));
      if (!result.ok) return failure(result.errors);
      return redirect(`/coordinator/sessions/${id}?saved=cancelled`);
    }
    const page = orNotFound(await loadCoordinatorSessionPage(db(), user, id));
    const result = orNotFound(
      await cancelRequest(db(), user, page.session.request_id, parsed.data),
    );
    if (!result.ok) return failure(result.errors);
    return redirect(`/coordinator/sessions/${id}?saved=requestCancelled`);
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function SessionPage() {
  const {
    session,
    request,
    suggestions,
    history,
    leadersText,
    moveDefaults,
    track,
    holidays,
    saved,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const confirm = searchParams.get("confirm");
  const errorsOf = (intent: Intent) =>
    actionData?.intent === intent ? actionData.errors : undefined;

  const moveForm = useValidatedForm(
    () => import("~/domain/scheduling").then((m) => m.moveSessionSchema),
    {
      defaultValues:
        actionData?.intent === "move"
          ? (actionData.values as Partial<MoveSessionValues>)
          : { ...moveDefaults, confirmUnavailability: false },
      serverErrors: errorsOf("move"),
    },
  );
  const swapForm = useValidatedForm(
    () => import("~/domain/scheduling").then((m) => m.swapFacilitatorsSchema),
    {
      defaultValues:
        actionData?.intent === "swap"
          ? (actionData.values as Partial<SwapFacilitatorsValues>)
          : {
              facilitatorIds: session.facilitators.map((f) => f.id),
              version: session.version,
              confirmUnavailability: false,
            },
      serverErrors: errorsOf("swap"),
    },
  );
  const moveErrors = {
    date: moveForm.errorFor("date"),
    start: moveForm.errorFor("start"),
    end: moveForm.errorFor("end"),
    place: moveForm.errorFor("place"),
    confirmUnavailability: moveForm.errorFor("confirmUnavailability"),
    overrideOrder: moveForm.errorFor("overrideOrder"),
    overrideReason: moveForm.errorFor("overrideReason"),
    _form: errorsOf("move")?._form,
  };
  const showOverride =
    actionData?.intent === "move" &&
    (actionData.orderViolations.length > 0 ||
      Boolean((actionData.values as { overrideOrder?: unknown }).overrideOrder));
  const swapErrors = {
    facilitatorIds: swapForm.errorFor("facilitatorIds"),
    confirmUnavailability: swapForm.errorFor("confirmUnavailability"),
    _form: errorsOf("swap")?._form,
  };
  const cancelErrors = errorsOf("cancel") ?? errorsOf("cancelRequest");
  const scheduled = session.status === "scheduled";
  const currentIds = session.facilitators.map((f) => f.id);
  const requestCancellable = ["requested", "in_progress", "scheduled"].includes(request.status);

  return (
    <>
      <p>
        <Link to={`/coordinator/requests/${session.request_id}`}>
          {t("sessions.backToRequest")}
        </Link>
      </p>
      <h1>
        {session.course_title} – {session.school_name}
      </h1>
      {saved ? (
        <p className="notice notice--success" role="status">
          {t(saved)}
        </p>
      ) : null}

      <dl className="details">
        <dt>{t("sessions.details.status")}</dt>
        <dd>
          <span className="badge">{t(`sessions.status.${session.status}`)}</span>
        </dd>
        <dt>{t("sessions.details.time")}</dt>
        <dd>{session.time}</dd>
        <dt>{t("sessions.details.place")}</dt>
        <dd>{session.location}</dd>
        <dt>{t("sessions.details.facilitators")}</dt>
        <dd>{session.facilitatorsText}</dd>
        <dt>{t("sessions.details.school")}</dt>
        <dd>
          {session.school_name}, {session.school_address}
        </dd>
        <dt>{t("sessions.details.leaders")}</dt>
        <dd>{leadersText}</dd>
        {track ? (
          <>
            <dt>{t("tracks.context.heading")}</dt>
            <dd>
              <Link to={`/coordinator/tracks/${track.trackId}`}>
                {t("tracks.context.session", {
                  track: track.trackName,
                  year: track.cohortYear,
                  position: track.stepPosition,
                })}
              </Link>
            </dd>
          </>
        ) : null}
        <dt>{t("sessions.details.request")}</dt>
        <dd>
          <Link to={`/coordinator/requests/${session.request_id}`}>
            {t("sessions.details.openRequest")}
          </Link>{" "}
          <span className="badge">{t(`status.${request.status}`)}</span>
        </dd>
        {session.feedback_code ? (
          <>
            <dt>{t("sessions.details.feedbackCode")}</dt>
            <dd>
              <code>{session.feedback_code}</code>
            </dd>
          </>
        ) : null}
        <dt>{t("sessions.details.calendar")}</dt>
        <dd>
          {t("sessions.details.calendarValue", { uid: session.uid, sequence: session.sequence })}
        </dd>
        {session.status === "delivered" ? (
          <>
            <dt>{t("sessions.details.attendance")}</dt>
            <dd>{session.attendanceText}</dd>
          </>
        ) : null}
      </dl>

      {scheduled ? (
        <>
          <section aria-labelledby="move-heading">
            <h2 id="move-heading">{t("sessions.move.heading")}</h2>
            <p>{t("sessions.move.intro")}</p>
            <ErrorSummary
              errors={moveErrors}
              labels={{
                date: t("sessions.form.date"),
                start: t("sessions.form.start"),
                end: t("sessions.form.end"),
                place: t("sessions.form.place"),
                overrideOrder: t("tracks.order.heading"),
                overrideReason: t("tracks.override.reason"),
              }}
            />
            {actionData?.intent === "move" ? (
              <>
                <ConflictList conflicts={actionData.conflicts} />
                <OrderViolationList violations={actionData.orderViolations} />
              </>
            ) : null}
            <Form
              method="post"
              noValidate
              onSubmit={moveForm.onSubmit}
              aria-labelledby="move-heading"
            >
              <input type="hidden" name="intent" value="move" />
              <input type="hidden" name="version" value={session.version} />
              <div className="time-row">
                <Field name="date" label={t("sessions.form.date")} error={moveErrors.date}>
                  <input
                    type="date"
                    {...describedBy("date", { error: moveErrors.date })}
                    {...moveForm.field("date")}
                  />
                  <HolidayNote
                    id="move-date-holiday"
                    holiday={holidayNameOn(
                      moveForm.watchField("date") ?? moveDefaults.date,
                      holidays,
                    )}
                  />
                </Field>
                <Field
                  name="start"
                  label={t("sessions.form.start")}
                  hint={t("sessions.form.timeHint")}
                  error={moveErrors.start}
                >
                  <input
                    type="time"
                    {...describedBy("start", { hint: true, error: moveErrors.start })}
                    {...moveForm.field("start")}
                  />
                </Field>
                <Field
                  name="end"
                  label={t("sessions.form.end")}
                  hint={t("sessions.form.timeHint")}
                  error={moveErrors.end}
                >
                  <input
                    type="time"
                    {...describedBy("end", { hint: true, error: moveErrors.end })}
                    {...moveForm.field("end")}
                  />
                </Field>
              </div>
              <Field name="place" label={t("sessions.form.place")} error={moveErrors.place}>
                <input
                  type="text"
                  autoComplete="off"
                  {...describedBy("place", { error: moveErrors.place })}
                  {...moveForm.field("place")}
                />
              </Field>
              {actionData?.intent === "move" && actionData.needsConfirmation ? (
                <label className="choice" id="field-confirmUnavailability">
                  <input type="checkbox" {...moveForm.choice("confirmUnavailability", "on")} />
                  {t("sessions.form.confirmUnavailability")}
                </label>
              ) : null}
              {showOverride ? (
                <OrderOverrideFields
                  choice={moveForm.choice}
                  field={moveForm.field}
                  errors={moveErrors}
                />
              ) : null}
              <p>
                <button type="submit" className="button">
                  {t("sessions.move.submit")}
                </button>
              </p>
            </Form>
          </section>

          <section aria-labelledby="swap-heading">
            <h2 id="swap-heading">{t("sessions.swap.heading")}</h2>
            <ErrorSummary
              errors={swapErrors}
              labels={{ facilitatorIds: t("sessions.form.facilitators") }}
            />
            {actionData?.intent === "swap" ? (
              <ConflictList conflicts={actionData.conflicts} />
            ) : null}
            <Form
              method="post"
              noValidate
              onSubmit={swapForm.onSubmit}
              aria-labelledby="swap-heading"
            >
              <input type="hidden" name="intent" value="swap" />
              <input type="hidden" name="version" value={session.version} />
              <FacilitatorPicker
                suggestions={suggestions ?? []}
                choice={swapForm.choice}
                legend={t("sessions.form.facilitators")}
                error={swapErrors.facilitatorIds}
                markCurrent={currentIds}
                hint={
                  <>
                    {t("sessions.swap.intro")}{" "}
                    {t("sessions.form.facilitatorsHint", { count: session.facilitators_needed })}
                  </>
                }
              />
              {(suggestions ?? []).some((s) => s.unavailable) ? (
                <label className="choice">
                  <input type="checkbox" {...swapForm.choice("confirmUnavailability", "on")} />
                  {t("sessions.form.confirmUnavailability")}
                </label>
              ) : null}
              <p>
                <button type="submit" className="button">
                  {t("sessions.swap.submit")}
                </button>
              </p>
            </Form>
          </section>
        </>
      ) : null}

      {scheduled || requestCancellable ? (
        <section aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">{t("sessions.cancel.heading")}</h2>
          {cancelErrors?._form ? (
            <p className="notice notice--error" role="alert">
              {t(cancelErrors._form)}
            </p>
          ) : null}
          {confirm === "cancel" && scheduled ? (
            <CancelConfirmation
              intent="cancel"
              version={session.version}
              title={t("sessions.cancel.confirmSessionTitle")}
              body={t("sessions.cancel.confirmSession")}
              yes={t("sessions.cancel.yesSession")}
            />
          ) : confirm === "cancelRequest" && requestCancellable ? (
            <CancelConfirmation
              intent="cancelRequest"
              version={request.version}
              title={t("sessions.cancel.confirmRequestTitle")}
              body={t("sessions.cancel.confirmRequest", { count: request.scheduledCount })}
              yes={t("sessions.cancel.yesRequest")}
            />
          ) : (
            <div className="button-row">
              {scheduled ? (
                <Link to="?confirm=cancel" className="button button--danger">
                  {t("sessions.cancel.session")}
                </Link>
              ) : null}
              {requestCancellable ? (
                <Link to="?confirm=cancelRequest" className="button button--secondary">
                  {t("sessions.cancel.request")}
                </Link>
              ) : null}
            </div>
          )}
        </section>
      ) : null}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("sessions.history.heading")}</h2>
        {history.length === 0 ? (
          <p>{t("sessions.history.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("sessions.history.when")}</th>
                  <th scope="col">{t("sessions.history.who")}</th>
                  <th scope="col">{t("sessions.history.what")}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((entry) => (
                  <tr key={entry.id}>
                    <td>{entry.when}</td>
                    <td>{entry.actorName ?? ""}</td>
                    <td>{entry.what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** The confirm step of a cancellation (session or whole request): a reason, yes, or keep. */
function CancelConfirmation(props: {
  intent: "cancel" | "cancelRequest";
  version: number;
  title: string;
  body: string;
  yes: string;
}) {
  const t = useT();
  return (
    <div className="notice notice--warning">
      <h3>{props.title}</h3>
      <p>{props.body}</p>
      <Form method="post">
        <input type="hidden" name="intent" value={props.intent} />
        <input type="hidden" name="version" value={props.version} />
        <Field
          name="reason"
          label={t("sessions.cancel.reason")}
          hint={t("sessions.cancel.reasonHint")}
        >
          <textarea name="reason" rows={2} {...describedBy("reason", { hint: true })} />
        </Field>
        <div className="button-row">
          <button type="submit" className="button button--danger">
            {props.yes}
          </button>
          <Link to="?" className="button button--secondary">
            {t("sessions.cancel.keep")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
