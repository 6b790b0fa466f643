/**
 * Which staff messages each page is sent. The root loader sends a page the messages its routes
 * can show (the server matches them, app/lib/route-privacy.server.ts): the root's and its matched
 * routes', in the user's language, instead of the browser downloading every catalogue in both
 * languages.
 *
 * What a route can show is read from the source when the server is built
 * (`virtual:route-message-keys`, scripts/route-message-keys.ts): the keys its module and the app
 * modules it imports hold as text, or build from a template literal's head. Nothing to keep in
 * step by hand, and no page gets another's keys (decision 037).
 */
import { ROUTE_MESSAGE_KEYS } from "virtual:route-message-keys";
import { rememberParsedMessages } from "./format";
import { type Locale, MESSAGE_KEYS, type Messages, pickMessages } from "./index";

/** A page's messages: the object, and the same as JSON (what the root loader sends). */
interface PickedMessages {
  messages: Messages;
  json: string;
}

/**
 * The messages a page can show: the root's and its matched routes', in `locale`. Without route
 * ids (a caller that did not match routes, e.g. a test rendering a loader directly) every message.
 */
export function pageMessages(locale: Locale, routeIds: readonly string[] | undefined): Messages {
  return pick(locale, routeIds).messages;
}

/**
 * `pageMessages` as one JSON string, made once per page and locale. The root loader sends this
 * string, not the object: Remix serialises loader data for hydration with turbo-stream, which
 * walks an object key by key (each of a staff page's 150-180 messages cost it an entry and a
 * lookup, on every request), while a string is written as it is (issue 12).
 */
export function pageMessagesJson(locale: Locale, routeIds: readonly string[] | undefined): string {
  return pick(locale, routeIds).json;
}

function pick(locale: Locale, routeIds: readonly string[] | undefined): PickedMessages {
  // A page's messages depend only on its routes and locale, so each pick is made once (picking
  // walks the whole catalogue). Frozen: every request of the page shares the object.
  const key = `${locale}\u0000${routeIds?.join("\u0000") ?? "*"}`;
  let picked = pickedByPage.get(key);
  if (!picked) {
    const messages = Object.freeze(
      routeIds
        ? pickMessages(locale, [
            ...ROUTE_MESSAGE_KEYS.root,
            ...routeIds.flatMap((id) => ROUTE_MESSAGE_KEYS[id] ?? []),
          ])
        : pickMessages(locale, MESSAGE_KEYS),
    );
    picked = { messages, json: JSON.stringify(messages) };
    // Bounded: route ids come from the build's route tree, but stay safe if they did not.
    if (pickedByPage.size >= 1_000) pickedByPage.clear();
    pickedByPage.set(key, picked);
    // The server renders with the object it already has (see messagesFromJson).
    rememberParsedMessages(picked.json, messages);
  }
  return picked;
}

const pickedByPage = new Map<string, PickedMessages>();
