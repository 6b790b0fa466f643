import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { describedBy, ErrorSummary, Field, fieldId } from "~/components/forms";
import { HolidayNote, holidayNameOn } from "~/components/holiday-note";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { useValidatedForm } from "~/components/validated-form";
import { COURSE_LANGUAGES, GRADE_MAX, GRADE_MIN } from "~/domain/course-options";
import { parseWithSchema } from "~/domain/forms";
import { DAY_PART_TIMES, DAY_PARTS, MAX_WINDOWS } from "~/domain/request-rules";
import {
  type RequestFormInput,
  requestFormSchema,
  requestFormValuesFromFormData,
} from "~/domain/requests";
import { formatDate } from "~/domain/time";
import type { MessageKey, MessageParams } from "~/i18n";
import { messageKey } from "~/i18n/format";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { requireUser } from "~/lib/guards.server";
import { getLocale } from "~/lib/locale.server";
import { orNotFound } from "~/lib/results.server";
import { createRequest, loadRequestForm } from "~/services/requests.server";

export const meta: MetaFunction = () => [{ title: "Anmod om forløb · Frirum" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["school_leader"]);
  const course = new URL(request.url).searchParams.get("course");
  if (course === null || course === "") throw redirect("/catalogue");
  const page = orNotFound(await loadRequestForm(db(), user, course));
  // Dates written here: the date code would add 1.1 KB to the page's JavaScript (issue 12).
  const locale = await getLocale(request);
  return {
    ...page,
    earliestDateText: formatDate(page.earliestDate, locale),
    holidays: page.holidays.map((holiday) => ({
      ...holiday,
      startsText: formatDate(holiday.startsOn, locale),
      endsText: formatDate(holiday.endsOn, locale),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, ["school_leader"]);
  const values = requestFormValuesFromFormData(await request.formData());
  const parsed = parseWithSchema(requestFormSchema, values);
  if (!parsed.ok) {
    return { errors: parsed.errors, params: {} as Record<string, MessageParams>, values };
  }
  const result = orNotFound(await createRequest(db(), user, parsed.data, { appUrl: env().appUrl }));
  if (!result.ok) return { errors: result.errors, params: result.params, values };
  throw redirect(`/school/requests/${result.requestId}?created=1`);
}

const FIELD_ORDER = [
  "courseId",
  "groupCount",
  "participantsPerGroup",
  "grades",
  "windows",
  ...Array.from({ length: MAX_WINDOWS }, (_, i) =>
    ["date", "part", "from", "to"].map((key) => `windows.${i}.${key}`),
  ).flat(),
  "location",
  "contactName",
  "contactPhone",
  "languagesNeeded",
  "interpreterNeeded",
  "notes",
  "acknowledgeDuplicate",
] as const;

export default function NewRequest() {
  const { course, school, openRequests, earliestDate, earliestDateText, contactName, holidays } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();

  const serverErrors = actionData?.errors;
  // Rule messages may carry parameters (e.g. the course's maximum), per field path; the summary
  // and the inline messages fill them in.
  const errorParams: Record<string, MessageParams | undefined> = actionData?.params ?? {};
  const defaults: RequestFormInput = {
    courseId: String(course.id),
    groupCount: "",
    participantsPerGroup: "",
    grades: [],
    windows: Array.from({ length: MAX_WINDOWS }, () => ({
      date: "",
      part: "morning",
      from: "",
      to: "",
    })),
    location: "",
    contactName,
    contactPhone: "",
    languagesNeeded: [],
    interpreterNeeded: false,
    notes: "",
    acknowledgeDuplicate: false,
  } as RequestFormInput;
  const form = useValidatedForm(
    () => import("~/domain/requests").then((m) => m.requestFormSchema),
    {
      defaultValues: (actionData?.values as RequestFormInput | undefined) ?? defaults,
      serverErrors,
    },
  );

  const errors: Record<string, MessageKey | undefined> = {};
  for (const path of FIELD_ORDER) errors[path] = form.errorFor(path);
  const windowLabel = (index: number) => t("request.field.window", { number: index + 1 });
  const labels: Record<string, string> = {
    courseId: t("request.field.course"),
    groupCount: t("request.field.groupCount"),
    participantsPerGroup: t("request.field.participantsPerGroup"),
    grades: t("request.field.grades"),
    windows: t("request.field.windows"),
    location: t("request.field.location"),
    contactName: t("request.field.contactName"),
    contactPhone: t("request.field.contactPhone"),
    languagesNeeded: t("request.field.languagesNeeded"),
    interpreterNeeded: t("request.field.interpreterNeeded"),
    notes: t("request.field.notes"),
    acknowledgeDuplicate: t("request.field.acknowledgeDuplicate"),
  };
  for (let i = 0; i < MAX_WINDOWS; i++) {
    for (const key of ["date", "part", "from", "to"] as const) {
      labels[`windows.${i}.${key}`] =
        `${windowLabel(i)}, ${t(`request.field.${key}`).toLowerCase()}`;
    }
  }

  const isPupils = course.audience === "pupils";
  const gradeMin = course.gradeMin ?? GRADE_MIN;
  const gradeMax = course.gradeMax ?? GRADE_MAX;
  const grades = Array.from({ length: gradeMax - gradeMin + 1 }, (_, i) => gradeMin + i);
  const showDuplicate = openRequests.length > 0 || Boolean(errors.acknowledgeDuplicate);
  const facts = t("schoolRequests.course.facts", {
    audience: isPupils
      ? `${t(`audience.${course.audience}`).toLowerCase()}, ${t("schoolRequests.course.grades", { min: gradeMin, max: gradeMax })}`
      : t(`audience.${course.audience}`).toLowerCase(),
    duration: t("course.duration", { minutes: course.durationMinutes }),
    max: course.maxParticipants,
  });

  return (
    <>
      <h1>{t("schoolRequests.new.title")}</h1>
      <p className="lead">{t("schoolRequests.new.intro")}</p>
      <section className="card" aria-labelledby="field-courseId">
        <h2 id="field-courseId" tabIndex={-1}>
          {course.title}
        </h2>
        <p>{facts}</p>
        {course.summary ? <p>{course.summary}</p> : null}
        <p>
          {school.name} · <Link to="/catalogue">{t("schoolRequests.course.change")}</Link>
        </p>
      </section>

      {openRequests.length > 0 ? (
        <div className="notice notice--warning" role="note" aria-labelledby="duplicate-title">
          <h2 id="duplicate-title" className="notice__title">
            {t("schoolRequests.duplicate.title")}
          </h2>
          <p>{t("schoolRequests.duplicate.body")}</p>
          <ul>
            {openRequests.map((r) => (
              <li key={r.id}>
                <Link to={`/school/requests/${r.id}`}>
                  {t("schoolRequests.duplicate.link", {
                    id: r.id,
                    status: t(`status.${r.status}`),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <ErrorSummary errors={errors} labels={labels} fieldParams={errorParams} />
      <Form
        method="post"
        noValidate
        onSubmit={form.onSubmit}
        aria-label={t("schoolRequests.new.title")}
      >
        <input type="hidden" {...form.field("courseId")} />

        <Field name="groupCount" label={t("request.field.groupCount")} error={errors.groupCount}>
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={20}
            {...describedBy("groupCount", { error: errors.groupCount })}
            {...form.field("groupCount")}
          />
        </Field>
        <Field
          name="participantsPerGroup"
          label={t("request.field.participantsPerGroup")}
          error={errors.participantsPerGroup}
          params={errorParams.participantsPerGroup}
        >
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={course.maxParticipants}
            {...describedBy("participantsPerGroup", { error: errors.participantsPerGroup })}
            {...form.field("participantsPerGroup")}
          />
        </Field>

        {isPupils ? (
          <fieldset
            className={errors.grades ? "field--error" : undefined}
            aria-describedby={[
              `${fieldId("grades")}-hint`,
              errors.grades ? `${fieldId("grades")}-error` : "",
            ]
              .filter(Boolean)
              .join(" ")}
          >
            <legend>{t("request.field.grades")}</legend>
            <p className="hint" id={`${fieldId("grades")}-hint`}>
              {t("schoolRequests.grades.hint", { min: gradeMin, max: gradeMax })}
            </p>
            {errors.grades ? (
              <p className="field-error" id={`${fieldId("grades")}-error`}>
                {t(errors.grades, errorParams.grades)}
              </p>
            ) : null}
            <div className="checkbox-row">
              {grades.map((grade, index) => (
                <label key={grade}>
                  <input
                    type="checkbox"
                    id={index === 0 ? fieldId("grades") : undefined}
                    {...form.choice("grades", String(grade))}
                  />{" "}
                  {t("request.field.grade", { grade })}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}

        <fieldset
          id={fieldId("windows")}
          tabIndex={-1}
          className={errors.windows ? "field--error" : undefined}
          aria-describedby={[
            `${fieldId("windows")}-hint`,
            errors.windows ? `${fieldId("windows")}-error` : "",
          ]
            .filter(Boolean)
            .join(" ")}
        >
          <legend>{t("request.field.windows")}</legend>
          <p className="hint" id={`${fieldId("windows")}-hint`}>
            {t("schoolRequests.windows.hint", {
              earliest: earliestDateText,
              days: course.leadTimeDays,
            })}
          </p>
          {errors.windows ? (
            <p className="field-error" id={`${fieldId("windows")}-error`}>
              {t(errors.windows, errorParams.windows)}
            </p>
          ) : null}
          {holidays.length > 0 ? (
            <details className="holiday-list">
              <summary>{t("holidays.upcoming")}</summary>
              <ul>
                {holidays.map((holiday) => (
                  <li key={`${holiday.startsOn}-${holiday.name}`}>
                    {t("holidays.upcoming.item", {
                      name: holiday.name,
                      from: holiday.startsText,
                      to: holiday.endsText,
                    })}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {Array.from({ length: MAX_WINDOWS }, (_, index) => {
            const base = `windows.${index}` as const;
            const e = {
              date: errors[`${base}.date`],
              part: errors[`${base}.part`],
              from: errors[`${base}.from`],
              to: errors[`${base}.to`],
            };
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the slots are fixed.
              <fieldset key={index} className="window-slot">
                <legend>
                  {index === 0
                    ? windowLabel(index)
                    : t("schoolRequests.window.optional", { number: index + 1 })}
                </legend>
                <Field
                  name={`${base}.date`}
                  label={t("request.field.date")}
                  error={e.date}
                  params={errorParams[`${base}.date`]}
                >
                  <input
                    type="date"
                    min={earliestDate}
                    {...describedBy(`${base}.date`, { error: e.date })}
                    {...form.field(`${base}.date`)}
                  />
                  <HolidayNote
                    id={`${fieldId(`${base}.date`)}-holiday`}
                    holiday={holidayNameOn(form.watchField(`${base}.date`), holidays)}
                  />
                </Field>
                <Field
                  name={`${base}.part`}
                  label={t("request.field.part")}
                  error={e.part}
                  params={errorParams[`${base}.part`]}
                >
                  <select
                    {...describedBy(`${base}.part`, { error: e.part })}
                    {...form.field(`${base}.part`)}
                  >
                    {DAY_PARTS.map((part) => (
                      <option key={part} value={part}>
                        {part === "custom"
                          ? t("daypart.custom")
                          : `${t(`daypart.${part}`)} (${t("daypart.times", DAY_PART_TIMES[part])})`}
                      </option>
                    ))}
                  </select>
                </Field>
                <div className="time-pair">
                  <Field
                    name={`${base}.from`}
                    label={t("request.field.from")}
                    hint={t("schoolRequests.window.customHint")}
                    error={e.from}
                  >
                    <input
                      type="time"
                      {...describedBy(`${base}.from`, { hint: true, error: e.from })}
                      {...form.field(`${base}.from`)}
                    />
                  </Field>
                  <Field
                    name={`${base}.to`}
                    label={t("request.field.to")}
                    error={e.to}
                    params={errorParams[`${base}.to`]}
                  >
                    <input
                      type="time"
                      {...describedBy(`${base}.to`, { error: e.to })}
                      {...form.field(`${base}.to`)}
                    />
                  </Field>
                </div>
              </fieldset>
            );
          })}
        </fieldset>

        <Field
          name="location"
          label={t("request.field.location")}
          hint={t("request.field.location.hint")}
          error={errors.location}
        >
          <input
            type="text"
            {...describedBy("location", { hint: true, error: errors.location })}
            {...form.field("location")}
          />
        </Field>
        <Field name="contactName" label={t("request.field.contactName")} error={errors.contactName}>
          <input
            type="text"
            autoComplete="name"
            {...describedBy("contactName", { error: errors.contactName })}
            {...form.field("contactName")}
          />
        </Field>
        <Field
          name="contactPhone"
          label={t("request.field.contactPhone")}
          error={errors.contactPhone}
        >
          <input
            type="tel"
            autoComplete="tel"
            {...describedBy("contactPhone", { error: errors.contactPhone })}
            {...form.field("contactPhone")}
          />
        </Field>

        <fieldset
          className={errors.languagesNeeded ? "field--error" : undefined}
          aria-describedby={[
            `${fieldId("languagesNeeded")}-hint`,
            errors.languagesNeeded ? `${fieldId("languagesNeeded")}-error` : "",
          ]
            .filter(Boolean)
            .join(" ")}
        >
          <legend>{t("request.field.languagesNeeded")}</legend>
          <p className="hint" id={`${fieldId("languagesNeeded")}-hint`}>
            {t("schoolRequests.languages.hint", {
              languages: course.languages
                .map((code) => t(messageKey(`language.${code}`)))
                .join(", "),
            })}
          </p>
          {errors.languagesNeeded ? (
            <p className="field-error" id={`${fieldId("languagesNeeded")}-error`}>
              {t(errors.languagesNeeded, errorParams.languagesNeeded)}
            </p>
          ) : null}
          <div className="checkbox-row">
            {COURSE_LANGUAGES.map((code, index) => (
              <label key={code}>
                <input
                  type="checkbox"
                  id={index === 0 ? fieldId("languagesNeeded") : undefined}
                  {...form.choice("languagesNeeded", code)}
                />{" "}
                {t(`language.${code}`)}
              </label>
            ))}
          </div>
          <label className="choice">
            <input
              type="checkbox"
              id={fieldId("interpreterNeeded")}
              {...form.choice("interpreterNeeded", "on")}
            />{" "}
            {t("request.field.interpreterNeeded")}
          </label>
        </fieldset>

        <Field
          name="notes"
          label={t("request.field.notes")}
          hint={t("request.field.notes.hint")}
          error={errors.notes}
        >
          <textarea
            rows={5}
            {...describedBy("notes", { hint: true, error: errors.notes })}
            {...form.field("notes")}
          />
        </Field>

        {showDuplicate ? (
          <div
            className={
              errors.acknowledgeDuplicate
                ? "field field--error notice notice--warning"
                : "field notice notice--warning"
            }
          >
            <p
              id={`${fieldId("acknowledgeDuplicate")}-hint`}
              className={errors.acknowledgeDuplicate ? "field-error" : undefined}
            >
              {t("request.duplicate.warning")}
            </p>
            <label className="choice">
              <input
                type="checkbox"
                id={fieldId("acknowledgeDuplicate")}
                aria-describedby={`${fieldId("acknowledgeDuplicate")}-hint`}
                {...form.choice("acknowledgeDuplicate", "on")}
              />{" "}
              {t("request.field.acknowledgeDuplicate")}
            </label>
          </div>
        ) : null}

        <div className="button-row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("request.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}
