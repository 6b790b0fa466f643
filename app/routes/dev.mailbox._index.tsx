import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { formatDateTime } from "~/domain/time";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { orNotFound } from "~/lib/results.server";
import { loadLocalMailbox } from "~/services/outbox.server";

export const meta: MetaFunction = () => [{ title: "Lokal postkasse · Frirum" }];

/**
 * The demo's mailbox. It exists only without SMTP_URL, so real mail is never shown in the app;
 * it is open without sign-in because in a demo it is how you sign in.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  if (env().SMTP_URL) throw new Response("Not Found", { status: 404 });
  const to = new URL(request.url).searchParams.get("to") ?? "";
  const { messages } = orNotFound(await loadLocalMailbox(db(), to));
  return { messages, to };
}

export default function Mailbox() {
  const { messages, to } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("mailbox.title")}</h1>
      <p>{t("mailbox.intro")}</p>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="to">{t("mailbox.filter.to")}</label>
          <input id="to" name="to" type="email" defaultValue={to} />
        </div>
        <button type="submit" className="button">
          {t("outbox.filter.apply")}
        </button>
      </Form>
      {messages.length === 0 ? (
        <p>{t("mailbox.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("outbox.created")}</th>
                <th scope="col">{t("outbox.to")}</th>
                <th scope="col">{t("outbox.subject")}</th>
                <th scope="col">{t("outbox.filter.status")}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <td>{formatDateTime(m.created_at, locale)}</td>
                  <td>{m.to_address}</td>
                  <td>
                    <Link to={`/dev/mailbox/${m.id}`}>{m.subject}</Link>
                    {m.ics_method ? ` (${m.ics_method})` : ""}
                  </td>
                  <td>{t(`outbox.status.${m.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
