/**
 * The anonymous feedback form for one session (`/f/:code`). Public, no sign-in, no client
 * JavaScript (a plain HTML form; light on a phone), never logged by the server. The page is in the
 * form's language (`?lang=`), with `<html lang dir>` set to match.
 */
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FeedbackIcon, FeedbackIconDefinitions } from "~/components/feedback-icons";
import { FeedbackFrame, LanguageLinks, ShortCodeForm } from "~/components/feedback-public";
import {
  answerFieldName,
  FEEDBACK_COMMENT_MAX_LENGTH,
  isValidShortCode,
  normalizeShortCode,
} from "~/domain/feedback";
import type { FeedbackLocale } from "~/domain/feedback-bank";
import {
  answeredCookieHeader,
  type FeedbackPageModel,
  HONEYPOT_FIELD,
  ONE_TIME_CODE_FIELD,
  readFeedbackAnswer,
} from "~/domain/feedback-forms";
import { formatDateTime } from "~/domain/time";
import { feedbackText } from "~/i18n/feedback-form";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { allowFeedbackSubmission } from "~/lib/feedback-rate-limit.server";
import { clientKey } from "~/lib/guards.server";
import {
  loadFeedbackPage,
  openFeedbackForm,
  submitFeedback,
} from "~/services/feedback-public.server";
import publicStyles from "~/styles/public.css?inline";

/** `private`: never logged, no user lookup (app/lib/route-privacy.server.ts). */
/** `inlineStyles`: the page's whole stylesheet, inlined (app/root.tsx). */
export const handle = { hydrate: false, bare: true, private: true, inlineStyles: publicStyles };

/** Feedback pages are never cached (a shared device must not show another person's page). */
export const headers = () => ({ "Cache-Control": "no-store" });

function pageData(model: FeedbackPageModel) {
  return { ...model, htmlLang: model.locale, htmlDir: model.dir, title: pageTitle(model) };
}

