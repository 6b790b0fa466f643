import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FilterSelect } from "~/components/filter-select";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { DURATION_OPTIONS, isEmptyFilter, parseCatalogueFilter } from "~/domain/catalogue";
import { AUDIENCES, COURSE_LANGUAGES, GRADE_MAX, GRADE_MIN } from "~/domain/course-options";
import { messageKey } from "~/i18n/format";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { orNotFound } from "~/lib/results.server";
import { loadCatalogue } from "~/services/catalogue.server";

export const meta: MetaFunction = () => [{ title: "Forløbskatalog · Frirum" }];

const GRADES = Array.from({ length: GRADE_MAX - GRADE_MIN + 1 }, (_, i) => GRADE_MIN + i);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filter = parseCatalogueFilter(new URL(request.url).searchParams);
  const { courses } = orNotFound(await loadCatalogue(db(), user, filter));
  return { courses, filter };
}

export default function Catalogue() {
  const { courses, filter } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("catalogue.title")}</h1>
      <p className="lead">{t("catalogue.intro")}</p>
      <h2 className="visually-hidden" id="catalogue-filter">
        {t("catalogue.filter.title")}
      </h2>
      {/* A plain GET form: works without JavaScript and the result can be bookmarked. */}
      <Form method="get" className="filters" aria-labelledby="catalogue-filter">
        <FilterSelect
          id="filter-audience"
          name="audience"
          label={t("catalogue.filter.audience")}
          anyLabel={t("catalogue.filter.any")}
          defaultValue={filter.audience ?? ""}
          options={AUDIENCES.map((audience) => ({
            value: audience,
            label: t(`audience.${audience}`),
          }))}
        />
        <FilterSelect
          id="filter-grade"
          name="grade"
          label={t("catalogue.filter.grade")}
          anyLabel={t("catalogue.filter.any")}
          defaultValue={filter.grade ?? ""}
          options={GRADES.map((grade) => ({
            value: grade,
            label: t("request.field.grade", { grade }),
          }))}
        />
        <FilterSelect
          id="filter-language"
          name="language"
          label={t("catalogue.filter.language")}
          anyLabel={t("catalogue.filter.any")}
          defaultValue={filter.language ?? ""}
          options={COURSE_LANGUAGES.map((code) => ({
            value: code,
            label: t(messageKey(`language.${code}`)),
          }))}
        />
        <FilterSelect
          id="filter-duration"
          name="maxDuration"
          label={t("catalogue.filter.maxDuration")}
          anyLabel={t("catalogue.filter.anyDuration")}
          defaultValue={filter.maxDuration ?? ""}
          options={DURATION_OPTIONS.map((minutes) => ({
            value: minutes,
            label: t("catalogue.filter.durationAtMost", { minutes }),
          }))}
        />
        <div className="button-row">
          <button type="submit" className="button">
            {t("catalogue.filter.apply")}
          </button>
          {isEmptyFilter(filter) ? null : (
            <Link to="/catalogue">{t("catalogue.filter.reset")}</Link>
          )}
        </div>
      </Form>

      <h2 id="catalogue-results">
        {t(courses.length === 1 ? "catalogue.count.one" : "catalogue.count.other", {
          count: courses.length,
        })}
      </h2>
      {courses.length === 0 ? (
        <p>{t("catalogue.empty")}</p>
      ) : (
        <ul className="card-grid" aria-labelledby="catalogue-results">
          {courses.map((course) => (
            <li key={course.id} className="card">
              <h3>
                <Link to={`/catalogue/${course.slug}`}>{course.title}</Link>
              </h3>
              <p>
                <span className="badge">{t(`audience.${course.audience}`)}</span>
              </p>
              {course.summary ? <p>{course.summary}</p> : null}
              <dl className="details">
                {course.gradeMin !== null && course.gradeMax !== null ? (
                  <>
                    <dt>{t("catalogue.course.grades")}</dt>
                    <dd>{t("course.grades", { min: course.gradeMin, max: course.gradeMax })}</dd>
                  </>
                ) : null}
                <dt>{t("catalogue.course.duration")}</dt>
                <dd>{t("course.duration", { minutes: course.durationMinutes })}</dd>
                <dt>{t("catalogue.course.languages")}</dt>
                <dd>
                  {course.languages.map((code) => t(messageKey(`language.${code}`))).join(", ")}
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
