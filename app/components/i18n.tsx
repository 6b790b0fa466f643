import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
// Type-only: the index holds the catalogues, which must stay out of the browser bundle.
import type { MessageKey } from "~/i18n";
import {
  DEFAULT_LOCALE,
  formatMessage,
  type Locale,
  type MessageParams,
  messagesFromJson,
} from "~/i18n/format";

interface RootI18nData {
  locale: Locale;
  /** The page's messages as JSON (app/i18n/route-messages.server.ts: pageMessagesJson). */
  messages: string;
}

export function useLocale(): Locale {
  const data = useRouteLoaderData<RootI18nData>("root");
  return data?.locale ?? DEFAULT_LOCALE;
}

/**
 * `t(key, params)` in the current UI language, from the messages the root loader sent for this
 * page's routes (app/i18n/route-messages.server.ts); `t.has(key)` says whether one was sent, and
 * narrows a key built from data to a `MessageKey`. A key without a message shows as itself (the
 * browser journeys fail on one).
 */
export function useT() {
  const json = useRouteLoaderData<RootI18nData>("root")?.messages;
  return useMemo(() => {
    const messages = json === undefined ? undefined : messagesFromJson(json);
    const t = (key: MessageKey, params?: MessageParams) =>
      formatMessage(messages?.[key] ?? key, params);
    t.has = (key: string): key is MessageKey => messages !== undefined && key in messages;
    return t;
  }, [json]);
}
