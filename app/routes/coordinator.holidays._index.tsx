import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { HolidayForm } from "~/components/holiday-form";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { formDataToObject, parseWithSchema } from "~/domain/forms";
import { type HolidayFormInput, holidayFormSchema } from "~/domain/holidays";
import { daysBetween, formatDate, todayInCopenhagen } from "~/domain/time";
import type { MessageKey } from "~/i18n";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { getLocale } from "~/lib/locale.server";
import { orNotFound } from "~/lib/results.server";
import { createHoliday, loadHolidaysPage } from "~/services/holidays.server";

export const meta: MetaFunction = () => [{ title: "Skoleferier · Frirum" }];

const NOTICES: Record<string, MessageKey> = {
  created: "holidays.created",
  saved: "holidays.saved",
  deleted: "holidays.deleted",
};

function yearFrom(url: URL): number {
  const raw = url.searchParams.get("year");
  const year = raw && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) return year;
  return Number(todayInCopenhagen(new Date()).slice(0, 4));
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const url = new URL(request.url);
  const [result, locale] = await Promise.all([
    loadHolidaysPage(db(), user, yearFrom(url)),
    getLocale(request),
  ]);
  const page = orNotFound(result);
  const notice = url.searchParams.get("notice");
  return {
    ...page,
    // Formatted here: date formatting would add 1.1 KB to the page's JavaScript (issue 12).
    holidays: page.holidays.map((holiday) => ({
      ...holiday,
      startsText: formatDate(holiday.startsOn, locale),
      endsText: formatDate(holiday.endsOn, locale),
      days: daysBetween(holiday.startsOn, holiday.endsOn) + 1,
    })),
    notice: notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const values = formDataToObject(await request.formData());
  const parsed = parseWithSchema(holidayFormSchema, values);
  if (!parsed.ok)
    return { errors: parsed.errors, values: values as HolidayFormInput, attempt: Date.now() };
  orNotFound(await createHoliday(db(), user, parsed.data));
  throw redirect(`/coordinator/holidays?year=${parsed.data.startsOn.slice(0, 4)}&notice=created`);
}

export default function Holidays() {
  const { year, holidays, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <h1>{t("holidays.title")}</h1>
      <p className="lead">{t("holidays.intro")}</p>
      {notice && !actionData ? (
        <p className="notice notice--success" role="status">
          {t(notice)}
        </p>
      ) : null}
      <nav aria-label={t("holidays.yearNav")}>
        <ul className="inline-list">
          {[year - 1, year, year + 1].map((y) => (
            <li key={y}>
              <Link
                to={`/coordinator/holidays?year=${y}`}
                aria-current={y === year ? "page" : undefined}
              >
                {y}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 id="holiday-list-title">
        {t("holidays.title")} {year}
      </h2>
      {holidays.length === 0 ? (
        <p>{t("holidays.none", { year })}</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby="holiday-list-title">
            <thead>
              <tr>
                <th scope="col">{t("holidays.col.name")}</th>
                <th scope="col">{t("holidays.col.from")}</th>
                <th scope="col">{t("holidays.col.to")}</th>
                <th scope="col">{t("holidays.col.days")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("holidays.edit")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {holidays.map((holiday) => (
                <tr key={holiday.id}>
                  <td>{holiday.name}</td>
                  <td>{holiday.startsText}</td>
                  <td>{holiday.endsText}</td>
                  <td>{holiday.days}</td>
                  <td>
                    <Link
                      to={`/coordinator/holidays/${holiday.id}`}
                      aria-label={t("holidays.editLabel", { name: holiday.name })}
                    >
                      {t("holidays.edit")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="holiday-add-title">{t("holidays.add.title")}</h2>
      <HolidayForm
        key={actionData?.attempt ?? "new"}
        defaultValues={
          actionData?.values ?? {
            name: "",
            startsOn: "",
            endsOn: "",
          }
        }
        serverErrors={actionData?.errors}
        submitLabel={t("holidays.add.submit")}
        labelledBy="holiday-add-title"
      />
    </>
  );
}
