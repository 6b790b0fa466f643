import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { formatDateTime } from "~/domain/time";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { parseIdParam } from "~/lib/params";
import { orNotFound } from "~/lib/results.server";
import { loadLocalMailboxMessage } from "~/services/outbox.server";

export const meta: MetaFunction = () => [{ title: "Mail · Lokal postkasse · Frirum" }];

export async function loader({ params }: LoaderFunctionArgs) {
  if (env().SMTP_URL) throw new Response("Not Found", { status: 404 });
  const id = parseIdParam(params.id);
  const { message } = orNotFound(await loadLocalMailboxMessage(db(), id));
  const links = Array.from(new Set(message.text_body.match(/https?:\/\/[^\s<>"]+/g) ?? []));
  return {
    message: {
      to: message.to_address,
      subject: message.subject,
      text: message.text_body,
      createdAt: message.created_at,
      icsMethod: message.ics_method,
      ics: message.ics_content,
    },
    links,
  };
}

export default function MailboxMessage() {
  const { message, links } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <p>
        <Link to="/dev/mailbox">{t("common.back")}</Link>
      </p>
      <h1>{message.subject}</h1>
      <dl className="details">
        <dt>{t("outbox.to")}</dt>
        <dd>{message.to}</dd>
        <dt>{t("outbox.created")}</dt>
        <dd>{formatDateTime(message.createdAt, locale)}</dd>
      </dl>
      {links.length > 0 ? (
        <>
          <h2>{t("mailbox.links")}</h2>
          <ul>
            {links.map((link) => (
              <li key={link}>
                <a href={link} className="mail-link">
                  {link}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <pre className="mail-body">{message.text}</pre>
      {message.ics ? (
        <>
          <h2>{t("mailbox.attachment", { method: message.icsMethod ?? "" })}</h2>
          <pre className="mail-body">{message.ics}</pre>
        </>
      ) : null}
    </>
  );
}
