import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { describedBy, ErrorSummary, Field } from "~/components/forms";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { StepFields } from "~/components/tracks";
import { useValidatedForm } from "~/components/validated-form";
import { formDataToObject, parseWithSchema } from "~/domain/forms";
import { parseId } from "~/domain/request-actions";
import { MAX_TEMPLATE_DESCRIPTION } from "~/domain/track-rules";
import { stepFormSchema, templateFormSchema } from "~/domain/tracks";
import type { MessageParams } from "~/i18n";
import { messageKey } from "~/i18n/format";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { parseIdParam } from "~/lib/params";
import { orNotFound } from "~/lib/results.server";
import {
  addTemplateStep,
  deleteTemplateStep,
  editTemplateStep,
  loadTemplatePage,
  moveTemplateStep,
  setTemplateActive,
  type TrackFailure,
  updateTemplate,
} from "~/services/tracks.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.template.name} · Skabeloner · Frirum` : "Skabeloner · Frirum" },
];

const SAVED = new Set([
  "created",
  "updated",
  "stepAdded",
  "stepChanged",
  "stepDeleted",
  "stepMoved",
  "activated",
  "deactivated",
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  return orNotFound(await loadTemplatePage(db(), user, parseIdParam(params.id)));
}

type Intent = "rename" | "activate" | "deactivate" | "addStep" | "editStep" | "deleteStep" | "move";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const templateId = parseIdParam(params.id);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "") as Intent;
  const values = formDataToObject(formData);
  const stepId = parseId(String(formData.get("stepId") ?? "")) ?? 0;
  const version = Number(formData.get("version"));
  const failure = (result: Pick<TrackFailure, "errors" | "params">) => ({
    intent,
    stepId,
    errors: result.errors,
    params: (result.params ?? {}) as MessageParams,
    values,
    attempt: Date.now(),
  });
  const done = (saved: string, extra = "") =>
    redirect(`/coordinator/tracks/templates/${templateId}?saved=${saved}${extra}`);

  switch (intent) {
    case "rename": {
      const parsed = parseWithSchema(templateFormSchema, values);
      if (!parsed.ok) return failure({ errors: parsed.errors });
      const result = orNotFound(
        await updateTemplate(db(), user, templateId, { ...parsed.data, version }),
      );
      return result.ok ? done("updated") : failure(result);
    }
    case "activate":
    case "deactivate": {
      const result = orNotFound(
        await setTemplateActive(db(), user, templateId, intent === "activate", version),
      );
      return result.ok ? done(`${intent}d`) : failure(result);
    }
    case "addStep": {
      const parsed = parseWithSchema(stepFormSchema, values);
      if (!parsed.ok) return failure({ errors: parsed.errors });
      const result = orNotFound(await addTemplateStep(db(), user, templateId, parsed.data));
      return result.ok ? done("stepAdded", `#step-${result.stepId}`) : failure(result);
    }
    case "editStep": {
      const parsed = parseWithSchema(stepFormSchema, values);
      if (!parsed.ok) return failure({ errors: parsed.errors });
      const result = orNotFound(
        await editTemplateStep(db(), user, templateId, stepId, parsed.data),
      );
      return result.ok ? done("stepChanged", `#step-${stepId}`) : failure(result);
    }
    case "deleteStep": {
      const result = orNotFound(await deleteTemplateStep(db(), user, templateId, stepId, version));
      return result.ok ? done("stepDeleted") : failure(result);
    }
    case "move": {
      const direction = formData.get("direction") === "up" ? "up" : "down";
      const result = orNotFound(
        await moveTemplateStep(db(), user, templateId, stepId, direction, version),
      );
      return result.ok
        ? done("stepMoved", `&moved=${stepId}&direction=${direction}#step-${stepId}`)
        : failure(result);
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;
type ActionData = ReturnType<typeof useActionData<typeof action>>;

export default function TemplatePage() {
  const { template, steps, courses, trackCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const saved = searchParams.get("saved");
  const editing = Number(searchParams.get("edit")) || null;
  const moved = Number(searchParams.get("moved")) || null;
  const direction = searchParams.get("direction");
  const formError = actionData?.errors._form;

  // Keyboard users keep their place: after a move the same button of the moved step has focus
  // (or the other one, when the step reached the top or the bottom).
  useEffect(() => {
    if (!moved) return;
    const preferred = document.getElementById(`move-${direction}-${moved}`);
    const other = document.getElementById(`move-${direction === "up" ? "down" : "up"}-${moved}`);
    (preferred ?? other)?.focus();
  }, [moved, direction]);

  return (
    <>
      <p>
        <Link to="/coordinator/tracks/templates">{t("tracks.template.back")}</Link>
      </p>
      <h1>{template.name}</h1>
      {saved && SAVED.has(saved) ? (
        <p className="notice notice--success" role="status">
          {t(messageKey(`tracks.template.saved.${saved}`))}
        </p>
      ) : null}
      {formError ? (
        <div className="notice notice--error" role="alert">
          <p>{t(formError, actionData?.params)}</p>
          <p>
            <a href={`/coordinator/tracks/templates/${template.id}`}>
              {t("schoolAdmin.stale.reload")}
            </a>
          </p>
        </div>
      ) : null}
      {template.description ? <p className="preserve-lines">{template.description}</p> : null}
      <p>{t("tracks.template.usedBy", { count: trackCount })}</p>
      {template.active ? null : (
        <p className="notice notice--warning">{t("tracks.template.inactiveNotice")}</p>
      )}

      <h2 id="steps-heading">{t("tracks.page.steps")}</h2>
      {steps.length === 0 ? (
        <p className="notice notice--warning">{t("tracks.template.noSteps")}</p>
      ) : (
        <ol className="step-list" aria-labelledby="steps-heading">
          {steps.map((step, index) => (
            <TemplateStep
              key={step.id}
              step={step}
              first={index === 0}
              last={index === steps.length - 1}
              previous={index > 0 ? steps[index - 1].position : null}
              version={template.version}
              editing={editing === step.id}
              courses={courses}
              actionData={
                actionData?.intent === "editStep" && actionData.stepId === step.id
                  ? actionData
                  : undefined
              }
            />
          ))}
        </ol>
      )}

      {editing === null ? (
        <AddStep
          courses={courses.filter((c) => c.active === 1)}
          version={template.version}
          actionData={actionData?.intent === "addStep" ? actionData : undefined}
        />
      ) : null}

      <DetailsForm
        key={`${template.version}-${actionData?.attempt ?? ""}`}
        name={template.name}
        description={template.description}
        version={template.version}
        actionData={actionData?.intent === "rename" ? actionData : undefined}
      />

      <Form method="post" className="button-row">
        <input type="hidden" name="version" value={template.version} />
        <button
          type="submit"
          name="intent"
          value={template.active ? "deactivate" : "activate"}
          className="button button--secondary"
        >
          {template.active ? t("tracks.template.deactivate") : t("tracks.template.activate")}
        </button>
      </Form>
    </>
  );
}

function TemplateStep({
  step,
  first,
  last,
  previous,
  version,
  editing,
  courses,
  actionData,
}: {
  step: PageData["steps"][number];
  first: boolean;
  last: boolean;
  previous: number | null;
  version: number;
  editing: boolean;
  courses: PageData["courses"];
  actionData?: NonNullable<ActionData>;
}) {
  const t = useT();
  const label = { position: step.position, course: step.course_title };
  return (
    <li id={`step-${step.id}`} className="step-list__item">
      <h3>{t("tracks.step.title", label)}</h3>
      <p>
        {t(`audience.${step.course_audience}`)} · {t("tracks.field.sessionsExpected")}:{" "}
        {step.sessions_expected} ·{" "}
        {previous === null
          ? t("tracks.step.gapFirst")
          : step.min_gap_days > 0
            ? t("tracks.step.gapValue", { days: step.min_gap_days, previous })
            : t("tracks.step.gapNone", { previous })}
        {step.note ? ` · ${step.note}` : ""}
      </p>
      {step.course_active ? null : (
        <p className="notice notice--warning">{t("tracks.step.courseInactive")}</p>
      )}
      <div className="button-row">
        {first ? null : (
          <Form method="post">
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="direction" value="up" />
            <input type="hidden" name="stepId" value={step.id} />
            <input type="hidden" name="version" value={version} />
            <button
              type="submit"
              id={`move-up-${step.id}`}
              className="button button--secondary"
              aria-label={t("tracks.template.moveUp.label", label)}
            >
              {t("tracks.template.moveUp")}
            </button>
          </Form>
        )}
        {last ? null : (
          <Form method="post">
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="direction" value="down" />
            <input type="hidden" name="stepId" value={step.id} />
            <input type="hidden" name="version" value={version} />
            <button
              type="submit"
              id={`move-down-${step.id}`}
              className="button button--secondary"
              aria-label={t("tracks.template.moveDown.label", label)}
            >
              {t("tracks.template.moveDown")}
            </button>
          </Form>
        )}
        <Link
          to={`?edit=${step.id}#step-${step.id}`}
          className="button button--secondary"
          aria-label={t("tracks.edit.label", label)}
        >
          {t("tracks.template.editStep")}
        </Link>
        <Form method="post">
          <input type="hidden" name="intent" value="deleteStep" />
          <input type="hidden" name="stepId" value={step.id} />
          <input type="hidden" name="version" value={version} />
          <button
            type="submit"
            className="button button--danger"
            aria-label={t("tracks.template.deleteStep.label", label)}
          >
            {t("tracks.template.deleteStep")}
          </button>
        </Form>
      </div>
      {editing ? (
        <StepForm
          intent="editStep"
          stepId={step.id}
          heading={t("tracks.edit.heading", label)}
          submit={t("tracks.edit.submit")}
          courses={courses.filter((c) => c.active === 1 || c.id === step.course_id)}
          defaults={{
            courseId: String(step.course_id),
            sessionsExpected: String(step.sessions_expected),
            minGapDays: String(step.min_gap_days),
            note: step.note,
          }}
          version={version}
          actionData={actionData}
        />
      ) : null}
    </li>
  );
}

function AddStep({
  courses,
  version,
  actionData,
}: {
  courses: PageData["courses"];
  version: number;
  actionData?: NonNullable<ActionData>;
}) {
  const t = useT();
  return (
    <StepForm
      intent="addStep"
      heading={t("tracks.addStep.heading")}
      submit={t("tracks.addStep.submit")}
      courses={courses}
      defaults={{ courseId: "", sessionsExpected: "1", minGapDays: "7", note: "" }}
      version={version}
      actionData={actionData}
    />
  );
}

function StepForm({
  intent,
  stepId,
  heading,
  submit,
  courses,
  defaults,
  version,
  actionData,
}: {
  intent: "addStep" | "editStep";
  stepId?: number;
  heading: string;
  submit: string;
  courses: PageData["courses"];
  defaults: Record<string, string>;
  version: number;
  actionData?: NonNullable<ActionData>;
}) {
  const t = useT();
  const form = useValidatedForm(() => import("~/domain/tracks").then((m) => m.stepFormSchema), {
    defaultValues: actionData?.values ?? defaults,
    serverErrors: actionData?.errors,
  });
  const errors = {
    courseId: form.errorFor("courseId"),
    sessionsExpected: form.errorFor("sessionsExpected"),
    minGapDays: form.errorFor("minGapDays"),
    note: form.errorFor("note"),
  };
  const headingId = `${intent}-heading`;
  return (
    <section aria-labelledby={headingId} className="card" key={actionData?.attempt}>
      <h2 id={headingId}>{heading}</h2>
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
      <Form method="post" noValidate onSubmit={form.onSubmit} aria-labelledby={headingId}>
        <input type="hidden" name="intent" value={intent} />
        {stepId ? <input type="hidden" name="stepId" value={stepId} /> : null}
        <input type="hidden" name="version" value={version} />
        <StepFields
          field={form.field}
          errors={errors}
          params={actionData?.params}
          courses={courses}
        />
        <div className="button-row">
          <button type="submit" className="button">
            {submit}
          </button>
          {intent === "editStep" ? (
            <Link to={`?#step-${stepId}`} className="button button--secondary">
              {t("tracks.edit.cancel")}
            </Link>
          ) : null}
        </div>
      </Form>
    </section>
  );
}

function DetailsForm({
  name,
  description,
  version,
  actionData,
}: {
  name: string;
  description: string;
  version: number;
  actionData?: NonNullable<ActionData>;
}) {
  const t = useT();
  const form = useValidatedForm(() => import("~/domain/tracks").then((m) => m.templateFormSchema), {
    defaultValues: actionData?.values ?? { name, description },
    serverErrors: actionData?.errors,
  });
  const errors = { name: form.errorFor("name"), description: form.errorFor("description") };
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">{t("tracks.template.details")}</h2>
      <ErrorSummary
        errors={errors}
        params={actionData?.params}
        labels={{
          name: t("tracks.template.field.name"),
          description: t("tracks.template.field.description"),
        }}
      />
      <Form method="post" noValidate onSubmit={form.onSubmit} aria-labelledby="details-heading">
        <input type="hidden" name="intent" value="rename" />
        <input type="hidden" name="version" value={version} />
        <Field
          name="name"
          label={t("tracks.template.field.name")}
          error={errors.name}
          params={actionData?.params}
        >
          <input
            type="text"
            autoComplete="off"
            {...describedBy("name", { error: errors.name })}
            {...form.field("name")}
          />
        </Field>
        <Field
          name="description"
          label={t("tracks.template.field.description")}
          error={errors.description}
        >
          <textarea
            rows={3}
            maxLength={MAX_TEMPLATE_DESCRIPTION}
            {...describedBy("description", { error: errors.description })}
            {...form.field("description")}
          />
        </Field>
        <button type="submit" className="button">
          {t("tracks.template.save")}
        </button>
      </Form>
    </section>
  );
}
