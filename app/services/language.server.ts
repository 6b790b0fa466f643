import type { DB } from "../../db/connection";
import { setUserLocale } from "../../db/queries/users";
import type { Locale } from "../i18n";

/**
 * Keeps a signed-in user's language choice (the language switch), so that the emails they get are
 * built in it too; the cookie alone would only reach this browser.
 */
export async function saveLanguageChoice(
  db: DB,
  actor: { id: number } | null,
  locale: Locale,
): Promise<void> {
  if (actor) await setUserLocale(db, actor.id, locale);
}
