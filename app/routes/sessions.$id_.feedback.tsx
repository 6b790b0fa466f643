/**
 * The facilitator's feedback page for a session (`/sessions/:id/feedback`): QR code, short code in
 * large type, link, a live answer count (no content), the full-screen view for the class, and
 * strict mode with printable one-time codes. Assigned facilitators and coordinators.
 *
 * The file name's `$id_` keeps this page out of any `/sessions/:id` layout route.
 */

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useLocale, useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { formatDateTime, formatTimeRange } from "~/domain/time";
import type { MessageKey } from "~/i18n";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { requireUser } from "~/lib/guards.server";
import { parseIdParam } from "~/lib/params";
import { qrSvg } from "~/lib/qr.server";
import { orNotFound } from "~/lib/results.server";
import {
  ensureFeedbackCode,
  loadSessionFeedback,
  setStrictFeedback,
} from "~/services/feedback.server";

export const meta: MetaFunction = () => [{ title: "Feedback · Frirum" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator", "facilitator"]);
  const page = orNotFound(
    await loadSessionFeedback(db(), user, parseIdParam(params.id), {
      appUrl: env().appUrl,
      now: new Date(),
    }),
  );
  return { ...page, qr: page.url ? await qrSvg(page.url) : null };
}

export async function action({
  request,
  params,
}: ActionFunctionArgs): Promise<{ notice: MessageKey }> {
  const user = await requireUser(request, ["coordinator", "facilitator"]);
  const sessionId = parseIdParam(params.id);
  const intent = (await request.formData()).get("intent");
  if (intent === "createCode") {
    orNotFound(await ensureFeedbackCode(db(), user, sessionId));
    return { notice: "feedbackStaff.codeCreated" };
  }
  if (intent === "strictOn" || intent === "strictOff") {
    orNotFound(await setStrictFeedback(db(), user, sessionId, intent === "strictOn"));
    return {
      notice:
        intent === "strictOn" ? "feedbackStaff.strict.enabled" : "feedbackStaff.strict.disabled",
    };
  }
  throw new Response("Bad Request", { status: 400 });
}

/** The answer count, refreshed every 5 seconds from the count route (no answer content). */
function LiveCount({ sessionId, initial }: { sessionId: number; initial: number }) {
  const t = useT();
  const [count, setCount] = useState(initial);
  useEffect(() => setCount(initial), [initial]);
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/sessions/${sessionId}/feedback/count`, {
          headers: { Accept: "application/json" },
          cache: "no-store",
        });
        if (!response.ok) return;
        const body = (await response.json()) as { count?: unknown };
        if (!stopped && typeof body.count === "number") setCount(body.count);
      } catch {
        // Offline for a moment: keep the last number.
      }
    }, 5000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [sessionId]);
  return (
    <p className="fb-staff-count" aria-live="polite" data-testid="feedback-count">
      {t("feedbackStaff.count", { count })}
    </p>
  );
}

export default function SessionFeedback() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const { session, window } = page;
  return (
    <>
      <h1>{t("feedbackStaff.title", { course: session.courseTitle })}</h1>
      <p className="lead">
        {t("feedbackStaff.session", {
          school: session.schoolName,
          time: formatTimeRange(session.startsAt, session.endsAt, locale),
        })}
      </p>
      {actionData?.notice ? (
        <p className="notice notice--success" role="status">
          {t(actionData.notice)}
        </p>
      ) : null}
      <p>{t("feedbackStaff.anonymous")}</p>

      {page.code && page.url && page.qr ? (
        <div className="fb-staff">
          <div
            className="fb-qr"
            role="img"
            aria-label={t("feedbackStaff.qr", { url: page.url })}
            // The SVG is generated on the server by the qrcode package from our own URL.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: trusted, server-generated SVG
            dangerouslySetInnerHTML={{ __html: page.qr }}
          />
          <div>
            <dl className="details">
              <dt>{t("feedbackStaff.code")}</dt>
              <dd>
                <span className="fb-big-code">{page.code}</span>
              </dd>
              <dt>{t("feedbackStaff.link")}</dt>
              <dd>
                <a href={page.url}>{page.url}</a>
              </dd>
            </dl>
            <p className="hint">{t("feedbackStaff.entry", { url: page.entryUrl })}</p>
            <p>
              <Link className="button" to={`/sessions/${session.id}/feedback/show`}>
                {t("feedbackStaff.show")}
              </Link>
            </p>
          </div>
        </div>
      ) : (
        <Form method="post">
          <p>{t("feedbackStaff.noCode")}</p>
          <button type="submit" name="intent" value="createCode" className="button">
            {t("feedbackStaff.createCode")}
          </button>
        </Form>
      )}

      <h2>{t("feedbackStaff.countTitle")}</h2>
      <LiveCount sessionId={session.id} initial={page.count} />
      {page.attendance !== null && page.count > page.attendance ? (
        <p className="notice notice--warning" role="note">
          {t("feedbackStaff.overAttendance", { count: page.count, attendance: page.attendance })}
        </p>
      ) : null}
      <p className="hint">{t("feedbackStaff.cap", { cap: page.cap })}</p>
      <p className="hint">
        {t("feedbackStaff.countHint")}{" "}
        <a href={`/sessions/${session.id}/feedback`}>{t("feedbackStaff.refresh")}</a>
      </p>

      <h2>{t("feedbackStaff.window.title")}</h2>
      <p>
        {window.state === "open"
          ? t("feedbackStaff.window.open", { date: formatDateTime(window.closesAt, locale) })
          : window.state === "not_open"
            ? t("feedbackStaff.window.notOpen", { date: formatDateTime(window.opensAt, locale) })
            : t("feedbackStaff.window.closed", { date: formatDateTime(window.closesAt, locale) })}
      </p>

      <h2>{t("feedbackStaff.strict.title")}</h2>
      <p>{t("feedbackStaff.strict.body")}</p>
      <p className={page.strict ? "notice notice--warning" : "notice"}>
        {page.strict ? t("feedbackStaff.strict.on") : t("feedbackStaff.strict.off")}
      </p>
      <Form method="post">
        <button
          type="submit"
          name="intent"
          value={page.strict ? "strictOff" : "strictOn"}
          className="button button--secondary"
        >
          {page.strict ? t("feedbackStaff.strict.disable") : t("feedbackStaff.strict.enable")}
        </button>
      </Form>
      {page.oneTimeCodes.total > 0 ? (
        <p>{t("feedbackStaff.slips.status", page.oneTimeCodes)}</p>
      ) : null}
      {page.strict ? (
        <Form method="post" action={`/sessions/${session.id}/feedback/slips`} className="stack">
          <div className="field">
            <label htmlFor="slip-count">{t("feedbackStaff.slips.count")}</label>
            <p className="hint" id="slip-count-hint">
              {t("feedbackStaff.slips.countHint")}
            </p>
            <input
              id="slip-count"
              name="count"
              type="number"
              min={1}
              max={1000}
              defaultValue={30}
              aria-describedby="slip-count-hint"
            />
          </div>
          <button type="submit" className="button">
            {t("feedbackStaff.slips.create")}
          </button>
        </Form>
      ) : null}
    </>
  );
}
