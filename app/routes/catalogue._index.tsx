import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { DURATION_OPTIONS, isEmptyFilter, parseCatalogueFilter } from "~/domain/catalogue";
import { AUDIENCES, COURSE_LANGUAGES, GRADE_MAX, GRADE_MIN } from "~/domain/courses";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { loadCatalogue } from "~/services/catalogue.server";

export const meta: MetaFunction = () => [{ title: "Forløbskatalog · Frirum" }];

const GRADES = Array.from({ length: GRADE_MAX - GRADE_MIN + 1 }, (_, i) => GRADE_MIN + i);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filter = parseCatalogueFilter(new URL(request.url).searchParams);
  const courses = await loadCatalogue(db(), user, filter);
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
        <div className="field">
          <label htmlFor="filter-audience">{t("catalogue.filter.audience")}</label>
          <select id="filter-audience" name="audience" defaultValue={filter.audience ?? ""}>
            <option value="">{t("catalogue.filter.any")}</option>
            {AUDIENCES.map((audience) => (
              <option key={audience} value={audience}>
                {t(`audience.${audience}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-grade">{t("catalogue.filter.grade")}</label>
          <select id="filter-grade" name="grade" defaultValue={filter.grade ?? ""}>
            <option value="">{t("catalogue.filter.any")}</option>
            {GRADES.map((grade) => (
              <option key={grade} value={grade}>
                {t("request.field.grade", { grade })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-language">{t("catalogue.filter.language")}</label>
          <select id="filter-language" name="language" defaultValue={filter.language ?? ""}>
            <option value="">{t("catalogue.filter.any")}</option>
            {COURSE_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t(`language.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-duration">{t("catalogue.filter.maxDuration")}</label>
          <select id="filter-duration" name="maxDuration" defaultValue={filter.maxDuration ?? ""}>
            <option value="">{t("catalogue.filter.anyDuration")}</option>
            {DURATION_OPTIONS.map((minutes) => (
              <option key={minutes} value={minutes}>
                {t("catalogue.filter.durationAtMost", { minutes })}
              </option>
            ))}
          </select>
        </div>
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
                <dd>{course.languages.map((code) => t(`language.${code}`)).join(", ")}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
