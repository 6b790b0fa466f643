/**
 * `/f`: type the session's short code (for those who cannot scan the QR code). `?code=` goes to
 * the form; a code that cannot be right is shown again with a message.
 */
import { data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { FeedbackFrame, LanguageLinks, ShortCodeForm } from "~/components/feedback-public";
import { isValidShortCode, normalizeShortCode } from "~/domain/feedback";
import { FEEDBACK_LOCALES, isFeedbackLocale, localeDirection } from "~/domain/feedback-bank";
import { feedbackText } from "~/i18n/feedback-form";
import publicStyles from "~/styles/public.css?inline";

/** `private`: never logged, no user lookup (app/lib/route-privacy.server.ts). */
/** `inlineStyles`: the page's whole stylesheet, inlined (app/root.tsx). */
export const handle = { hydrate: false, bare: true, private: true, inlineStyles: publicStyles };

/** Feedback pages are never cached (a shared device must not show another person's page). */
export const headers = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Frirum` : "Frirum" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const requested = url.searchParams.get("lang");
  const locale = isFeedbackLocale(requested) ? requested : "da";
  const typed = url.searchParams.get("code");
  const code = typed ? normalizeShortCode(typed) : "";
  if (code && isValidShortCode(code)) {
    throw redirect(`/f/${code}${requested ? `?lang=${locale}` : ""}`);
  }
  return data(
    {
      htmlLang: locale,
      htmlDir: localeDirection(locale),
      locale,
      title: feedbackText(locale, "feedback.shortCode.label"),
      typed: typed ?? "",
      error: typed ? "feedback.unknownCode.body" : undefined,
    },
    { status: typed ? 404 : 200 },
  );
}

export default function FeedbackEntry() {
  const { locale, title, typed, error } = useLoaderData<typeof loader>();
  return (
    <FeedbackFrame
      languages={
        <LanguageLinks locale={locale} locales={FEEDBACK_LOCALES} hrefFor={(l) => `/f?lang=${l}`} />
      }
      privacy={{ locale }}
    >
      <h1>{title}</h1>
      <ShortCodeForm locale={locale} error={error} value={typed} />
    </FeedbackFrame>
  );
}
