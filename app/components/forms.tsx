import type { ReactNode } from "react";
import type { MessageKey, MessageParams } from "~/i18n";
import { useT } from "./i18n";

/** Field errors: field name -> message key (translated here). */
export type FieldErrors = Record<string, MessageKey | undefined>;

/**
 * The error summary at the top of a form (GOV.UK pattern): focusable, announced, and each entry
 * links to its field.
 */
export function ErrorSummary({
  errors,
  labels,
  params,
  fieldParams,
}: {
  errors: FieldErrors;
  labels?: Record<string, string>;
  /** Parameters of the messages (e.g. the course a refusal names). */
  params?: MessageParams;
  /** Parameters of one field's message (e.g. the course's maximum for that field). */
  fieldParams?: Record<string, MessageParams | undefined>;
}) {
  const t = useT();
  const entries = Object.entries(errors).filter(([, message]) => Boolean(message));
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t("form.errorSummary")}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${fieldId(field)}`}>
              {labels?.[field] ? `${labels[field]}: ` : ""}
              {message ? t(message, { ...params, ...fieldParams?.[field] }) : null}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function fieldId(name: string): string {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

export function FieldError({
  name,
  error,
  params,
}: {
  name: string;
  error?: MessageKey;
  params?: MessageParams;
}) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="field-error" id={`${fieldId(name)}-error`}>
      {t(error, params)}
    </p>
  );
}

/** Label + control + hint + error, wired with ids and aria-describedby by the caller's control. */
export function Field({
  name,
  label,
  hint,
  error,
  params,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: MessageKey;
  params?: MessageParams;
  children: ReactNode;
}) {
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={fieldId(name)}>{label}</label>
      {hint ? (
        <p className="hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError name={name} error={error} params={params} />
      {children}
    </div>
  );
}

/** aria attributes for a control inside <Field>. */
export function describedBy(name: string, opts: { hint?: boolean; error?: string }) {
  const ids = [
    opts.hint ? `${fieldId(name)}-hint` : null,
    opts.error ? `${fieldId(name)}-error` : null,
  ]
    .filter(Boolean)
    .join(" ");
  return {
    id: fieldId(name),
    "aria-describedby": ids || undefined,
    "aria-invalid": opts.error ? true : undefined,
  };
}
