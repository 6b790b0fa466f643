/**
 * `/privatliv?lang=`: the privacy notice (what is stored and why) in every feedback language,
 * right-to-left for ar/ur/fa, linked from every feedback page and the sign-in page. Plain HTML, no
 * sign-in, not logged (it is reached from the anonymous forms); `?code=` links back to the form.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { FeedbackFrame, LanguageLinks } from "~/components/feedback-public";
import { isValidShortCode, normalizeShortCode } from "~/domain/feedback";
import { FEEDBACK_LOCALES, isFeedbackLocale, localeDirection } from "~/domain/feedback-bank";
import { parseMailbox } from "~/domain/scheduling";
import { PRIVACY_NOTICE } from "~/i18n/privacy-notice";
import { env } from "~/lib/env.server";
import publicStyles from "~/styles/public.css?inline";

/** `private`: never logged, no user lookup (app/lib/route-privacy.server.ts). */
/** `inlineStyles`: the page's whole stylesheet, inlined (app/root.tsx). */
export const handle = { hydrate: false, bare: true, private: true, inlineStyles: publicStyles };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.notice.title} · Frirum` : "Frirum" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const requested = url.searchParams.get("lang");
  const locale = isFeedbackLocale(requested) ? requested : "da";
  const code = normalizeShortCode(url.searchParams.get("code") ?? "");
  const params: Record<string, string> = {
    months: String(env().FEEDBACK_COMMENT_RETENTION_MONTHS),
    contact: parseMailbox(env().MAIL_FROM).email,
  };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, name) => params[name] ?? whole);
  const source = PRIVACY_NOTICE[locale];
  return {
    htmlLang: locale,
    htmlDir: localeDirection(locale),
    locale,
    code: isValidShortCode(code) ? code : null,
    notice: {
      ...source,
      sections: source.sections.map((section) => ({
        heading: section.heading,
        paragraphs: section.paragraphs.map(fill),
      })),
    },
  };
}

export default function PrivacyNotice() {
  const { locale, code, notice } = useLoaderData<typeof loader>();
  const query = (l: string) => `/privatliv?lang=${l}${code ? `&code=${code}` : ""}`;
  return (
    <FeedbackFrame
      languages={<LanguageLinks locale={locale} locales={FEEDBACK_LOCALES} hrefFor={query} />}
    >
      <h1>{notice.title}</h1>
      {notice.draftNote ? (
        <p className="notice notice--warning" data-draft="true">
          {notice.draftNote}
        </p>
      ) : null}
      {notice.sections.map((section) => (
        <section key={section.heading}>
          <h2>{section.heading}</h2>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </section>
      ))}
      {code ? (
        <p>
          <a href={`/f/${code}?lang=${locale}`}>{notice.backToForm}</a>
        </p>
      ) : null}
    </FeedbackFrame>
  );
}