function pageTitle(model: FeedbackPageModel): string {
  const t = (key: string) => feedbackText(model.locale, key);
  switch (model.view) {
    case "unknown":
      return t("feedback.unknownCode.title");
    case "not_open":
      return t("feedback.notOpen.title");
    case "closed":
      return t("feedback.closed.title");
    case "already":
      return t("feedback.alreadyAnswered.title");
    case "full":
      return t("feedback.full.title");
    case "form":
      return model.form?.title ?? "Frirum";
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Frirum` : "Frirum" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const raw = params.code ?? "";
  const code = normalizeShortCode(raw);
  if (code !== raw && isValidShortCode(code)) {
    throw redirect(`/f/${code}${url.search}`);
  }
  const model = await loadFeedbackPage(db(), {
    code,
    lang: url.searchParams.get("lang"),
    cookieHeader: request.headers.get("Cookie"),
    now: new Date(),
  });
  return data(pageData(model), { status: model.status });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const url = new URL(request.url);
  const clientAllowed = await allowFeedbackSubmission(clientKey(context));
  const formData = await request.formData();
  const postedLang = formData.get("locale");
  const form = await openFeedbackForm(db(), {
    code: params.code ?? "",
    lang: url.searchParams.get("lang"),
    postedLang: typeof postedLang === "string" ? postedLang : null,
    cookieHeader: request.headers.get("Cookie"),
    now: new Date(),
  });
  if (!form.ok) return data(pageData(form.model), { status: form.model.status });
  const result = await submitFeedback(db(), form, {
    answer: readFeedbackAnswer(formData, form.definition),
    clientAllowed,
    secrets: env().sessionSecrets,
  });
  if (!result.saved) {
    return data(pageData(result.model), { status: result.model.status });
  }
  const query = new URLSearchParams({ lang: result.locale });
  if (result.commentNotSaved) query.set("comment", "notSaved");
  return redirect(`/f/${result.code}/tak?${query}`, {
    status: 303,
    headers: {
      "Set-Cookie": answeredCookieHeader(result.code, {
        secure: env().appUrl.startsWith("https://"),
      }),
    },
  });
}

export default function FeedbackFormPage() {
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const model = posted ?? loaded;
  const locale = model.locale;
  const t = (key: string, params?: Record<string, string | number>) =>
    feedbackText(locale, key, params);

  const languages = (
    <LanguageLinks
      locale={locale}
      locales={model.locales}
      hrefFor={(l) => `/f/${model.code}?lang=${l}`}
    />
  );

  if (model.view !== "form" || !model.form) {
    return (
      <FeedbackFrame languages={languages} privacy={{ locale, code: model.code }}>
        <h1>{model.title}</h1>
        {model.view === "unknown" ? (
          <>
            <p className="fb-lead">{t("feedback.unknownCode.body")}</p>
            <ShortCodeForm locale={locale} />
          </>
        ) : model.view === "not_open" && model.opensAt ? (
          <p className="fb-lead">
            {t("feedback.notOpen.body", { date: formatDateTime(model.opensAt, locale) })}
          </p>
        ) : model.view === "closed" ? (
          <p className="fb-lead">{t("feedback.closed.body")}</p>
        ) : model.view === "full" ? (
          <p className="fb-lead">{t("feedback.full.body")}</p>
        ) : (
          <p className="fb-lead">{t("feedback.alreadyAnswered.body")}</p>
        )}
      </FeedbackFrame>
    );
  }

  return (
    <FeedbackFrame languages={languages} privacy={{ locale, code: model.code }}>
      <FeedbackForm model={model} form={model.form} t={t} locale={locale} />
    </FeedbackFrame>
  );
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

function FeedbackForm({
  model,
  form,
  t,
  locale,
}: {
  model: FeedbackPageModel;
  form: NonNullable<FeedbackPageModel["form"]>;
  t: Translate;
  locale: FeedbackLocale;
}) {
  const errors = model.errors;
  const draft = model.draft;
  const message = (key: string) => t(key, { max: FEEDBACK_COMMENT_MAX_LENGTH });
  const questionText = new Map(form.items.map((item) => [answerFieldName(item.key), item.text]));
  const errorEntries = Object.entries(errors);
  const targetOf = (field: string) => {
    if (field === "comment") return "fb-comment";
    if (field === ONE_TIME_CODE_FIELD) return "fb-one-time-code";
    if (questionText.has(field)) return `q-${field.slice("answer.".length)}`;
    return null;
  };
  const iconNames = Object.values(form.scales).flatMap((options) =>
    (options ?? []).flatMap((option) => (option.icon ? [option.icon] : [])),
  );
  const commentError = errors.comment;
  const codeError = errors[ONE_TIME_CODE_FIELD];

  return (
    <>
      <h1>{form.title}</h1>
      <p className="fb-lead">
        <strong>{t("feedback.intro.anonymous")}</strong>
      </p>
      <p className="fb-muted">{t("feedback.intro.details")}</p>
      <p className="fb-muted">{t("feedback.intro.skip")}</p>

      {errorEntries.length > 0 ? (
        <div className="error-summary" role="alert" aria-labelledby="fb-error-title">
          <h2 id="fb-error-title">{t("feedback.error.summary")}</h2>
          <ul>
            {errorEntries.map(([field, key]) => {
              const target = targetOf(field);
              const label = questionText.get(field);
              const text = label ? `${label} ${message(key)}` : message(key);
              return (
                <li key={field}>
                  {target ? <a href={`#${target}`}>{text}</a> : <span>{text}</span>}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}

      <form method="post" action={`/f/${model.code}?lang=${locale}`} className="fb-form">
        <FeedbackIconDefinitions names={iconNames} />
        <input type="hidden" name="formVersion" value={form.version} />
        <input type="hidden" name="locale" value={locale} />
        <div className="fb-honeypot" aria-hidden="true">
          <label htmlFor="fb-website" lang="en">
            Website
          </label>
          <input
            id="fb-website"
            type="text"
            name={HONEYPOT_FIELD}
            tabIndex={-1}
            autoComplete="off"
          />
        </div>

        {model.strict ? (
          <div className={codeError ? "field field--error fb-field" : "field fb-field"}>
            <label htmlFor="fb-one-time-code">
              {t("feedback.oneTimeCode.label")} <span>{t("feedback.hint.required")}</span>
            </label>
            <p className="hint" id="fb-one-time-code-hint">
              {t("feedback.oneTimeCode.hint")}
            </p>
            {codeError ? (
              <p className="field-error" id="fb-one-time-code-error">
                {message(codeError)}
              </p>
            ) : null}
            <input
              id="fb-one-time-code"
              name={ONE_TIME_CODE_FIELD}
              type="text"
              className="fb-code-input"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              dir="ltr"
              required
              aria-invalid={codeError ? true : undefined}
              aria-describedby={
                codeError ? "fb-one-time-code-hint fb-one-time-code-error" : "fb-one-time-code-hint"
              }
            />
          </div>
        ) : null}

        {form.items.map((item, index) => {
          const field = answerFieldName(item.key);
          const error = errors[field];
          const options = form.scales[item.scale] ?? [];
          return (
            <fieldset
              key={item.key}
              id={`q-${item.key}`}
              className={error ? "fb-question fb-question--error" : "fb-question"}
              aria-describedby={error ? `q-${item.key}-error` : undefined}
            >
              <legend>
                <span className="fb-question__number">
                  {t("feedback.question.progress", {
                    number: index + 1,
                    total: form.items.length,
                  })}
                </span>
                <span className="fb-question__text">{item.text}</span>
              </legend>
              {error ? (
                <p className="field-error" id={`q-${item.key}-error`}>
                  {message(error)}
                </p>
              ) : null}
              <div className={`fb-options fb-options--${item.scale}`}>
                {options.map((option) => (
                  <label key={option.value} className="fb-option">
                    <input
                      type="radio"
                      name={field}
                      value={option.value}
                      defaultChecked={draft?.answers[item.key] === option.value}
                    />
                    {option.icon ? <FeedbackIcon name={option.icon} /> : null}
                    <span className="fb-option__label">{option.label}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}

        <div className={commentError ? "field field--error fb-field" : "field fb-field"}>
          <label htmlFor="fb-comment">
            {t("feedback.comment.label")} <span>{t("feedback.hint.optional")}</span>
          </label>
          <p className="fb-warning" id="fb-comment-warning">
            {t("feedback.comment.warning")}
          </p>
          <p className="hint" id="fb-comment-hint">
            {t("feedback.comment.visibility")}{" "}
            {t("feedback.comment.maxLength", { max: FEEDBACK_COMMENT_MAX_LENGTH })}
          </p>
          {commentError ? (
            <p className="field-error" id="fb-comment-error">
              {message(commentError)}
            </p>
          ) : null}
          <textarea
            id="fb-comment"
            name="comment"
            rows={4}
            maxLength={FEEDBACK_COMMENT_MAX_LENGTH}
            defaultValue={draft?.comment ?? ""}
            aria-invalid={commentError ? true : undefined}
            aria-describedby={[
              "fb-comment-warning",
              "fb-comment-hint",
              commentError ? "fb-comment-error" : null,
            ]
              .filter(Boolean)
              .join(" ")}
          />
        </div>

        <button type="submit" className="button fb-submit">
          {t("feedback.submit")}
        </button>
      </form>
    </>
  );
}
