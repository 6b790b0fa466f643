import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { describedBy, ErrorSummary, Field } from "~/components/forms";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { useValidatedForm } from "~/components/validated-form";
import { formDataToObject, parseWithSchema } from "~/domain/forms";
import { MAX_TEMPLATE_DESCRIPTION } from "~/domain/track-rules";
import { templateFormSchema } from "~/domain/tracks";
import type { MessageKey } from "~/i18n";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { orNotFound } from "~/lib/results.server";
import { createTemplate, loadTemplateList } from "~/services/tracks.server";

export const meta: MetaFunction = () => [{ title: "Skabeloner for pilotforløb · Frirum" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  return orNotFound(await loadTemplateList(db(), user));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const values = formDataToObject(await request.formData());
  const attempt = Date.now();
  const parsed = parseWithSchema(templateFormSchema, values);
  if (!parsed.ok) return { errors: parsed.errors, values, params: {}, attempt };
  const result = orNotFound(await createTemplate(db(), user, parsed.data));
  if (!result.ok) return { errors: result.errors, values, params: result.params ?? {}, attempt };
  return redirect(`/coordinator/tracks/templates/${result.templateId}?saved=created`);
}

export default function TemplateList() {
  const { templates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/coordinator/tracks">{t("tracks.templates.back")}</Link>
      </p>
      <h1>{t("tracks.templates.title")}</h1>
      <p className="lead">{t("tracks.templates.intro")}</p>
      {templates.length === 0 ? (
        <p>{t("tracks.templates.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("tracks.templates.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tracks.templates.col.name")}</th>
                <th scope="col">{t("tracks.templates.col.steps")}</th>
                <th scope="col">{t("tracks.templates.col.tracks")}</th>
                <th scope="col">{t("tracks.templates.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {templates.map((template) => (
                <tr key={template.id}>
                  <th scope="row">
                    <Link to={`/coordinator/tracks/templates/${template.id}`}>{template.name}</Link>
                  </th>
                  <td>{template.step_count}</td>
                  <td>{t("tracks.templates.tracksValue", { count: template.track_count })}</td>
                  <td>
                    {template.active
                      ? t("tracks.templates.active")
                      : t("tracks.templates.inactive")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="new-template">{t("tracks.templates.new")}</h2>
      <NewTemplateForm
        key={actionData?.attempt}
        defaults={(actionData?.values as Record<string, unknown> | undefined) ?? {}}
        serverErrors={actionData?.errors}
        params={actionData?.params}
      />
    </>
  );
}

function NewTemplateForm({
  defaults,
  serverErrors,
  params,
}: {
  defaults: Record<string, unknown>;
  serverErrors?: Record<string, MessageKey>;
  params?: Record<string, string | number>;
}) {
  const t = useT();
  const form = useValidatedForm(() => import("~/domain/tracks").then((m) => m.templateFormSchema), {
    defaultValues: defaults,
    serverErrors,
  });
  const errors = { name: form.errorFor("name"), description: form.errorFor("description") };
  return (
    <>
      <ErrorSummary
        errors={errors}
        params={params}
        labels={{
          name: t("tracks.template.field.name"),
          description: t("tracks.template.field.description"),
        }}
      />
      <Form method="post" noValidate onSubmit={form.onSubmit} aria-labelledby="new-template">
        <Field
          name="name"
          label={t("tracks.template.field.name")}
          error={errors.name}
          params={params}
        >
          <input
            type="text"
            autoComplete="off"
            {...describedBy("name", { error: errors.name })}
            {...form.field("name")}
          />
        </Field>
        <Field
          name="description"
          label={t("tracks.template.field.description")}
          error={errors.description}
        >
          <textarea
            rows={3}
            maxLength={MAX_TEMPLATE_DESCRIPTION}
            {...describedBy("description", { error: errors.description })}
            {...form.field("description")}
          />
        </Field>
        <button type="submit" className="button">
          {t("tracks.templates.create")}
        </button>
      </Form>
    </>
  );
}
