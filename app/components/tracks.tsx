import { formatDate, formatDateTime, formatTimeRange } from "~/domain/time";
import type { Reach } from "~/domain/tracks";
import type { MessageKey, MessageParams } from "~/i18n";
import { describedBy, Field, FieldError, fieldId } from "./forms";
import { useLocale, useT } from "./i18n";

/** What a refusal of the order rule carries (see OrderViolationView in the services). */
export interface OrderViolationItem {
  kind: "tooEarly" | "tooLate";
  stepPosition: number;
  courseTitle: string;
  otherStepPosition: number;
  otherCourseTitle: string;
  otherStartsAt: string;
  otherEndsAt: string;
  gapDays: number;
  limit: { at: string; date: string | null };
}

/** An order limit: a date when the gap is in days, else the exact time. */
export function useLimitText() {
  const locale = useLocale();
  return (limit: { at: string; date: string | null }) =>
    limit.date ? formatDate(limit.date, locale) : formatDateTime(limit.at, locale);
}

/** The refusal of the order rule, one sentence per clash: the step, the session and its date. */
export function OrderViolationList({ violations }: { violations?: readonly OrderViolationItem[] }) {
  const t = useT();
  const locale = useLocale();
  const limitText = useLimitText();
  if (!violations || violations.length === 0) return null;
  return (
    <div className="notice notice--error" id="order-violations">
      <h3>{t("tracks.order.heading")}</h3>
      <ul>
        {violations.map((v) => (
          <li key={`${v.kind}-${v.otherStepPosition}-${v.otherStartsAt}-${v.stepPosition}`}>
            {t(`tracks.order.${v.kind}${v.gapDays > 0 ? "" : ".noGap"}`, {
              step: v.stepPosition,
              course: v.courseTitle,
              otherStep: v.otherStepPosition,
              otherCourse: v.otherCourseTitle,
              otherTime: formatTimeRange(v.otherStartsAt, v.otherEndsAt, locale),
              gap: v.gapDays,
              limit: limitText(v.limit),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A form's `field` / `choice` (see useValidatedForm) for the fields a component renders: the
 * form's schema must have them, or the call site does not type-check.
 */
type FieldOf<Name extends string> = (name: Name) => Record<string, unknown>;
type ChoiceOf<Name extends string> = (name: Name, value: string) => Record<string, unknown>;

/**
 * The override of the order rule: a box to tick and the written reason. Shown after a refusal
 * (and kept while ticked), so it works the same with and without JavaScript.
 */
export function OrderOverrideFields({
  choice,
  field,
  errors,
}: {
  choice: ChoiceOf<"overrideOrder">;
  field: FieldOf<"overrideReason">;
  errors: { overrideOrder?: MessageKey; overrideReason?: MessageKey };
}) {
  const t = useT();
  return (
    <fieldset className="override">
      <legend>{t("tracks.override.legend")}</legend>
      <div className={errors.overrideOrder ? "field field--error" : "field"}>
        <FieldError name="overrideOrder" error={errors.overrideOrder} />
        <label className="choice">
          <input
            type="checkbox"
            id={fieldId("overrideOrder")}
            aria-describedby={
              errors.overrideOrder ? `${fieldId("overrideOrder")}-error` : undefined
            }
            {...choice("overrideOrder", "on")}
          />{" "}
          {t("tracks.override.checkbox")}
        </label>
      </div>
      <Field
        name="overrideReason"
        label={t("tracks.override.reason")}
        hint={t("tracks.override.reasonHint")}
        error={errors.overrideReason}
      >
        <textarea
          rows={3}
          {...describedBy("overrideReason", { hint: true, error: errors.overrideReason })}
          {...field("overrideReason")}
        />
      </Field>
    </fieldset>
  );
}

/** "72 elever, 30 fagpersoner · 110 svar · svarprocent 65 %" (audiences with nobody left out). */
export function ReachText({ reach }: { reach: Reach }) {
  const t = useT();
  const audiences = (["pupils", "staff", "parents"] as const)
    .filter((audience) => reach[audience] > 0)
    .map((audience) => t(`tracks.reach.${audience}`, { count: reach[audience] }));
  return (
    <>
      {audiences.length > 0 ? audiences.join(", ") : t("tracks.reach.nobody")} ·{" "}
      {t("tracks.reach.answers", { answers: reach.answers })} ·{" "}
      {reach.responseRate === null
        ? t("tracks.reach.noRate")
        : t("tracks.reach.rate", { rate: Math.round(reach.responseRate * 100) })}
      {reach.sessionsWithoutAttendance > 0 ? (
        <> ({t("tracks.reach.missing", { count: reach.sessionsWithoutAttendance })})</>
      ) : null}
    </>
  );
}

export interface CourseOption {
  id: number;
  title: string;
  active: number;
}

/** The fields of a step (course optional: a track's own step keeps its course). */
type StepFieldName = "sessionsExpected" | "minGapDays" | "note";

export function StepFields(
  props: {
    errors: Record<string, MessageKey | undefined>;
    params?: MessageParams;
  } & (
    | { field: FieldOf<StepFieldName>; courses?: undefined }
    | { field: FieldOf<StepFieldName | "courseId">; courses: readonly CourseOption[] }
  ),
) {
  const { field: register, errors, params } = props;
  const t = useT();
  return (
    <>
      {props.courses ? (
        <Field
          name="courseId"
          label={t("tracks.field.course")}
          error={errors.courseId}
          params={params}
        >
          <select
            {...describedBy("courseId", { error: errors.courseId })}
            {...props.field("courseId")}
          >
            <option value="">{t("tracks.choose")}</option>
            {props.courses.map((course) => (
              <option key={course.id} value={course.id}>
                {course.active === 1
                  ? course.title
                  : t("tracks.field.courseInactive", { course: course.title })}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field
        name="sessionsExpected"
        label={t("tracks.field.sessionsExpected")}
        hint={t("tracks.field.sessionsExpected.hint")}
        error={errors.sessionsExpected}
      >
        <input
          type="text"
          inputMode="numeric"
          className="input--short"
          {...describedBy("sessionsExpected", { hint: true, error: errors.sessionsExpected })}
          {...register("sessionsExpected")}
        />
      </Field>
      <Field
        name="minGapDays"
        label={t("tracks.field.minGapDays")}
        hint={t("tracks.field.minGapDays.hint")}
        error={errors.minGapDays}
      >
        <input
          type="text"
          inputMode="numeric"
          className="input--short"
          {...describedBy("minGapDays", { hint: true, error: errors.minGapDays })}
          {...register("minGapDays")}
        />
      </Field>
      <Field
        name="note"
        label={t("tracks.field.note")}
        hint={t("tracks.field.note.hint")}
        error={errors.note}
      >
        <input
          type="text"
          autoComplete="off"
          {...describedBy("note", { hint: true, error: errors.note })}
          {...register("note")}
        />
      </Field>
    </>
  );
}

/** The track context on the schedule page: which step this booking is, and its window. */
export function TrackContext({
  track,
}: {
  track: {
    trackId: number;
    trackName: string;
    cohortYear: number;
    stepPosition: number;
    stepCount: number;
    courseTitle: string;
    earliestStart: { at: string; date: string | null } | null;
    latestEnd: { at: string; date: string | null } | null;
  };
}) {
  const t = useT();
  const limitText = useLimitText();
  return (
    <section aria-labelledby="track-context-heading" className="card">
      <h2 id="track-context-heading">{t("tracks.context.heading")}</h2>
      <p>
        {t("tracks.context.step", {
          track: track.trackName,
          year: track.cohortYear,
          position: track.stepPosition,
          count: track.stepCount,
          course: track.courseTitle,
        })}{" "}
        <a href={`/coordinator/tracks/${track.trackId}`}>{t("tracks.context.open")}</a>
      </p>
      {track.earliestStart || track.latestEnd ? (
        <ul>
          {track.earliestStart ? (
            <li>{t("tracks.context.earliest", { limit: limitText(track.earliestStart) })}</li>
          ) : null}
          {track.latestEnd ? (
            <li>{t("tracks.context.latest", { limit: limitText(track.latestEnd) })}</li>
          ) : null}
        </ul>
      ) : (
        <p>{t("tracks.context.free")}</p>
      )}
    </section>
  );
}
