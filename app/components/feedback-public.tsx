/**
 * Building blocks of the public, anonymous feedback pages (/f/...). They render as plain HTML
 * (the routes opt out of client JavaScript), in the form's language, left-to-right or right-to-left.
 */
import type { ReactNode } from "react";
import type { FeedbackLocale } from "~/domain/feedback-bank";
import { feedbackText } from "~/i18n/feedback-form";

/** Links to the same page in each offered language, each named in its own language. */
export function LanguageLinks({
  locale,
  locales,
  hrefFor,
}: {
  locale: FeedbackLocale;
  locales: readonly FeedbackLocale[];
  hrefFor: (locale: FeedbackLocale) => string;
}) {
  if (locales.length < 2) return null;
  return (
    <nav className="fb-languages" aria-label={feedbackText(locale, "feedback.language.choose")}>
      <ul>
        {locales.map((l) => (
          <li key={l}>
            <a
              href={hrefFor(l)}
              lang={l}
              hrefLang={l}
              aria-current={l === locale ? "true" : undefined}
            >
              {feedbackText(l, `feedback.language.${l}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The page frame: language links above one column of content, and (on the feedback pages) a link
 * to the privacy notice in the page's language below it.
 */
export function FeedbackFrame({
  languages,
  children,
  privacy,
}: {
  languages: ReactNode;
  children: ReactNode;
  /** The page's language and, on a session's pages, its code (to link back from the notice). */
  privacy?: { locale: FeedbackLocale; code?: string | null };
}) {
  return (
    <div className="fb-page">
      {languages}
      {children}
      {privacy ? (
        <p className="fb-muted fb-privacy">
          <a
            href={`/privatliv?lang=${privacy.locale}${privacy.code ? `&code=${privacy.code}` : ""}`}
          >
            {feedbackText(privacy.locale, "feedback.privacy.link")}
          </a>
        </p>
      ) : null}
    </div>
  );
}

/** A short-code entry form (GET /f?code=...). */
export function ShortCodeForm({
  locale,
  error,
  value,
}: {
  locale: FeedbackLocale;
  error?: string;
  value?: string;
}) {
  const t = (key: string) => feedbackText(locale, key);
  const describedBy = ["fb-code-hint", error ? "fb-code-error" : null].filter(Boolean).join(" ");
  return (
    <form method="get" action="/f" className="fb-code-form">
      <input type="hidden" name="lang" value={locale} />
      <div className={error ? "field field--error" : "field"}>
        <label htmlFor="fb-code">{t("feedback.shortCode.label")}</label>
        <p className="hint" id="fb-code-hint">
          {t("feedback.shortCode.hint")}
        </p>
        {error ? (
          <p className="field-error" id="fb-code-error">
            {t(error)}
          </p>
        ) : null}
        <input
          id="fb-code"
          name="code"
          type="text"
          className="fb-code-input"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          dir="ltr"
          defaultValue={value}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <button type="submit" className="button fb-submit">
        {t("feedback.shortCode.submit")}
      </button>
    </form>
  );
}
