/**
 * Which staff messages each route's page needs, by key prefix ("auth." = every key starting so;
 * a prefix without a final dot is one key). The root loader sends a page only the messages of
 * its matched routes (the server matches them, app/lib/route-privacy.server.ts) plus the shared
 * layout's (`LAYOUT_MESSAGES`), in the user's language, instead of the browser downloading every
 * catalogue in both languages.
 *
 * tests/unit/route-messages.test.ts reads each route's source and the modules it imports and
 * fails when a key the route can show is not covered here: add the prefix it names.
 */
import { commonMessages } from "./common";
import { rememberParsedMessages } from "./format";
import { type Locale, MESSAGE_KEYS, type Messages, pickMessages } from "./index";

/** The header, navigation, footer, error page and form basics, on every page. */
export const LAYOUT_MESSAGES: readonly string[] = [
  ...Object.keys(commonMessages.da),
  "nav.evaluation",
  "nav.reports",
  "nav.tracks",
  // Also SQL column and permission names the root's server modules use: the test cannot tell
  // them apart from messages, and they are few.
  "request.cancel",
  "users.active",
  "users.email",
  "users.languages",
  "users.name",
  "users.role",
];

/** By route id (the file under app/routes without its extension, prefixed "routes/"). */
export const ROUTE_MESSAGES: Readonly<Record<string, readonly string[]>> = {
  "routes/$": [],
  "routes/_index": [],
  "routes/auth.verify": ["auth."],
  "routes/catalogue.$slug": [
    "audience.",
    "catalogue.",
    "course.",
    "courseAdmin.feedbackFormAudience.",
    "language.",
  ],
  "routes/catalogue._index": [
    "audience.",
    "catalogue.",
    "course.",
    "courseAdmin.feedbackFormAudience.",
    "language.",
    "request.field.",
  ],
  "routes/coordinator._index": [
    "coordinator.",
    "course.",
    "courseAdmin.delete.",
    "courseAdmin.feedbackFormAudience.",
    "courseAdmin.slug.",
    "courseAdmin.stale",
    "daypart.",
    "holidays.date.",
    "holidays.endsOn.",
    "holidays.name.",
    "holidays.stale",
    "holidays.startsOn.",
    "language.",
    "request.",
    "sessions.",
    "status.",
    "tracks.",
    "triage.col.",
    "triage.decline.",
    "triage.overview.",
    "triage.pilot",
    "triage.stale",
  ],
  "routes/coordinator.courses.$id": [
    "audience.",
    "course.",
    "courseAdmin.",
    "language.",
    "request.field.",
    "request.transition.",
    "triage.decline.",
    "triage.stale",
  ],
  "routes/coordinator.courses._index": ["audience.", "course.", "courseAdmin."],
  "routes/coordinator.courses.new": [
    "audience.",
    "course.",
    "courseAdmin.",
    "language.",
    "request.field.",
  ],
  "routes/coordinator.evaluation": ["audience.", "evaluation."],
  "routes/coordinator.facilitators.$id.unavailability": [
    "course.",
    "courseAdmin.feedbackFormAudience.",
    "facilitator.",
    "request.",
    "sessions.",
    "tracks.",
    "triage.decline.",
    "triage.stale",
  ],
  "routes/coordinator.facilitators._index": [
    "course.",
    "courseAdmin.facilitators.",
    "courseAdmin.feedbackFormAudience.",
    "language.",
  ],
  "routes/coordinator.holidays.$id": [
    "course.",
    "courseAdmin.delete.",
    "courseAdmin.feedbackFormAudience.",
    "courseAdmin.slug.",
    "courseAdmin.stale",
    "holidays.",
    "request.transition.",
    "triage.decline.",
    "triage.stale",
  ],
  "routes/coordinator.holidays._index": [
    "course.",
    "courseAdmin.delete.",
    "courseAdmin.feedbackFormAudience.",
    "courseAdmin.slug.",
    "courseAdmin.stale",
    "holidays.",
  ],
  "routes/coordinator.reports.$year": [
    "audience.",
    "course.",
    "courseAdmin.delete.",
    "courseAdmin.feedbackFormAudience.",
    "courseAdmin.slug.",
    "courseAdmin.stale",
    "evaluation.",
    "language.",
    "report.",
    "request.",
    "sessions.",
    "tracks.",
  ],
  "routes/coordinator.reports._index": [
    "audience.",
    "course.",
    "courseAdmin.delete.",
    "courseAdmin.feedbackFormAudience.",
    "courseAdmin.slug.",
    "courseAdmin.stale",
    "evaluation.",
    "language.",
    "report.",
    "request.",
    "sessions.",
    "tracks.",
  ],
  "routes/coordinator.requests.$id": [
    "audience.",
    "course.",
    "courseAdmin.delete.",
    "courseAdmin.feedbackFormAudience.",
    "courseAdmin.slug.",
    "courseAdmin.stale",
    "daypart.",
    "holidays.date.",
    "holidays.endsOn.",
    "holidays.name.",
    "holidays.stale",
    "holidays.startsOn.",
    "holidays.warning.",
    "language.",
    "request.",
    "schoolRequests.",
    "sessions.",
    "status.",
    "tracks.",
    "triage.",
  ],
  "routes/coordinator.requests.$id_.schedule": [
    "course.",
    "courseAdmin.delete.",
    "courseAdmin.feedbackFormAudience.",
    "courseAdmin.slug.",
    "courseAdmin.stale",
    "daypart.",
    "holidays.date.",
    "holidays.endsOn.",
    "holidays.name.",
    "holidays.stale",
    "holidays.startsOn.",
    "holidays.warning.",
    "language.",
    "request.",
    "sessions.",
    "status.",
    "tracks.",
    "triage.decline.",
    "triage.stale",
  ],
  "routes/coordinator.requests._index": [
    "audience.",
    // The course and request rules' field errors (the inbox's modules import those rules; the page
    // shows none of them): by field, so the form labels (course.field., request.field.) stay out.
    "course.audience.",
    "course.description.",
    "course.durationMinutes.",
    "course.facilitatorsNeeded.",
    "course.grade.",
    "course.languages.",
    "course.leadTimeDays.",
    "course.maxParticipants.",
    "course.schoolProvides.",
    "course.slug.",
    "course.summary.",
    "course.title.",
    "courseAdmin.feedbackFormAudience.",
    "request.contactName.",
    "request.contactPhone.",
    "request.course.",
    "request.courseId.",
    "request.grades.",
    "request.groupCount.",
    "request.interpreter.",
    "request.languagesNeeded.",
    "request.location.",
    "request.notes.",
    "request.participantsPerGroup.",
    "request.transition.",
    "request.window.",
    "request.windows.",
    "status.",
    "triage.",
  ],
  "routes/coordinator.schools.$id": [
    "course.",
    "courseAdmin.delete.",
    "courseAdmin.feedbackFormAudience.",
    "courseAdmin.slug.",
    "courseAdmin.stale",
    "request.transition.",
    "schoolAdmin.",
    "triage.decline.",
    "triage.stale",
  ],
  "routes/coordinator.schools._index": [
    "course.",
    "courseAdmin.delete.",
    "courseAdmin.feedbackFormAudience.",
    "courseAdmin.slug.",
    "courseAdmin.stale",
    "schoolAdmin.",
  ],
  "routes/coordinator.sessions.$id": [
    "course.",
    "courseAdmin.delete.",
    "courseAdmin.feedbackFormAudience.",
    "courseAdmin.slug.",
    "courseAdmin.stale",
    "holidays.date.",
    "holidays.endsOn.",
    "holidays.name.",
    "holidays.stale",
    "holidays.startsOn.",
    "holidays.warning.",
    "request.",
    "sessions.",
    "status.",
    "tracks.",
    "triage.decline.",
    "triage.stale",
  ],
  "routes/coordinator.tracks.$id": [
    "audience.",
    "course.",
    "courseAdmin.delete.",
    "courseAdmin.feedbackFormAudience.",
    "courseAdmin.slug.",
    "courseAdmin.stale",
    "request.",
    "sessions.",
    "tracks.",
    "triage.decline.",
    "triage.stale",
  ],
  "routes/coordinator.tracks._index": [
    "course.",
    "courseAdmin.delete.",
    "courseAdmin.feedbackFormAudience.",
    "courseAdmin.slug.",
    "courseAdmin.stale",
    "request.",
    "sessions.",
    "tracks.",
  ],
  "routes/coordinator.tracks.new": [
    "course.",
    "courseAdmin.delete.",
    "courseAdmin.feedbackFormAudience.",
    "courseAdmin.slug.",
    "courseAdmin.stale",
    "request.",
    "sessions.",
    "tracks.",
    "triage.pilot",
  ],
  "routes/coordinator.tracks.templates.$id": [
    "audience.",
    "course.",
    "courseAdmin.delete.",
    "courseAdmin.feedbackFormAudience.",
    "courseAdmin.slug.",
    "courseAdmin.stale",
    "request.",
    "schoolAdmin.stale.",
    "sessions.",
    "tracks.",
    "triage.decline.",
    "triage.stale",
  ],
  "routes/coordinator.tracks.templates._index": [
    "course.",
    "courseAdmin.delete.",
    "courseAdmin.feedbackFormAudience.",
    "courseAdmin.slug.",
    "courseAdmin.stale",
    "request.",
    "sessions.",
    "tracks.",
  ],
  "routes/dev.mailbox.$id": [
    "course.",
    "courseAdmin.feedbackFormAudience.",
    "mailbox.attachment",
    "mailbox.links",
    "outbox.created",
    "outbox.resend",
    "outbox.to",
    "request.transition.",
    "triage.decline.",
    "triage.stale",
  ],
  "routes/dev.mailbox._index": ["mailbox.", "outbox."],
  "routes/f.$code": [],
  "routes/f.$code_.tak": [],
  "routes/f._index": [],
  "routes/facilitator._index": [
    "course.",
    "courseAdmin.feedbackFormAudience.",
    "facilitator.",
    "request.",
    "sessions.",
    "status.",
    "tracks.",
  ],
  "routes/facilitator.calendar": ["facilitator.calendarChoice.", "facilitator.feed."],
  "routes/facilitator.sessions.$id._index": [
    "audience.",
    "course.",
    "courseAdmin.feedbackFormAudience.",
    "facilitator.",
    "language.",
    "request.",
    "sessions.",
    "status.",
    "tracks.",
    "triage.decline.",
    "triage.stale",
  ],
  "routes/facilitator.unavailability": [
    "course.",
    "courseAdmin.feedbackFormAudience.",
    "facilitator.",
    "request.",
    "sessions.",
    "tracks.",
  ],
  "routes/language": [],
  "routes/login": ["auth."],
  "routes/logout": [],
  "routes/outbox": ["outbox."],
  "routes/privatliv": ["course.", "courseAdmin.feedbackFormAudience.", "sessions.", "tracks."],
  "routes/school._index": [
    "course.",
    "courseAdmin.delete.",
    "courseAdmin.feedbackFormAudience.",
    "courseAdmin.slug.",
    "courseAdmin.stale",
    "daypart.",
    "holidays.date.",
    "holidays.endsOn.",
    "holidays.name.",
    "holidays.stale",
    "holidays.startsOn.",
    "language.",
    "request.",
    "school.",
    "schoolRequests.col.",
    "schoolRequests.page.",
    "schoolRequests.session.",
    "schoolRequests.sessionStatus.",
    "schoolRequests.sessions.",
    "sessions.",
    "status.",
    "tracks.",
    "triage.decline.",
    "triage.stale",
  ],
  "routes/school.evaluation": ["audience.", "evaluation."],
  "routes/school.requests.$id": [
    "audience.",
    "course.",
    "courseAdmin.delete.",
    "courseAdmin.feedbackFormAudience.",
    "courseAdmin.slug.",
    "courseAdmin.stale",
    "daypart.",
    "holidays.date.",
    "holidays.endsOn.",
    "holidays.name.",
    "holidays.stale",
    "holidays.startsOn.",
    "holidays.warning.",
    "language.",
    "request.",
    "schoolRequests.",
    "sessions.",
    "status.",
    "tracks.",
    "triage.decline.",
    "triage.stale",
  ],
  "routes/school.requests.new": [
    "audience.",
    "course.",
    "courseAdmin.delete.",
    "courseAdmin.feedbackFormAudience.",
    "courseAdmin.slug.",
    "courseAdmin.stale",
    "daypart.",
    "holidays.",
    "language.",
    "request.",
    "schoolRequests.",
    "sessions.",
    "status.",
    "tracks.",
    "triage.decline.",
    "triage.stale",
  ],
  "routes/sessions.$id_.feedback": [
    "course.",
    "courseAdmin.feedbackFormAudience.",
    "feedbackStaff.",
    "request.transition.",
    "triage.decline.",
    "triage.stale",
  ],
  "routes/sessions.$id_.feedback_.show": [
    "course.",
    "courseAdmin.feedbackFormAudience.",
    "feedbackStaff.qr",
    "feedbackStaff.show.",
    "feedbackStaff.slips.",
    "request.transition.",
    "triage.decline.",
    "triage.stale",
  ],
  "routes/sessions.$id_.feedback_.slips": [
    "course.",
    "courseAdmin.feedbackFormAudience.",
    "feedbackStaff.slips.",
    "request.transition.",
    "triage.decline.",
    "triage.stale",
  ],
  "routes/tilgaengelighed": [
    "course.",
    "courseAdmin.feedbackFormAudience.",
    "sessions.",
    "tracks.",
  ],
  "routes/users": ["auth.email.", "language.", "users."],
};

/** A page's messages: the object, and the same as JSON (what the root loader sends). */
interface PickedMessages {
  messages: Messages;
  json: string;
}

/**
 * The messages a page needs: the layout's and its matched routes', in `locale`. Without route ids
 * (a caller that did not match routes, e.g. a test rendering a loader directly) every message.
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
  // Picking walks every key against every prefix (about 10% of a staff page's server CPU);
  // a page's messages depend only on its routes and locale, so each pick is made once. Frozen:
  // every request of the page shares the object.
  const key = `${locale}\u0000${routeIds?.join("\u0000") ?? "*"}`;
  let picked = pickedByPage.get(key);
  if (!picked) {
    const messages = Object.freeze(
      routeIds
        ? pickMessages(locale, [
            ...LAYOUT_MESSAGES,
            ...routeIds.flatMap((id) => ROUTE_MESSAGES[id] ?? []),
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
