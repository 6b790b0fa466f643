import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { describedBy, ErrorSummary, Field, fieldId } from "~/components/forms";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { useValidatedForm } from "~/components/validated-form";
import { formDataToObject, parseWithSchema } from "~/domain/forms";
import { startTrackSchema } from "~/domain/tracks";
import type { MessageKey } from "~/i18n";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { orNotFound } from "~/lib/results.server";
import { loadStartTrackForm, startTrack } from "~/services/tracks.server";

export const meta: MetaFunction = () => [{ title: "Start et pilotforløb · Frirum" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  return orNotFound(await loadStartTrackForm(db(), user));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const values = formDataToObject(await request.formData());
  const attempt = Date.now();
  const parsed = parseWithSchema(startTrackSchema, values);
  if (!parsed.ok) return { errors: parsed.errors, values, params: {}, attempt };
  const result = orNotFound(await startTrack(db(), user, parsed.data));
  if (!result.ok) return { errors: result.errors, values, params: result.params ?? {}, attempt };
  return redirect(`/coordinator/tracks/${result.trackId}?saved=started`);
}

const FIELDS = ["schoolId", "templateId", "cohortYear"] as const;

export default function StartTrack() {
  const { schools, templates, currentYear } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/coordinator/tracks">{t("tracks.page.back")}</Link>
      </p>
      <h1 id="start-title">{t("tracks.start.title")}</h1>
      <p className="lead">{t("tracks.start.intro")}</p>
      {templates.length === 0 ? (
        <p className="notice notice--warning">
          {t("tracks.start.noTemplates")}{" "}
          <Link to="/coordinator/tracks/templates">{t("tracks.list.templates")}</Link>
        </p>
      ) : null}
      <StartForm
        key={actionData?.attempt}
        schools={schools}
        templates={templates}
        defaults={
          (actionData?.values as Record<string, unknown> | undefined) ?? {
            cohortYear: String(currentYear),
            markPilot: true,
          }
        }
        serverErrors={actionData?.errors}
        params={actionData?.params}
      />
    </>
  );
}

function StartForm({
  schools,
  templates,
  defaults,
  serverErrors,
  params,
}: {
  schools: { id: number; name: string; pilot_cohort: number | null }[];
  templates: { id: number; name: string; stepCount: number }[];
  defaults: Record<string, unknown>;
  serverErrors?: Record<string, MessageKey>;
  params?: Record<string, string | number>;
}) {
  const t = useT();
  const form = useValidatedForm(() => import("~/domain/tracks").then((m) => m.startTrackSchema), {
    defaultValues: defaults,
    serverErrors,
  });
  const errors = Object.fromEntries(FIELDS.map((name) => [name, form.errorFor(name)]));
  return (
    <>
      <ErrorSummary
        errors={{ ...errors, _form: serverErrors?._form }}
        params={params}
        labels={{
          schoolId: t("tracks.start.school"),
          templateId: t("tracks.start.template"),
          cohortYear: t("tracks.start.cohortYear"),
        }}
      />
      <Form method="post" noValidate onSubmit={form.onSubmit} aria-labelledby="start-title">
        <Field
          name="schoolId"
          label={t("tracks.start.school")}
          error={errors.schoolId}
          params={params}
        >
          <select
            {...describedBy("schoolId", { error: errors.schoolId })}
            {...form.field("schoolId")}
          >
            <option value="">{t("tracks.choose")}</option>
            {schools.map((school) => (
              <option key={school.id} value={school.id}>
                {school.name}
                {school.pilot_cohort
                  ? ` (${t("triage.pilot", { year: school.pilot_cohort })})`
                  : ""}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="templateId"
          label={t("tracks.start.template")}
          error={errors.templateId}
          params={params}
        >
          <select
            {...describedBy("templateId", { error: errors.templateId })}
            {...form.field("templateId")}
          >
            <option value="">{t("tracks.choose")}</option>
            {templates.map((template) => (
              <option key={template.id} value={template.id}>
                {t("tracks.start.templateOption", {
                  name: template.name,
                  count: template.stepCount,
                })}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="cohortYear"
          label={t("tracks.start.cohortYear")}
          hint={t("tracks.start.cohortYear.hint")}
          error={errors.cohortYear}
          params={params}
        >
          <input
            type="text"
            inputMode="numeric"
            className="input--short"
            {...describedBy("cohortYear", { hint: true, error: errors.cohortYear })}
            {...form.field("cohortYear")}
          />
        </Field>
        <div className="field">
          <label className="choice">
            <input type="checkbox" id={fieldId("markPilot")} {...form.choice("markPilot", "on")} />{" "}
            {t("tracks.start.markPilot")}
          </label>
        </div>
        <button type="submit" className="button">
          {t("tracks.start.submit")}
        </button>
      </Form>
    </>
  );
}
