import type { MessageKey, MessageParams } from "~/i18n";
import { describedBy, Field } from "./forms";
import { useT } from "./i18n";

/**
 * A form's `field` (see useValidatedForm) for the fields a component renders: the form's schema
 * must have them, or the call site does not type-check.
 */
type FieldOf<Name extends string> = (name: Name) => Record<string, unknown>;

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
