import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { type ReportActionData, ReportView } from "~/components/report-view";
import { reportViewData } from "~/components/report-view.server";
import { type FieldErrors, formDataToObject, parseWithSchema } from "~/domain/forms";
import {
  finaliseSchema,
  parseReportYear,
  reportTextSchema,
  supersedeSchema,
} from "~/domain/report";
import { formatDateTime } from "~/domain/time";
import type { MessageKey } from "~/i18n";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { getLocale } from "~/lib/locale.server";
import { orNotFound } from "~/lib/results.server";
import {
  finaliseReport,
  loadReportPage,
  type ReportResult,
  saveReportText,
  supersedeReport,
} from "~/services/report.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Årsrapport ${data.page.year} · Frirum` : "Årsrapport · Frirum" },
];

const NOTICES: Record<string, MessageKey> = {
  text: "report.text.saved",
  finalised: "report.finalise.done",
  superseded: "report.supersede.done",
};

function yearFrom(params: { year?: string }): number {
  const year = parseReportYear(params.year);
  if (year === null) throw new Response("Not Found", { status: 404 });
  return year;
}

function versionFrom(url: URL): number | null {
  const value = url.searchParams.get("version");
  if (value === null) return null;
  if (!/^\d{1,4}$/.test(value)) throw new Response("Not Found", { status: 404 });
  return Number(value);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const url = new URL(request.url);
  const page = orNotFound(
    await loadReportPage(db(), user, yearFrom(params), {
      now: new Date(),
      versionNumber: versionFrom(url),
    }),
  );
  return reportViewData(page, await getLocale(request));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const year = yearFrom(params);
  const formData = await request.formData();
  const values = formDataToObject(formData);
  const intent = String(values.intent ?? "");
  const options = { now: new Date() };
  // What was typed comes back with any refusal, so nothing written is lost.
  const refused = (errors: FieldErrors, messageParams?: Record<string, string | number>) =>
    ({
      errors,
      params: messageParams,
      intent,
      values: {
        section: typeof values.section === "string" ? values.section : undefined,
        text: typeof values.text === "string" ? values.text : undefined,
        reason: typeof values.reason === "string" ? values.reason : undefined,
      },
    }) satisfies ReportActionData;
  // The page shows a message beside the fields people type in; a hidden field's (the section,
  // the version) is about the whole form, so it is shown at the top.
  const hiddenFieldOnTop = (errors: FieldErrors, hidden: "section" | "version") => {
    const { [hidden]: message, ...rest } = errors;
    return message ? { ...rest, _form: message } : rest;
  };

  let answer: ReportResult;
  if (intent === "text") {
    const parsed = parseWithSchema(reportTextSchema, values);
    if (!parsed.ok) return refused(hiddenFieldOnTop(parsed.errors, "section"));
    answer = await saveReportText(db(), user, year, parsed.data, options);
  } else if (intent === "finalise") {
    const parsed = parseWithSchema(finaliseSchema, values);
    if (!parsed.ok) return refused(hiddenFieldOnTop(parsed.errors, "version"));
    answer = await finaliseReport(db(), user, year, parsed.data, options);
  } else if (intent === "supersede") {
    const parsed = parseWithSchema(supersedeSchema, values);
    if (!parsed.ok) return refused(hiddenFieldOnTop(parsed.errors, "version"));
    answer = await supersedeReport(db(), user, year, parsed.data, options);
  } else {
    throw new Response("Bad Request", { status: 400 });
  }
  const result = orNotFound(answer);
  if (result.ok) {
    const notice = intent === "text" ? "text" : intent === "finalise" ? "finalised" : "superseded";
    throw redirect(`/coordinator/reports/${year}?notice=${notice}`);
  }
  // "already finalised by X (when)": the instant in the reader's words.
  const at = result.params?.at;
  const locale = await getLocale(request);
  return refused(
    result.errors,
    typeof at === "string" ? { ...result.params, at: formatDateTime(at, locale) } : result.params,
  );
}

export default function Report() {
  const { page, charts, tables, dates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = NOTICES[params.get("notice") ?? ""] ?? null;
  return (
    <ReportView
      page={page}
      charts={charts}
      tables={tables}
      dates={dates}
      actionData={actionData}
      notice={actionData ? null : notice}
    />
  );
}
