import { Form } from "@remix-run/react";
import { describedBy, ErrorSummary, Field } from "~/components/forms";
import { useT } from "~/components/i18n";
import { useValidatedForm } from "~/components/validated-form";
import type { HolidayFormInput } from "~/domain/holidays";
import type { MessageKey } from "~/i18n";

const FIELDS = ["name", "startsOn", "endsOn"] as const;

/** Add or edit a holiday: one schema in the browser and the action; works without JavaScript. */
export function HolidayForm({
  defaultValues,
  serverErrors,
  updatedAt,
  submitLabel,
  labelledBy,
}: {
  defaultValues: HolidayFormInput;
  serverErrors?: Record<string, MessageKey>;
  /** The holiday's `updated_at` when editing (stale-form check). */
  updatedAt?: string;
  submitLabel: string;
  labelledBy: string;
}) {
  const t = useT();
  const form = useValidatedForm(
    () => import("~/domain/holidays").then((m) => m.holidayFormSchema),
    { defaultValues, serverErrors },
  );
  const errors = Object.fromEntries(FIELDS.map((name) => [name, form.errorFor(name)]));
  const labels = Object.fromEntries(FIELDS.map((name) => [name, t(`holidays.field.${name}`)]));
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" noValidate onSubmit={form.onSubmit} aria-labelledby={labelledBy}>
        <input type="hidden" name="intent" value="save" />
        {updatedAt ? <input type="hidden" name="updatedAt" value={updatedAt} /> : null}
        <Field
          name="name"
          label={labels.name}
          hint={t("holidays.field.name.hint")}
          error={errors.name}
        >
          <input
            type="text"
            autoComplete="off"
            {...describedBy("name", { hint: true, error: errors.name })}
            {...form.field("name")}
          />
        </Field>
        <div className="time-pair">
          <Field name="startsOn" label={labels.startsOn} error={errors.startsOn}>
            <input
              type="date"
              {...describedBy("startsOn", { error: errors.startsOn })}
              {...form.field("startsOn")}
            />
          </Field>
          <Field
            name="endsOn"
            label={labels.endsOn}
            hint={t("holidays.field.endsOn.hint")}
            error={errors.endsOn}
          >
            <input
              type="date"
              {...describedBy("endsOn", { hint: true, error: errors.endsOn })}
              {...form.field("endsOn")}
            />
          </Field>
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
