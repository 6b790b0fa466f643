import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { messageKey } from "~/i18n/format";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { orNotFound } from "~/lib/results.server";
import { loadCatalogueCourse } from "~/services/catalogue.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.course.title} · Frirum` : "Forløbskatalog · Frirum" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { course } = orNotFound(await loadCatalogueCourse(db(), user, params.slug ?? ""));
  return {
    course,
    canOrder: user.role === "school_leader",
    canEdit: user.role === "coordinator",
  };
}

export default function CataloguePage() {
  const { course, canOrder, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/catalogue">{t("catalogue.course.back")}</Link>
      </p>
      <h1>{course.title}</h1>
      <p>
        <span className="badge">{t(`audience.${course.audience}`)}</span>
      </p>
      {course.summary ? <p className="lead">{course.summary}</p> : null}
      {canOrder ? (
        <p>
          <Link className="button" to={`/school/requests/new?course=${course.id}`}>
            {t("catalogue.course.order")}
          </Link>
        </p>
      ) : null}

      <h2>{t("catalogue.course.about")}</h2>
      {course.description ? (
        // Paragraphs and line breaks as the coordinator typed them.
        <p style={{ whiteSpace: "pre-line" }}>{course.description}</p>
      ) : (
        <p className="muted">{t("catalogue.course.noDescription")}</p>
      )}

      <h2>{t("catalogue.course.practical")}</h2>
      <dl className="details">
        <dt>{t("catalogue.course.audience")}</dt>
        <dd>{t(`audience.${course.audience}`)}</dd>
        {course.gradeMin !== null && course.gradeMax !== null ? (
          <>
            <dt>{t("catalogue.course.grades")}</dt>
            <dd>{t("course.grades", { min: course.gradeMin, max: course.gradeMax })}</dd>
          </>
        ) : null}
        <dt>{t("catalogue.course.duration")}</dt>
        <dd>{t("course.duration", { minutes: course.durationMinutes })}</dd>
        <dt>{t("catalogue.course.groupSize")}</dt>
        <dd>{t("catalogue.course.groupSize.value", { max: course.maxParticipants })}</dd>
        <dt>{t("catalogue.course.facilitators")}</dt>
        <dd>
          {t(
            course.facilitatorsNeeded === 1
              ? "catalogue.course.facilitators.one"
              : "catalogue.course.facilitators.other",
            { count: course.facilitatorsNeeded },
          )}
        </dd>
        <dt>{t("catalogue.course.languages")}</dt>
        <dd>{course.languages.map((code) => t(messageKey(`language.${code}`))).join(", ")}</dd>
        <dt>{t("catalogue.course.schoolProvides")}</dt>
        <dd>{course.schoolProvides || t("catalogue.course.schoolProvides.none")}</dd>
        <dt>{t("catalogue.course.leadTime")}</dt>
        <dd>{t("catalogue.course.leadTime.value", { days: course.leadTimeDays })}</dd>
      </dl>
      {canEdit ? (
        <p>
          <Link to={`/coordinator/courses/${course.id}`}>{t("catalogue.course.edit")}</Link>
        </p>
      ) : null}
    </>
  );
}
