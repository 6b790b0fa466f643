import { Form } from "@remix-run/react";
import type { CourseField, CourseFormText } from "~/components/course-form.server";
import { describedBy, ErrorSummary, Field, FieldError, fieldId } from "~/components/forms";
import { useT } from "~/components/i18n";
import { useValidatedForm } from "~/components/validated-form";
import type { MessageKey } from "~/i18n";

/**
 * The coordinator's course form (create and edit): `courseFormSchema` checks it in the browser
 * once loaded (`useValidatedForm`), a plain POST without JavaScript; the action parses with the
 * same schema.
 * `updatedAt` (edit only) travels in a hidden field for the stale-form check. Labels and choices
 * come from the loader (`courseFormText`, course-form.server.ts).
 */
export function CourseForm({
  defaultValues,
  serverErrors,
  updatedAt,
  submitLabel,
  headingId,
  text: formText,
}: {
  defaultValues: Record<string, unknown>;
  serverErrors?: Record<string, MessageKey | undefined>;
  updatedAt?: string;
  submitLabel: string;
  headingId: string;
  text: CourseFormText;
}) {
  const t = useT();
  const form = useValidatedForm(() => import("~/domain/courses").then((m) => m.courseFormSchema), {
    defaultValues: defaultValues,
    serverErrors,
  });
  const errors: Record<string, MessageKey | undefined> = {};
  for (const name of Object.keys(formText.labels)) errors[name] = form.errorFor(name);
  // A bad language code is reported on its list entry ("languages.1"); show it on the group.
  errors.languages ??= Object.entries(form.allErrors()).find(([path]) =>
    path.startsWith("languages."),
  )?.[1];
  const labels: Record<string, string> = formText.labels;

  const text = (name: CourseField, opts: { hint?: string; numeric?: boolean } = {}) => (
    <Field name={name} label={labels[name]} hint={opts.hint} error={errors[name]}>
      <input
        type="text"
        inputMode={opts.numeric ? "numeric" : undefined}
        autoComplete="off"
        {...describedBy(name, { hint: Boolean(opts.hint), error: errors[name] })}
        {...form.field(name)}
      />
    </Field>
  );
  const gradeSelect = (name: "gradeMin" | "gradeMax") => (
    <Field
      name={name}
      label={labels[name]}
      hint={t("courseAdmin.field.grades.hint")}
      error={errors[name]}
    >
      <select {...describedBy(name, { hint: true, error: errors[name] })} {...form.field(name)}>
        <option value="">{t("courseAdmin.field.grade.none")}</option>
        {formText.grades.map((grade) => (
          <option key={grade.value} value={grade.value}>
            {grade.label}
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" noValidate onSubmit={form.onSubmit} aria-labelledby={headingId}>
        <input type="hidden" name="intent" value="save" />
        {updatedAt ? <input type="hidden" name="updatedAt" value={updatedAt} /> : null}
        {text("title")}
        {text("slug", { hint: t("course.field.slug.hint") })}
        <Field name="audience" label={labels.audience} error={errors.audience}>
          <select
            {...describedBy("audience", { error: errors.audience })}
            {...form.field("audience")}
          >
            <option value="">{t("courseAdmin.field.audience.choose")}</option>
            {formText.audiences.map((audience) => (
              <option key={audience.value} value={audience.value}>
                {audience.label}
              </option>
            ))}
          </select>
        </Field>
        <Field name="summary" label={labels.summary} error={errors.summary}>
          <textarea
            rows={2}
            {...describedBy("summary", { error: errors.summary })}
            {...form.field("summary")}
          />
        </Field>
        <Field name="description" label={labels.description} error={errors.description}>
          <textarea
            rows={6}
            {...describedBy("description", { error: errors.description })}
            {...form.field("description")}
          />
        </Field>
        <div>
          {gradeSelect("gradeMin")}
          {gradeSelect("gradeMax")}
        </div>
        {text("durationMinutes", { numeric: true })}
        {text("maxParticipants", { numeric: true })}
        {text("facilitatorsNeeded", { numeric: true })}
        <fieldset
          className={errors.languages ? "field--error" : undefined}
          aria-describedby={errors.languages ? `${fieldId("languages")}-error` : undefined}
        >
          <legend>{labels.languages}</legend>
          <FieldError name="languages" error={errors.languages} />
          <div className="checkbox-row">
            {formText.languages.map((language, index) => (
              <label key={language.value}>
                <input
                  type="checkbox"
                  id={index === 0 ? fieldId("languages") : undefined}
                  {...form.choice("languages", language.value)}
                />{" "}
                {language.label}
              </label>
            ))}
          </div>
        </fieldset>
        <Field name="schoolProvides" label={labels.schoolProvides} error={errors.schoolProvides}>
          <textarea
            rows={3}
            {...describedBy("schoolProvides", { error: errors.schoolProvides })}
            {...form.field("schoolProvides")}
          />
        </Field>
        {text("leadTimeDays", { numeric: true, hint: t("course.field.leadTimeDays.hint") })}
        <Field
          name="feedbackFormAudience"
          label={labels.feedbackFormAudience}
          hint={t("courseAdmin.field.feedbackFormAudience.hint")}
          error={errors.feedbackFormAudience}
        >
          <select
            {...describedBy("feedbackFormAudience", {
              hint: true,
              error: errors.feedbackFormAudience,
            })}
            {...form.field("feedbackFormAudience")}
          >
            <option value="">{t("courseAdmin.field.feedbackFormAudience.same")}</option>
            {formText.feedbackForms.map((audience) => (
              <option key={audience.value} value={audience.value}>
                {audience.label}
              </option>
            ))}
          </select>
        </Field>
        <div className="field">
          <label className="choice">
            <input type="checkbox" id={fieldId("active")} {...form.choice("active", "on")} />{" "}
            {labels.active}
          </label>
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            {submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}
