/** The thank-you page after answering (`/f/:code/tak?lang=`), in the form's language. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { FeedbackFrame } from "~/components/feedback-public";
import { isFeedbackLocale, localeDirection } from "~/domain/feedback-bank";
import { feedbackText } from "~/i18n/feedback-form";
import publicStyles from "~/styles/public.css?inline";

/** `private`: never logged, no user lookup (app/lib/route-privacy.server.ts). */
/** `inlineStyles`: the page's whole stylesheet, inlined (app/root.tsx). */
export const handle = { hydrate: false, bare: true, private: true, inlineStyles: publicStyles };

/** Feedback pages are never cached (a shared device must not show another person's page). */
export const headers = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Frirum` : "Frirum" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const requested = url.searchParams.get("lang");
  const locale = isFeedbackLocale(requested) ? requested : "da";
  return {
    htmlLang: locale,
    htmlDir: localeDirection(locale),
    locale,
    title: feedbackText(locale, "feedback.thanks.title"),
    commentNotSaved: url.searchParams.get("comment") === "notSaved",
  };
}

export default function FeedbackThanks() {
  const { locale, title, commentNotSaved } = useLoaderData<typeof loader>();
  return (
    <FeedbackFrame languages={null} privacy={{ locale }}>
      <div className="fb-thanks">
        <p className="fb-thanks__icon" aria-hidden="true">
          ✓
        </p>
        <h1>{title}</h1>
        <p className="fb-lead">{feedbackText(locale, "feedback.thanks.body")}</p>
        {commentNotSaved ? (
          <p className="fb-warning">{feedbackText(locale, "feedback.thanks.commentNotSaved")}</p>
        ) : null}
      </div>
    </FeedbackFrame>
  );
}
