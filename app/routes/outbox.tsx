import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { formatDateTime } from "~/domain/time";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { orNotFound } from "~/lib/results.server";
import { loadOutbox, type OutboxFilter, resendOutboxMessage } from "~/services/outbox.server";

export const meta: MetaFunction = () => [{ title: "Udbakke · Frirum" }];
const STATUSES = ["pending", "sent", "failed"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const status = new URL(request.url).searchParams.get("status");
  const filter: OutboxFilter = STATUSES.find((s) => s === status);
  return { ...orNotFound(await loadOutbox(db(), user, filter)), filter: filter ?? "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const formData = await request.formData();
  const { requeued } = orNotFound(
    await resendOutboxMessage(db(), user, Number(formData.get("id"))),
  );
  return { requeued };
}

export default function Outbox() {
  const { messages, counts, filter } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("outbox.title")}</h1>
      <p>{t("outbox.intro")}</p>
      <p>
        {t("outbox.counts", {
          pending: counts.pending ?? 0,
          sent: counts.sent ?? 0,
          failed: counts.failed ?? 0,
        })}
      </p>
      {actionData?.requeued ? (
        <p className="notice notice--success" role="status">
          {t("outbox.requeued")}
        </p>
      ) : null}
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="status">{t("outbox.filter.status")}</label>
          <select id="status" name="status" defaultValue={filter}>
            <option value="">{t("outbox.filter.all")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`outbox.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("outbox.filter.apply")}
        </button>
      </Form>
      {messages.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("outbox.created")}</th>
                <th scope="col">{t("outbox.to")}</th>
                <th scope="col">{t("outbox.subject")}</th>
                <th scope="col">{t("outbox.filter.status")}</th>
                <th scope="col">{t("outbox.attempts")}</th>
                <th scope="col">{t("outbox.error")}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <td>{formatDateTime(m.created_at, locale)}</td>
                  <td>{m.to_address}</td>
                  <td>{m.subject}</td>
                  <td>{t(`outbox.status.${m.status}`)}</td>
                  <td>{m.attempts}</td>
                  <td>
                    {m.last_error ?? ""}
                    {m.status === "failed" ? (
                      <Form method="post">
                        <input type="hidden" name="id" value={m.id} />
                        <button type="submit" className="button button--secondary">
                          {t("outbox.resend")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
