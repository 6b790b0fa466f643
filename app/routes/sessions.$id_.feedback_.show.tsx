/**
 * `/sessions/:id/feedback/show`: the full-screen view for the class: a large QR code and the short
 * code, nothing else (no staff navigation, no answer count).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { requireUser } from "~/lib/guards.server";
import { parseIdParam } from "~/lib/params";
import { qrSvg } from "~/lib/qr.server";
import { orNotFound } from "~/lib/results.server";
import { loadSessionFeedback } from "~/services/feedback.server";

export const handle = { bare: true };

export const meta: MetaFunction = () => [{ title: "Feedback · Frirum" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator", "facilitator"]);
  const id = parseIdParam(params.id);
  const page = orNotFound(
    await loadSessionFeedback(db(), user, id, { appUrl: env().appUrl, now: new Date() }),
  );
  if (!page.code || !page.url) throw new Response("Not Found", { status: 404 });
  return {
    sessionId: page.session.id,
    code: page.code,
    url: page.url,
    qr: await qrSvg(page.url),
    entryUrl: page.entryUrl.replace(/^https?:\/\//, ""),
  };
}

export default function ShowFeedbackCode() {
  const { sessionId, code, url, qr, entryUrl } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="fb-show">
      <div
        className="fb-show__qr"
        role="img"
        aria-label={t("feedbackStaff.qr", { url })}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: trusted, server-generated SVG
        dangerouslySetInnerHTML={{ __html: qr }}
      />
      <div className="fb-show__text">
        <h1 className="fb-show__code">
          <span className="visually-hidden">{t("feedbackStaff.show.heading")}: </span>
          {code}
        </h1>
        <p className="fb-show__instructions">
          {t("feedbackStaff.show.instructions", { url: entryUrl })}
        </p>
        <p>
          <Link to={`/sessions/${sessionId}/feedback`}>{t("feedbackStaff.show.close")}</Link>
        </p>
      </div>
    </div>
  );
}
