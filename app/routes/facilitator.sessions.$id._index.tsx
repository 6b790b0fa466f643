import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { describedBy, ErrorSummary, Field } from "~/components/forms";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { useValidatedForm } from "~/components/validated-form";
import { attendanceSchema } from "~/domain/attendance";
import { attendanceLabelKey, MAX_DELIVERY_NOTE } from "~/domain/attendance-rules";
import { formDataToObject, parseWithSchema } from "~/domain/forms";
import { formatDateTime, formatTimeRange } from "~/domain/time";
import { messageKey } from "~/i18n/format";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { getLocale } from "~/lib/locale.server";
import { parseIdParam } from "~/lib/params";
import { orNotFound } from "~/lib/results.server";
import { loadFacilitatorSessionPage, registerDelivery } from "~/services/facilitator.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `${data.session.courseTitle} · Mine forløb · Frirum` : "Forløb · Frirum",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [page, locale] = await Promise.all([
    loadFacilitatorSessionPage(db(), user, parseIdParam(params.id), new Date()),
    getLocale(request),
  ]);
  const data = orNotFound(page);
  const { session } = data;
  return {
    ...data,
    // Formatted here: date formatting would add 1.1 KB to the page's JavaScript (issue 12).
    when: {
      timeRange: formatTimeRange(session.startsAt, session.endsAt, locale),
      deliveredAt: session.deliveredAt ? formatDateTime(session.deliveredAt, locale) : null,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const sessionId = parseIdParam(params.id);
  const values = formDataToObject(await request.formData());
  const parsed = parseWithSchema(attendanceSchema, values);
  if (!parsed.ok) return { ok: false as const, errors: parsed.errors, values: parsed.values };
  const result = orNotFound(await registerDelivery(db(), user, sessionId, parsed.data, new Date()));
  if (!result.ok) return { ...result, values };
  const search = result.requestDelivered ? "?saved=1&requestDelivered=1" : "?saved=1";
  return redirect(`/facilitator/sessions/${sessionId}${search}#delivery-title`);
}

export default function SessionPage() {
  const { session, facilitators, deliveryBlocker, feedbackPath, when } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const serverErrors = actionData && !actionData.ok ? actionData.errors : undefined;
  const form = useValidatedForm(
    () => import("~/domain/attendance").then((m) => m.attendanceSchema),
    {
      serverErrors,
      defaultValues:
        actionData && !actionData.ok
          ? actionData.values
          : {
              version: session.version,
              present: session.present ?? "",
              note: session.deliveryNote,
            },
    },
  );
  const errors = {
    present: form.errorFor("present"),
    note: form.errorFor("note"),
    _form: serverErrors?._form ?? form.errorFor("version"),
  };
  const presentLabel = t(attendanceLabelKey(session.audience));
  const saved = searchParams.get("saved") === "1";

  return (
    <>
      <p>
        <Link to="/facilitator">{t("facilitator.session.back")}</Link>
      </p>
      <h1>{session.courseTitle}</h1>
      <p className="lead">
        {session.schoolName} · {when.timeRange}
      </p>
      <p>
        <span className={`badge badge--${session.status}`}>
          {t("facilitator.session.status")}: {t(`status.${session.status}`)}
        </span>
      </p>
      {session.status !== "cancelled" ? (
        <p>
          <a href={feedbackPath} className="button">
            {t("facilitator.session.feedback")}
          </a>
        </p>
      ) : null}

      <h2>{t("facilitator.session.practical")}</h2>
      <dl className="details">
        <dt>{t("facilitator.session.when")}</dt>
        <dd>{when.timeRange}</dd>
        <dt>{t("facilitator.session.where")}</dt>
        <dd>{session.location || session.schoolAddress}</dd>
        <dt>{t("facilitator.session.school")}</dt>
        <dd>
          {session.schoolName}
          {session.schoolAddress ? `, ${session.schoolAddress}` : ""}
        </dd>
        <dt>{t("facilitator.session.contact")}</dt>
        <dd>{session.contactName || t("common.none")}</dd>
        <dt>{t("facilitator.session.phone")}</dt>
        <dd>
          {session.contactPhone ? (
            <a href={`tel:${session.contactPhone.replace(/\s+/g, "")}`}>{session.contactPhone}</a>
          ) : (
            t("common.none")
          )}
        </dd>
      </dl>

      <h2>{t("facilitator.session.participants")}</h2>
      <dl className="details">
        <dt>{t("facilitator.session.audience")}</dt>
        <dd>{t(`audience.${session.audience}`)}</dd>
        <dt>{t("facilitator.session.groups")}</dt>
        <dd>
          {t("facilitator.session.groupsValue", {
            groups: session.groupCount,
            perGroup: session.participantsPerGroup,
          })}
        </dd>
        {session.grades.length > 0 ? (
          <>
            <dt>{t("request.field.grades")}</dt>
            <dd>
              {session.grades
                .map((grade) => t("request.field.grade", { grade: String(grade) }))
                .join(", ")}
            </dd>
          </>
        ) : null}
        <dt>{t("facilitator.session.languages")}</dt>
        <dd>
          {session.languagesNeeded.length > 0
            ? session.languagesNeeded.map((code) => t(messageKey(`language.${code}`))).join(", ")
            : t("facilitator.session.languagesNone")}
        </dd>
        <dt>{t("request.field.interpreterNeeded")}</dt>
        <dd>{session.interpreterNeeded ? t("common.yes") : t("common.no")}</dd>
      </dl>

      <h2>{t("facilitator.session.notes")}</h2>
      {session.notes ? (
        <p className="preserve-lines">{session.notes}</p>
      ) : (
        <p className="muted">{t("facilitator.session.notesNone")}</p>
      )}

      <h2>{t("facilitator.session.facilitators")}</h2>
      <ul>
        {facilitators.map((f) => (
          <li key={f.id}>
            {f.name}
            {f.isMe ? ` (${t("facilitator.session.you")})` : ""}
            {f.phone ? (
              <>
                {" · "}
                <a href={`tel:${f.phone.replace(/\s+/g, "")}`}>{f.phone}</a>
              </>
            ) : null}
          </li>
        ))}
      </ul>

      <h2 id="delivery-title">{t("facilitator.delivery.title")}</h2>
      {saved ? (
        <p className="notice notice--success" role="status">
          {t("facilitator.delivery.saved")}
          {searchParams.get("requestDelivered") === "1"
            ? ` ${t("facilitator.delivery.requestDelivered")}`
            : ""}
        </p>
      ) : null}
      {deliveryBlocker ? (
        <p>{t(deliveryBlocker)}</p>
      ) : (
        <>
          {session.status === "delivered" && when.deliveredAt ? (
            <p>
              {t("facilitator.delivery.deliveredAt", {
                at: when.deliveredAt,
              })}
            </p>
          ) : (
            <p>{t("facilitator.delivery.intro")}</p>
          )}
          <ErrorSummary
            errors={errors}
            labels={{ present: presentLabel, note: t("facilitator.delivery.note") }}
          />
          {errors._form === "facilitator.attendance.stale" ? (
            <p>
              <Link to={`/facilitator/sessions/${session.id}`} reloadDocument>
                {t("facilitator.delivery.reload")}
              </Link>
            </p>
          ) : null}
          <Form
            key={session.version}
            method="post"
            noValidate
            onSubmit={form.onSubmit}
            aria-labelledby="delivery-title"
          >
            <input type="hidden" {...form.field("version")} />
            <Field
              name="present"
              label={presentLabel}
              hint={t("facilitator.delivery.presentHint")}
              error={errors.present}
            >
              <input
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                {...describedBy("present", { hint: true, error: errors.present })}
                {...form.field("present")}
              />
            </Field>
            <Field
              name="note"
              label={t("facilitator.delivery.note")}
              hint={t("facilitator.delivery.noteHint", { max: MAX_DELIVERY_NOTE })}
              error={errors.note}
            >
              <textarea
                rows={4}
                {...describedBy("note", { hint: true, error: errors.note })}
                {...form.field("note")}
              />
            </Field>
            <button type="submit" className="button">
              {session.status === "delivered"
                ? t("facilitator.delivery.update")
                : t("facilitator.delivery.submit")}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
