import type { MessageKey } from "~/i18n";
import { describedBy, Field, FieldError, fieldId } from "./forms";
import { useT } from "./i18n";

/**
 * The refusal of the order rule, one sentence per clash (the step, the session and its date),
 * written by the action (`orderViolationTexts` in scheduling-texts.server.ts).
 */
export function OrderViolationList({ violations }: { violations?: readonly string[] }) {
  const t = useT();
  if (!violations || violations.length === 0) return null;
  return (
    <div className="notice notice--error" id="order-violations">
      <h3>{t("tracks.order.heading")}</h3>
      <ul>
        {violations.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A form's `field` / `choice` (see useValidatedForm) for the fields a component renders: the
 * form's schema must have them, or the call site does not type-check.
 */
type FieldOf<Name extends string> = (name: Name) => Record<string, unknown>;
type ChoiceOf<Name extends string> = (name: Name, value: string) => Record<string, unknown>;

/**
 * The override of the order rule: a box to tick and the written reason. Shown after a refusal
 * (and kept while ticked), so it works the same with and without JavaScript.
 */
export function OrderOverrideFields({
  choice,
  field,
  errors,
}: {
  choice: ChoiceOf<"overrideOrder">;
  field: FieldOf<"overrideReason">;
  errors: { overrideOrder?: MessageKey; overrideReason?: MessageKey };
}) {
  const t = useT();
  return (
    <fieldset className="override">
      <legend>{t("tracks.override.legend")}</legend>
      <div className={errors.overrideOrder ? "field field--error" : "field"}>
        <FieldError name="overrideOrder" error={errors.overrideOrder} />
        <label className="choice">
          <input
            type="checkbox"
            id={fieldId("overrideOrder")}
            aria-describedby={
              errors.overrideOrder ? `${fieldId("overrideOrder")}-error` : undefined
            }
            {...choice("overrideOrder", "on")}
          />{" "}
          {t("tracks.override.checkbox")}
        </label>
      </div>
      <Field
        name="overrideReason"
        label={t("tracks.override.reason")}
        hint={t("tracks.override.reasonHint")}
        error={errors.overrideReason}
      >
        <textarea
          rows={3}
          {...describedBy("overrideReason", { hint: true, error: errors.overrideReason })}
          {...field("overrideReason")}
        />
      </Field>
    </fieldset>
  );
}
