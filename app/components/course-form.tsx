import { Form } from "@remix-run/react";
import type { CourseField, CourseFormText } from "~/components/course-form.server";
import { describedBy, ErrorSummary, Field, FieldError, fieldId } from "~/components/forms";
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

  const control = (name: CourseField) => {
    const { hint, options, rows, numeric } = formText.controls[name] ?? {};
    const props = {
      ...describedBy(name, { hint: Boolean(hint), error: errors[name] }),
      ...form.field(name),
    };
    return (
      <Field name={name} label={labels[name]} hint={hint} error={errors[name]}>
        {options ? (
          <select {...props}>
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        ) : rows ? (
          <textarea rows={rows} {...props} />
        ) : (
          <input
            type="text"
            inputMode={numeric ? "numeric" : undefined}
            autoComplete="off"
            {...props}
          />
        )}
      </Field>
    );
  };

  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" noValidate onSubmit={form.onSubmit} aria-labelledby={headingId}>
        <input type="hidden" name="intent" value="save" />
        {updatedAt ? <input type="hidden" name="updatedAt" value={updatedAt} /> : null}
        {control("title")}
        {control("slug")}
        {control("audience")}
        {control("summary")}
        {control("description")}
        <div>
          {control("gradeMin")}
          {control("gradeMax")}
        </div>
        {control("durationMinutes")}
        {control("maxParticipants")}
        {control("facilitatorsNeeded")}
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
        {control("schoolProvides")}
        {control("leadTimeDays")}
        {control("feedbackFormAudience")}
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
