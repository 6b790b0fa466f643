/** `/tilgaengelighed`: the accessibility statement (Danish, English by the language switch). */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useLocale } from "~/components/i18n";
import { parseMailbox } from "~/domain/scheduling";
import { ACCESSIBILITY_STATEMENT } from "~/i18n/accessibility-statement";
import { env } from "~/lib/env.server";

export const meta: MetaFunction = () => [{ title: "Tilgængelighedserklæring · Frirum" }];

export async function loader(_args: LoaderFunctionArgs) {
  return { contact: parseMailbox(env().MAIL_FROM).email };
}

export default function AccessibilityStatement() {
  const { contact } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const statement = ACCESSIBILITY_STATEMENT[locale === "en" ? "en" : "da"];
  const fill = (text: string) => text.replace("{contact}", contact);
  return (
    <>
      <h1>{statement.title}</h1>
      <p className="lead">{statement.intro}</p>
      {statement.sections.map((section) => (
        <section key={section.heading}>
          <h2>{section.heading}</h2>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph}>{fill(paragraph)}</p>
          ))}
          {section.items ? (
            <ul>
              {section.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </>
  );
}
