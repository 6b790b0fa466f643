import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Fragment, useEffect, useState } from "react";
import { describedBy, ErrorSummary, Field } from "~/components/forms";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { orderViolationTexts } from "~/components/scheduling-texts.server";
import { StepStatusBadge } from "~/components/step-status-badge";
import { OrderOverrideFields, OrderViolationList } from "~/components/track-order";
import { withTrackTexts } from "~/components/track-view.server";
import { StepFields } from "~/components/tracks";
import { useValidatedForm } from "~/components/validated-form";
import { formDataToObject, parseWithSchema } from "~/domain/forms";
import { parseId } from "~/domain/request-actions";
import {
  attachSessionSchema,
  stepFormSchema,
  stopTrackSchema,
  trackStepEditSchema,
} from "~/domain/tracks";
import type { MessageKey, MessageParams } from "~/i18n";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { getLocale } from "~/lib/locale.server";
import { parseIdParam } from "~/lib/params";
import { orNotFound } from "~/lib/results.server";
import {
  addTrackStep,
  attachSessionToStep,
  deleteTrackStep,
  detachSessionFromStep,
  editTrackStep,
  loadTrackPage,
  planStepSession,
  stopTrack,
  type TrackFailure,
} from "~/services/tracks.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.track.school.name}: ${data.track.name} ${data.track.cohortYear} · Frirum`
      : "Pilotforløb · Frirum",
  },
];

const SAVED: Record<string, MessageKey> = {
  attached: "tracks.saved.attached",
  detached: "tracks.saved.detached",
  stepChanged: "tracks.saved.stepChanged",
  stepAdded: "tracks.saved.stepAdded",
  stepDeleted: "tracks.saved.stepDeleted",
  stopped: "tracks.saved.stopped",
  started: "tracks.saved.started",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const page = orNotFound(await loadTrackPage(db(), user, parseIdParam(params.id)));
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    ...withTrackTexts(page, await getLocale(request)),
    // The notice's key from here: the page's JavaScript does not carry the list.
    saved: saved && Object.hasOwn(SAVED, saved) ? SAVED[saved] : null,
  };
}

