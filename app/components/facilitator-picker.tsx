import type { ReactNode } from "react";
import type { Suggestion } from "~/domain/scheduling";
import type { MessageKey } from "~/i18n";
import { useT } from "./i18n";

type Choice = (
  name: "facilitatorIds",
  value: string,
) => Record<string, unknown> & { defaultChecked: boolean };

/**
 * Facilitator checkboxes in suggestion order, each with a status badge (text, not only colour)
 * and the reasons for its place in the list.
 */
export function FacilitatorPicker({
  suggestions,
  choice,
  legend,
  hint,
  error,
  markCurrent,
}: {
  suggestions: readonly Suggestion[];
  choice: Choice;
  legend: string;
  hint: ReactNode;
  error?: MessageKey;
  markCurrent?: readonly number[];
}) {
  const t = useT();
  return (
    <fieldset
      className={error ? "field--error" : undefined}
      aria-describedby={`facilitators-hint${error ? " facilitators-error" : ""}`}
      id="field-facilitatorIds"
    >
      <legend>{legend}</legend>
      <p className="hint" id="facilitators-hint">
        {hint}
      </p>
      {error ? (
        <p className="field-error" id="facilitators-error">
          {t(error)}
        </p>
      ) : null}
      <ul className="suggestions">
        {suggestions.map((s) => {
          const status = s.booked ? "booked" : s.unavailable ? "unavailable" : "free";
          return (
            <li key={s.facilitatorId} className={`suggestion suggestion--${status}`}>
              <label className="choice">
                <input type="checkbox" {...choice("facilitatorIds", String(s.facilitatorId))} />
                <span>
                  <strong>{s.name}</strong>{" "}
                  <span className={`badge badge--${status}`}>{t(`sessions.badge.${status}`)}</span>
                  {markCurrent?.includes(s.facilitatorId) ? (
                    <span className="muted"> ({t("sessions.swap.current")})</span>
                  ) : null}
                </span>
              </label>
              <ul className="suggestion__reasons">
                {s.reasons.map((reason) => (
                  <li key={`${reason.key}-${JSON.stringify(reason.params ?? {})}`}>
                    {t(reason.key, reason.params)}
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/**
 * The clashes the server found, one sentence each (`conflictTexts` in
 * scheduling-texts.server.ts).
 */
export function ConflictList({ conflicts }: { conflicts?: readonly string[] }) {
  const t = useT();
  if (!conflicts || conflicts.length === 0) return null;
  return (
    <div className="notice notice--error" role="alert">
      <h2>{t("sessions.conflicts.heading")}</h2>
      <ul>
        {conflicts.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </div>
  );
}
