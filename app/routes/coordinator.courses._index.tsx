import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import type { MessageKey } from "~/i18n";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { orNotFound } from "~/lib/results.server";
import { loadCourseList } from "~/services/course-admin.server";

export const meta: MetaFunction = () => [{ title: "Forløb i kataloget · Frirum" }];

const NOTICES: Record<string, MessageKey> = { deleted: "courseAdmin.deleted" };

/** A known notice's message key; anything else (including "__proto__") is no notice. */
function noticeKey(name: string | null): MessageKey | null {
  return name !== null && Object.hasOwn(NOTICES, name) ? NOTICES[name] : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const { courses } = orNotFound(await loadCourseList(db(), user));
  const notice = noticeKey(new URL(request.url).searchParams.get("notice"));
  return { courses, notice };
}

export default function CourseList() {
  const { courses, notice } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("courseAdmin.title")}</h1>
      <p className="lead">{t("courseAdmin.intro")}</p>
      {notice ? (
        <p className="notice notice--success" role="status">
          {t(notice)}
        </p>
      ) : null}
      <p>
        <Link className="button" to="/coordinator/courses/new">
          {t("courseAdmin.new")}
        </Link>
      </p>
      {courses.length === 0 ? (
        <p>{t("courseAdmin.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("courseAdmin.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("courseAdmin.col.title")}</th>
                <th scope="col">{t("courseAdmin.col.audience")}</th>
                <th scope="col">{t("courseAdmin.col.grades")}</th>
                <th scope="col">{t("courseAdmin.col.duration")}</th>
                <th scope="col">{t("courseAdmin.col.status")}</th>
                <th scope="col">{t("courseAdmin.col.requests")}</th>
              </tr>
            </thead>
            <tbody>
              {courses.map((course) => (
                <tr key={course.id}>
                  <th scope="row">
                    <Link to={`/coordinator/courses/${course.id}`}>{course.title}</Link>
                  </th>
                  <td>{t(`audience.${course.audience}`)}</td>
                  <td>
                    {course.grade_min !== null && course.grade_max !== null
                      ? t("course.grades", { min: course.grade_min, max: course.grade_max })
                      : ""}
                  </td>
                  <td>{t("course.duration", { minutes: course.duration_minutes })}</td>
                  <td>
                    {course.active
                      ? t("courseAdmin.status.active")
                      : t("courseAdmin.status.inactive")}
                  </td>
                  <td>{course.request_count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