type Intent = "plan" | "attach" | "detach" | "editStep" | "addStep" | "deleteStep" | "stop";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const trackId = parseIdParam(params.id);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "") as Intent;
  const values = formDataToObject(formData);
  const stepId = parseId(String(formData.get("stepId") ?? "")) ?? 0;
  const locale = await getLocale(request);
  const failure = (result: Pick<TrackFailure, "errors" | "params" | "orderViolations">) => ({
    intent,
    stepId,
    errors: result.errors,
    params: (result.params ?? {}) as MessageParams,
    orderViolations: orderViolationTexts(result.orderViolations, locale),
    values,
    attempt: Date.now(),
  });
  const done = (saved: string, anchor = "") =>
    redirect(`/coordinator/tracks/${trackId}?saved=${saved}${anchor}`);

  switch (intent) {
    case "plan": {
      const result = orNotFound(await planStepSession(db(), user, trackId, stepId));
      if (!result.ok) return failure(result);
      return redirect(`/coordinator/requests/${result.requestId}/schedule`);
    }
    case "attach": {
      const parsed = parseWithSchema(attachSessionSchema, values);
      if (!parsed.ok) return failure({ errors: parsed.errors });
      const result = orNotFound(await attachSessionToStep(db(), user, trackId, parsed.data));
      if (!result.ok) return failure(result);
      return done("attached", `#step-${parsed.data.stepId}`);
    }
    case "detach": {
      const sessionId = parseId(String(formData.get("sessionId") ?? "")) ?? 0;
      const result = orNotFound(await detachSessionFromStep(db(), user, trackId, sessionId));
      if (!result.ok) return failure(result);
      return done("detached", stepId ? `#step-${stepId}` : "");
    }
    case "editStep": {
      const parsed = parseWithSchema(trackStepEditSchema, values);
      if (!parsed.ok) return failure({ errors: parsed.errors });
      const result = orNotFound(await editTrackStep(db(), user, trackId, stepId, parsed.data));
      if (!result.ok) return failure(result);
      return done("stepChanged", `#step-${stepId}`);
    }
    case "addStep": {
      const parsed = parseWithSchema(stepFormSchema, values);
      if (!parsed.ok) return failure({ errors: parsed.errors });
      const result = orNotFound(await addTrackStep(db(), user, trackId, parsed.data));
      if (!result.ok) return failure(result);
      return done("stepAdded", `#step-${result.stepId}`);
    }
    case "deleteStep": {
      const version = Number(formData.get("version"));
      const result = orNotFound(await deleteTrackStep(db(), user, trackId, stepId, version));
      if (!result.ok) return failure(result);
      return done("stepDeleted");
    }
    case "stop": {
      const parsed = parseWithSchema(stopTrackSchema, values);
      if (!parsed.ok) return failure({ errors: parsed.errors });
      const result = orNotFound(await stopTrack(db(), user, trackId, parsed.data));
      if (!result.ok) return failure(result);
      return done("stopped");
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

type ActionData = ReturnType<typeof useActionData<typeof action>>;
type PageData = ReturnType<typeof useLoaderData<typeof loader>>;
type Step = PageData["track"]["steps"][number];

export default function TrackPage() {
  const { track, overrides, attachable, courseOptions, printedOn, saved } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const editing = Number(searchParams.get("edit")) || null;
  const deleting = Number(searchParams.get("delete")) || null;
  const active = track.status === "active";
  const formError = actionData?.errors._form;
  // A print button needs JavaScript; without it the browser's own print command works the same.
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);

  return (
    <div className="track-page">
      <p className="no-print">
        <Link to="/coordinator/tracks">{t("tracks.page.back")}</Link>
      </p>
      <h1>
        {t("tracks.page.title", {
          school: track.school.name,
          track: track.name,
          year: track.cohortYear,
        })}
      </h1>
      <p className="print-only">{t("tracks.page.printed", { date: printedOn })}</p>
      {saved ? (
        <p className="notice notice--success no-print" role="status">
          {t(saved)}
        </p>
      ) : null}
      {formError ? (
        <div className="notice notice--error" role="alert">
          <p>{t(formError, actionData?.params)}</p>
        </div>
      ) : null}

      <dl className="details">
        <dt>{t("tracks.col.status")}</dt>
        <dd>
          <span className={`badge badge--track-${track.displayStatus}`}>
            {t(`tracks.status.${track.displayStatus}`)}
          </span>
          {track.stopReason ? ` ${t("tracks.page.stopReason", { reason: track.stopReason })}` : ""}
        </dd>
        <dt>{t("tracks.col.progress")}</dt>
        <dd>
          <progress
            max={track.progress.total || 1}
            value={track.progress.delivered}
            aria-label={t("tracks.col.progress")}
          />{" "}
          {t("tracks.progress", track.progress)}
        </dd>
        <dt>{t("tracks.page.next")}</dt>
        <dd>{track.nextText}</dd>
        <dt>{t("tracks.page.reach")}</dt>
        <dd>{track.reachText}</dd>
      </dl>
      {canPrint ? (
        <p className="no-print">
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            {t("tracks.page.print")}
          </button>
        </p>
      ) : null}

      <h2>{t("tracks.page.steps")}</h2>
      <ol className="timeline">
        {track.steps.map((step) => (
          <StepItem
            key={step.id}
            step={step}
            trackVersion={track.version}
            active={active}
            editing={editing === step.id}
            deleting={deleting === step.id}
            actionData={actionData}
          />
        ))}
      </ol>

      {active ? (
        <AttachSection
          attachable={attachable}
          steps={track.steps}
          actionData={actionData?.intent === "attach" ? actionData : undefined}
        />
      ) : null}

      {active && editing === null ? (
        <AddStepSection
          courses={courseOptions}
          version={track.version}
          actionData={actionData?.intent === "addStep" ? actionData : undefined}
        />
      ) : null}

      <section aria-labelledby="overrides-heading" className="overrides">
        <h2 id="overrides-heading">{t("tracks.overrides.heading")}</h2>
        {overrides.length === 0 ? (
          <p>{t("tracks.overrides.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("tracks.overrides.heading")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("tracks.overrides.when")}</th>
                  <th scope="col">{t("tracks.overrides.who")}</th>
                  <th scope="col">{t("tracks.overrides.what")}</th>
                  <th scope="col">{t("tracks.overrides.reason")}</th>
                  <th scope="col">{t("tracks.overrides.blocked")}</th>
                </tr>
              </thead>
              <tbody>
                {overrides.map((o) => (
                  <tr key={o.id}>
                    <td>{o.when}</td>
                    <td>{o.actorName ?? ""}</td>
                    <td>{o.what}</td>
                    <td className="preserve-lines">{o.reason}</td>
                    <td>
                      <ul className="plain-list">
                        {o.blocked.map((text) => (
                          <li key={text}>{text}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {active ? <StopSection version={track.version} actionData={actionData} /> : null}
    </div>
  );
}

function StepItem({
  step,
  trackVersion,
  active,
  editing,
  deleting,
  actionData,
}: {
  step: Step;
  trackVersion: number;
  active: boolean;
  editing: boolean;
  deleting: boolean;
  actionData: ActionData;
}) {
  const t = useT();
  const mine = actionData && actionData.stepId === step.id ? actionData : undefined;
  const label = { position: step.position, course: step.courseTitle };
  return (
    <li className="timeline__step" id={`step-${step.id}`}>
      <h3>
        {t("tracks.step.title", label)} <StepStatusBadge status={step.status} />
      </h3>
      <dl className="details">
        {step.facts.map((fact) => (
          <Fragment key={fact.term}>
            <dt>{fact.term}</dt>
            <dd>{fact.detail}</dd>
          </Fragment>
        ))}
      </dl>
      {!step.courseActive ? (
        <p className="notice notice--warning">{t("tracks.step.courseInactive")}</p>
      ) : null}
      {step.sessions.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("tracks.step.sessions", label)}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tracks.col.time")}</th>
                <th scope="col">{t("tracks.col.facilitators")}</th>
                <th scope="col">{t("tracks.col.status")}</th>
                <th scope="col">{t("tracks.col.attendance")}</th>
                <th scope="col">{t("tracks.col.answers")}</th>
                {active ? (
                  <th scope="col" className="no-print">
                    {t("tracks.col.actions")}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {step.sessions.map((s) => {
                const time = s.time;
                return (
                  <tr key={s.id}>
                    <td>
                      <Link to={`/coordinator/sessions/${s.id}`}>{time}</Link>
                    </td>
                    <td>{s.facilitators.join(", ")}</td>
                    <td>
                      <span className="badge">{t(`sessions.status.${s.status}`)}</span>
                    </td>
                    <td>{s.attendanceText}</td>
                    <td>{s.answers}</td>
                    {active ? (
                      <td className="no-print">
                        <Form method="post">
                          <input type="hidden" name="intent" value="detach" />
                          <input type="hidden" name="sessionId" value={s.id} />
                          <input type="hidden" name="stepId" value={step.id} />
                          <button
                            type="submit"
                            className="button button--link"
                            aria-label={t("tracks.detach.label", { time, position: step.position })}
                          >
                            {t("tracks.detach")}
                          </button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {active ? (
        <div className="button-row no-print">
          <Form method="post">
            <input type="hidden" name="intent" value="plan" />
            <input type="hidden" name="stepId" value={step.id} />
            <button type="submit" className="button" aria-label={t("tracks.plan.label", label)}>
              {t("tracks.plan")}
            </button>
          </Form>
          <Link
            to={`?edit=${step.id}#step-${step.id}`}
            className="button button--secondary"
            aria-label={t("tracks.edit.label", label)}
          >
            {t("tracks.edit")}
          </Link>
          <Link
            to={`?delete=${step.id}#step-${step.id}`}
            className="button button--secondary"
            aria-label={t("tracks.delete.label", label)}
          >
            {t("tracks.delete")}
          </Link>
        </div>
      ) : null}
      {active && deleting ? (
        <div className="notice notice--warning no-print">
          <h4>{t("tracks.delete.confirmTitle", label)}</h4>
          <p>{t("tracks.delete.confirmBody")}</p>
          <Form method="post" className="button-row">
            <input type="hidden" name="intent" value="deleteStep" />
            <input type="hidden" name="stepId" value={step.id} />
            <input type="hidden" name="version" value={trackVersion} />
            <button type="submit" className="button button--danger">
              {t("tracks.delete.yes")}
            </button>
            <Link to={`?#step-${step.id}`} className="button button--secondary">
              {t("tracks.delete.keep")}
            </Link>
          </Form>
        </div>
      ) : null}
      {active && editing ? (
        <EditStepForm
          step={step}
          version={trackVersion}
          actionData={mine?.intent === "editStep" ? mine : undefined}
        />
      ) : null}
    </li>
  );
}

function EditStepForm({
  step,
  version,
  actionData,
}: {
  step: Step;
  version: number;
  actionData?: NonNullable<ActionData>;
}) {
  const t = useT();
  const label = { position: step.position, course: step.courseTitle };
  const form = useValidatedForm(
    () => import("~/domain/tracks").then((m) => m.trackStepEditSchema),
    {
      defaultValues: actionData?.values ?? {
        sessionsExpected: String(step.sessionsExpected),
        minGapDays: String(step.minGapDays),
        note: step.note,
      },
      serverErrors: actionData?.errors,
    },
  );
  const errors = {
    sessionsExpected: form.errorFor("sessionsExpected"),
    minGapDays: form.errorFor("minGapDays"),
    note: form.errorFor("note"),
  };
  const headingId = `edit-step-${step.id}`;
  return (
    <section className="card no-print" aria-labelledby={headingId} key={actionData?.attempt}>
      <h4 id={headingId}>{t("tracks.edit.heading", label)}</h4>
      <ErrorSummary
        errors={errors}
        params={actionData?.params}
        labels={{
          sessionsExpected: t("tracks.field.sessionsExpected"),
          minGapDays: t("tracks.field.minGapDays"),
          note: t("tracks.field.note"),
        }}
      />
      <OrderViolationList violations={actionData?.orderViolations} />
      <Form method="post" noValidate onSubmit={form.onSubmit} aria-labelledby={headingId}>
        <input type="hidden" name="intent" value="editStep" />
        <input type="hidden" name="stepId" value={step.id} />
        <input type="hidden" name="version" value={version} />
        <StepFields field={form.field} errors={errors} params={actionData?.params} />
        <div className="button-row">
          <button type="submit" className="button">
            {t("tracks.edit.submit")}
          </button>
          <Link to={`?#step-${step.id}`} className="button button--secondary">
            {t("tracks.edit.cancel")}
          </Link>
        </div>
      </Form>
    </section>
  );
}

function AttachSection({
  attachable,
  steps,
  actionData,
}: {
  attachable: PageData["attachable"];
  steps: Step[];
  actionData?: NonNullable<ActionData>;
}) {
  const t = useT();
  const form = useValidatedForm(
    () => import("~/domain/tracks").then((m) => m.attachSessionSchema),
    {
      defaultValues: actionData?.values ?? {
        sessionId: attachable[0] ? String(attachable[0].id) : "",
        stepId: attachable[0]?.stepId ? String(attachable[0].stepId) : "",
      },
      serverErrors: actionData?.errors,
    },
  );
  const errors = {
    sessionId: form.errorFor("sessionId"),
    stepId: form.errorFor("stepId"),
    overrideOrder: form.errorFor("overrideOrder"),
    overrideReason: form.errorFor("overrideReason"),
  };
  const showOverride =
    (actionData?.orderViolations.length ?? 0) > 0 ||
    Boolean((actionData?.values as { overrideOrder?: unknown } | undefined)?.overrideOrder);
  return (
    <section aria-labelledby="attach-heading" className="no-print">
      <h2 id="attach-heading">{t("tracks.attach.heading")}</h2>
      <p>{t("tracks.attach.intro")}</p>
      {attachable.length === 0 ? (
        <p>{t("tracks.attach.none")}</p>
      ) : (
        <>
          <ErrorSummary
            errors={errors}
            params={actionData?.params}
            labels={{
              sessionId: t("tracks.attach.session"),
              stepId: t("tracks.attach.step"),
              overrideOrder: t("tracks.order.heading"),
              overrideReason: t("tracks.override.reason"),
            }}
          />
          <OrderViolationList violations={actionData?.orderViolations} />
          <Form
            method="post"
            noValidate
            onSubmit={form.onSubmit}
            aria-labelledby="attach-heading"
            key={actionData?.attempt}
          >
            <input type="hidden" name="intent" value="attach" />
            <Field
              name="sessionId"
              label={t("tracks.attach.session")}
              error={errors.sessionId}
              params={actionData?.params}
            >
              <select
                {...describedBy("sessionId", { error: errors.sessionId })}
                {...form.field("sessionId")}
              >
                {attachable.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.courseTitle}: {s.time}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="stepId" label={t("tracks.attach.step")} error={errors.stepId}>
              <select
                {...describedBy("stepId", { error: errors.stepId })}
                {...form.field("stepId")}
              >
                {steps.map((step) => (
                  <option key={step.id} value={step.id}>
                    {t("tracks.attach.stepOption", {
                      position: step.position,
                      course: step.courseTitle,
                    })}
                  </option>
                ))}
              </select>
            </Field>
            {showOverride ? (
              <OrderOverrideFields choice={form.choice} field={form.field} errors={errors} />
            ) : null}
            <button type="submit" className="button">
              {t("tracks.attach.submit")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

function AddStepSection({
  courses,
  version,
  actionData,
}: {
  courses: PageData["courseOptions"];
  version: number;
  actionData?: NonNullable<ActionData>;
}) {
  const t = useT();
  const form = useValidatedForm(() => import("~/domain/tracks").then((m) => m.stepFormSchema), {
    defaultValues: actionData?.values ?? {
      courseId: "",
      sessionsExpected: "1",
      minGapDays: "7",
      note: "",
    },
    serverErrors: actionData?.errors,
  });
  const errors = {
    courseId: form.errorFor("courseId"),
    sessionsExpected: form.errorFor("sessionsExpected"),
    minGapDays: form.errorFor("minGapDays"),
    note: form.errorFor("note"),
  };
  return (
    <section aria-labelledby="add-step-heading" className="no-print">
      <h2 id="add-step-heading">{t("tracks.addStep.heading")}</h2>
      {courses.length === 0 ? (
        <p>{t("tracks.addStep.none")}</p>
      ) : (
        <>
          <ErrorSummary
            errors={errors}
            params={actionData?.params}
            labels={{
              courseId: t("tracks.field.course"),
              sessionsExpected: t("tracks.field.sessionsExpected"),
              minGapDays: t("tracks.field.minGapDays"),
              note: t("tracks.field.note"),
            }}
          />
          <Form
            method="post"
            noValidate
            onSubmit={form.onSubmit}
            aria-labelledby="add-step-heading"
            key={actionData?.attempt}
          >
            <input type="hidden" name="intent" value="addStep" />
            <input type="hidden" name="version" value={version} />
            <StepFields
              field={form.field}
              errors={errors}
              params={actionData?.params}
              courses={courses}
            />
            <button type="submit" className="button">
              {t("tracks.addStep.submit")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

function StopSection({ version, actionData }: { version: number; actionData: ActionData }) {
  const t = useT();
  const [searchParams] = useSearchParams();
  const confirming = searchParams.get("confirm") === "stop" || actionData?.intent === "stop";
  const reasonError = actionData?.intent === "stop" ? actionData.errors.reason : undefined;
  return (
    <section aria-labelledby="stop-heading" className="no-print">
      <h2 id="stop-heading">{t("tracks.stop.heading")}</h2>
      <p>{t("tracks.stop.intro")}</p>
      {confirming ? (
        <div className="notice notice--warning">
          <h3>{t("tracks.stop.confirmTitle")}</h3>
          <Form method="post">
            <input type="hidden" name="intent" value="stop" />
            <input type="hidden" name="version" value={version} />
            <Field name="reason" label={t("tracks.stop.reason")} error={reasonError}>
              <textarea rows={2} name="reason" {...describedBy("reason", { error: reasonError })} />
            </Field>
            <div className="button-row">
              <button type="submit" className="button button--danger">
                {t("tracks.stop.yes")}
              </button>
              <Link to="?" className="button button--secondary">
                {t("tracks.stop.keep")}
              </Link>
            </div>
          </Form>
        </div>
      ) : (
        <Link to="?confirm=stop#stop-heading" className="button button--secondary">
          {t("tracks.stop.open")}
        </Link>
      )}
    </section>
  );
}
