/**
 * `/sessions/:id/feedback/slips`: printable slips with one-time codes (strict mode). The codes are
 * made by a POST and shown once, in the response; only their keyed hashes are stored.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { requireUser } from "~/lib/guards.server";
import { parseIdParam } from "~/lib/params";
import { orNotFound } from "~/lib/results.server";
import { createOneTimeCodes } from "~/services/feedback.server";

export const handle = { bare: true };

export const meta: MetaFunction = () => [{ title: "Engangskoder · Frirum" }];

/** Codes are only ever made by a POST; a GET goes back to the feedback page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, ["coordinator", "facilitator"]);
  throw redirect(`/sessions/${parseIdParam(params.id)}/feedback`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, ["coordinator", "facilitator"]);
  const sessionId = parseIdParam(params.id);
  const raw = (await request.formData()).get("count");
  const count = typeof raw === "string" && /^\d{1,4}$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  const result = orNotFound(
    await createOneTimeCodes(db(), user, sessionId, count, {
      secret: env().sessionSecrets[0],
      appUrl: env().appUrl,
    }),
  );
  if (!result.ok)
    return data({ ok: false as const, sessionId, error: result.errors.count }, { status: 422 });
  return data(
    {
      ok: true as const,
      sessionId,
      codes: result.codes,
      shortCode: result.shortCode,
      entryUrl: `${env().appUrl.replace(/^https?:\/\//, "")}/f/${result.shortCode}`,
      courseTitle: result.courseTitle,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function FeedbackSlips() {
  const result = useActionData<typeof action>();
  const t = useT();
  if (!result) return null;
  const back = (
    <Link to={`/sessions/${result.sessionId}/feedback`}>{t("feedbackStaff.slips.back")}</Link>
  );
  if (!result.ok) {
    return (
      <div className="fb-slips-page">
        <h1>{t("feedbackStaff.slips.title")}</h1>
        <p className="notice notice--error" role="alert">
          {t(result.error)}
        </p>
        <p>{back}</p>
      </div>
    );
  }
  return (
    <div className="fb-slips-page">
      <div className="no-print">
        <h1>
          {t("feedbackStaff.slips.title")}: {result.courseTitle}
        </h1>
        <p className="notice notice--warning">{t("feedbackStaff.slips.shownOnce")}</p>
        <div className="button-row">
          <button type="button" className="button" onClick={() => window.print()}>
            {t("feedbackStaff.slips.print")}
          </button>
          {back}
        </div>
      </div>
      <ul className="fb-slips">
        {result.codes.map((code) => (
          <li key={code} className="fb-slip">
            <strong>{t("feedbackStaff.slips.heading")}</strong>
            <span>{t("feedbackStaff.slips.instructions", { url: result.entryUrl })}</span>
            <span>
              {t("feedbackStaff.slips.yourCode")}: <span className="fb-slip__code">{code}</span>
            </span>
            <span className="fb-slip__small">{t("feedbackStaff.slips.anonymous")}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
