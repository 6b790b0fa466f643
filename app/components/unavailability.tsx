import { Form, useSearchParams } from "@remix-run/react";
import { describedBy, ErrorSummary, Field } from "~/components/forms";
import { useT } from "~/components/i18n";
import { useValidatedForm } from "~/components/validated-form";
import type { UnavailabilityInput } from "~/domain/unavailability";
import type { MessageKey } from "~/i18n";

export interface UnavailabilityBlock {
  id: number;
  startsAt: string;
  endsAt: string;
  reason: string;
  /** The period in words (`withBlockLabels` in the loader). */
  label: string;
}

/** The failed add, as the action returns it (a successful add or remove redirects). */
export type UnavailabilityFormState =
  | { errors: Record<string, MessageKey>; values: Record<string, unknown> }
  | undefined;

/** List, add and remove a facilitator's unavailability (own page and the coordinator's page). */
export function UnavailabilityManager({
  blocks,
  formState,
}: {
  blocks: UnavailabilityBlock[];
  formState: UnavailabilityFormState;
}) {
  const t = useT();
  const [searchParams] = useSearchParams();
  const form = useValidatedForm(
    () => import("~/domain/unavailability").then((m) => m.unavailabilitySchema),
    {
      serverErrors: formState?.errors,
      defaultValues: formState?.values as UnavailabilityInput | undefined,
    },
  );
  const errors = {
    startDate: form.errorFor("startDate"),
    startTime: form.errorFor("startTime"),
    endDate: form.errorFor("endDate"),
    endTime: form.errorFor("endTime"),
    reason: form.errorFor("reason"),
  };
  const labels = {
    startDate: t("facilitator.unavailability.startDate"),
    startTime: t("facilitator.unavailability.startTime"),
    endDate: t("facilitator.unavailability.endDate"),
    endTime: t("facilitator.unavailability.endTime"),
    reason: t("facilitator.unavailability.reason"),
  };
  const overlap = Number(searchParams.get("overlap") ?? "0");

  return (
    <>
      {searchParams.get("added") === "1" ? (
        <div className="notice notice--success" role="status">
          <p>{t("facilitator.unavailability.added")}</p>
          {overlap > 0 ? (
            <p>{t("facilitator.unavailability.overlap", { count: overlap })}</p>
          ) : null}
        </div>
      ) : null}
      {searchParams.get("removed") === "1" ? (
        <p className="notice notice--success" role="status">
          {t("facilitator.unavailability.removed")}
        </p>
      ) : null}

      <h2 id="blocks-title">{t("facilitator.unavailability.listTitle")}</h2>
      {blocks.length === 0 ? (
        <p>{t("facilitator.unavailability.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby="blocks-title">
            <thead>
              <tr>
                <th scope="col">{t("facilitator.unavailability.period")}</th>
                <th scope="col">{t("facilitator.unavailability.reason")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("facilitator.unavailability.remove")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {blocks.map((block) => {
                const label = block.label;
                return (
                  <tr key={block.id}>
                    <td>{label}</td>
                    <td>{block.reason}</td>
                    <td>
                      <details className="confirm">
                        <summary className="button button--secondary">
                          {t("facilitator.unavailability.remove")}
                          <span className="visually-hidden">: {label}</span>
                        </summary>
                        <Form method="post" className="confirm__body">
                          <p>{t("facilitator.unavailability.removeConfirm", { period: label })}</p>
                          <input type="hidden" name="blockId" value={block.id} />
                          <button
                            type="submit"
                            name="intent"
                            value="remove"
                            className="button button--danger"
                          >
                            {t("facilitator.unavailability.removeYes")}
                          </button>
                        </Form>
                      </details>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="add-title">{t("facilitator.unavailability.addTitle")}</h2>
      <p>{t("facilitator.unavailability.addIntro")}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" noValidate onSubmit={form.onSubmit} aria-labelledby="add-title">
        <input type="hidden" name="intent" value="add" />
        <fieldset>
          <legend>{t("facilitator.unavailability.from")}</legend>
          <Field name="startDate" label={labels.startDate} error={errors.startDate}>
            <input
              type="date"
              {...describedBy("startDate", { error: errors.startDate })}
              {...form.field("startDate")}
            />
          </Field>
          <Field
            name="startTime"
            label={labels.startTime}
            hint={t("facilitator.unavailability.startTimeHint")}
            error={errors.startTime}
          >
            <input
              type="time"
              {...describedBy("startTime", { hint: true, error: errors.startTime })}
              {...form.field("startTime")}
            />
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t("facilitator.unavailability.to")}</legend>
          <Field
            name="endDate"
            label={labels.endDate}
            hint={t("facilitator.unavailability.endDateHint")}
            error={errors.endDate}
          >
            <input
              type="date"
              {...describedBy("endDate", { hint: true, error: errors.endDate })}
              {...form.field("endDate")}
            />
          </Field>
          <Field
            name="endTime"
            label={labels.endTime}
            hint={t("facilitator.unavailability.endTimeHint")}
            error={errors.endTime}
          >
            <input
              type="time"
              {...describedBy("endTime", { hint: true, error: errors.endTime })}
              {...form.field("endTime")}
            />
          </Field>
        </fieldset>
        <Field
          name="reason"
          label={labels.reason}
          hint={t("facilitator.unavailability.reasonHint")}
          error={errors.reason}
        >
          <input
            type="text"
            autoComplete="off"
            {...describedBy("reason", { hint: true, error: errors.reason })}
            {...form.field("reason")}
          />
        </Field>
        <button type="submit" className="button">
          {t("facilitator.unavailability.submit")}
        </button>
      </Form>
    </>
  );
}
