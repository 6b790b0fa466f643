/**
 * The public, anonymous feedback pages (/f/...): what to show for a short code, and saving an
 * answer. No sign-in and no actor: nothing here may learn or keep who answers (privacy.md).
 * A response row gets exactly: random id, session, audience, form version, language, answers,
 * optional comment and the session's date in Copenhagen.
 */
import type { DB } from "../../db/connection";
import {
  consumeOneTimeCode,
  feedbackFormHasResponses,
  findFeedbackSessionByCode,
  findLatestFeedbackForm,
  insertFeedbackResponses,
  loadFeedbackFormRows,
  type NewFeedbackResponse,
} from "../../db/queries/feedback";
import { type AnswerSessionState, loadAnswerSessionState } from "../../db/queries/feedback-rollup";
import { WriteLockTimeoutError, writeTransaction } from "../../db/write-transaction";
import {
  type FeedbackFormDefinition,
  type FeedbackSubmissionDraft,
  feedbackWindow,
  feedbackWindowState,
  isValidOneTimeCode,
  isValidShortCode,
  normalizeShortCode,
} from "../domain/feedback";
import {
  AUDIENCE_LOCALES,
  FEEDBACK_LOCALES,
  FEEDBACK_SCALES,
  type FeedbackAudience,
  type FeedbackLocale,
  isFeedbackLocale,
  localeDirection,
} from "../domain/feedback-bank";
import {
  type FeedbackAnswerInput,
  type FeedbackPageModel,
  hasAnsweredCookie,
  type PublicFeedbackForm,
  pickFeedbackLocale,
} from "../domain/feedback-forms";
import { feedbackAnswerCap, registeredAttendance } from "../domain/feedback-limits";
import { utcToCopenhagen } from "../domain/timezone";
import { oneTimeCodeHashes } from "../lib/feedback-codes.server";
import { createGroupCommit, type GroupCommit } from "../lib/group-commit.server";

type LoadedPublicForm = { publicForm: PublicFeedbackForm; definition: FeedbackFormDefinition };

/**
 * Form versions that have answers, as the pages show them, per database handle by
 * `<form id>:<locale>`. Such a version
 * never changes (database triggers refuse it; a revision becomes a new version, which has a new
 * id), so every instance may keep it for good instead of reading and assembling its items and texts
 * on every request. A version without answers may still be revised in place: it is always read.
 */
const frozenForms = new WeakMap<DB, Map<string, LoadedPublicForm>>();

async function loadPublicForm(
  db: DB,
  audience: FeedbackAudience,
  locale: FeedbackLocale,
): Promise<LoadedPublicForm> {
  const form = await findLatestFeedbackForm(db, audience);
  if (!form) throw new Error(`No feedback form for ${audience}: run the seed (seedFeedbackForms)`);
  const key = `${form.id}:${locale}`;
  let cache = frozenForms.get(db);
  if (!cache) {
    cache = new Map();
    frozenForms.set(db, cache);
  }
  const frozen = cache.get(key);
  if (frozen) return frozen;
  const [{ items, texts }, answered] = await Promise.all([
    loadFeedbackFormRows(db, form.id),
    feedbackFormHasResponses(db, audience, form.version),
  ]);
  const pick = (rows: typeof texts) =>
    rows.find((t) => t.locale === locale)?.text ?? rows.find((t) => t.locale === "da")?.text ?? "";
  const scales: PublicFeedbackForm["scales"] = {};
  for (const scale of new Set(items.map((i) => i.scale))) {
    scales[scale] = FEEDBACK_SCALES[scale].options.map((option) => ({
      value: option.value,
      label: pick(texts.filter((t) => t.scale === scale && t.option_value === option.value)),
      icon: option.icon,
    }));
  }
  const publicForm: PublicFeedbackForm = {
    version: form.version,
    title: pick(texts.filter((t) => t.item_id === null && t.scale === null)),
    items: items.map((item) => ({
      key: item.key,
      scale: item.scale,
      text: pick(texts.filter((t) => t.item_id === item.id)),
    })),
    scales,
  };
  const definition: FeedbackFormDefinition = {
    version: form.version,
    items: items.map((i) => ({ key: i.key, scale: i.scale })),
    locales: AUDIENCE_LOCALES[audience],
  };
  if (answered) cache.set(key, { publicForm, definition });
  return { publicForm, definition };
}

function baseModel(code: string, locale: FeedbackLocale): FeedbackPageModel {
  return {
    status: 200,
    view: "form",
    locale,
    dir: localeDirection(locale),
    locales: FEEDBACK_LOCALES,
    code,
    audience: null,
    opensAt: null,
    strict: false,
    form: null,
    draft: null,
    errors: {},
  };
}

type SessionCheck =
  | { ok: false; model: FeedbackPageModel }
  | {
      ok: true;
      model: FeedbackPageModel;
      session: NonNullable<Awaited<ReturnType<typeof findFeedbackSessionByCode>>>;
    };

/** Finds the session and checks the device cookie and the window, in that order. */
async function checkSession(
  db: DB,
  input: {
    code: string;
    lang: string | null;
    postedLang?: string | null;
    cookieHeader: string | null;
    now: Date;
  },
): Promise<SessionCheck> {
  const code = normalizeShortCode(input.code);
  const session = isValidShortCode(code) ? await findFeedbackSessionByCode(db, code) : undefined;
  if (!session) {
    const locale = [input.postedLang, input.lang].find(isFeedbackLocale) ?? "da";
    return { ok: false, model: { ...baseModel(code, locale), status: 404, view: "unknown" } };
  }
  const wanted = [input.postedLang, input.lang].find((l) =>
    AUDIENCE_LOCALES[session.audience].some((offered) => offered === l),
  );
  const locale = pickFeedbackLocale(session.audience, wanted);
  const model: FeedbackPageModel = {
    ...baseModel(code, locale),
    locales: AUDIENCE_LOCALES[session.audience],
    audience: session.audience,
    strict: session.strict_feedback === 1,
  };
  if (hasAnsweredCookie(input.cookieHeader, code)) {
    return { ok: false, model: { ...model, view: "already" } };
  }
  const window = feedbackWindow(session.starts_at, session.feedback_close_days);
  const state = session.status === "cancelled" ? "closed" : feedbackWindowState(input.now, window);
  if (state === "not_open") {
    return {
      ok: false,
      model: { ...model, status: 403, view: "not_open", opensAt: window.opensAt },
    };
  }
  if (state === "closed") return { ok: false, model: { ...model, status: 410, view: "closed" } };
  return { ok: true, model, session };
}

/** The page for `/f/:code` (GET). */
export async function loadFeedbackPage(
  db: DB,
  input: { code: string; lang: string | null; cookieHeader: string | null; now: Date },
): Promise<FeedbackPageModel> {
  const checked = await checkSession(db, input);
  if (!checked.ok) return checked.model;
  const { publicForm } = await loadPublicForm(db, checked.session.audience, checked.model.locale);
  return { ...checked.model, form: publicForm };
}

export type SubmitFeedbackResult =
  | { saved: true; code: string; locale: FeedbackLocale; commentNotSaved: boolean }
  | { saved: false; model: FeedbackPageModel };

/** The form a POST answers: the session passed its checks, with the version's definition. */
export type OpenFeedbackForm = Extract<SessionCheck, { ok: true }> & LoadedPublicForm;

/**
 * Step one of saving an answer (POST `/f/:code`): the session's checks and the form version the
 * answer must fit. The route parses the posted fields against `definition` (the domain's
 * `readFeedbackAnswer`) and passes the typed answer to `submitFeedback`.
 */
export async function openFeedbackForm(
  db: DB,
  input: {
    code: string;
    lang: string | null;
    /** The language the form was shown in (its hidden `locale` field). */
    postedLang: string | null;
    cookieHeader: string | null;
    now: Date;
  },
): Promise<OpenFeedbackForm | { ok: false; model: FeedbackPageModel }> {
  const checked = await checkSession(db, input);
  if (!checked.ok) {
    const model = checked.model;
    // Posting again from a device that already answered is a conflict, not a success.
    return { ok: false, model: model.view === "already" ? { ...model, status: 409 } : model };
  }
  return {
    ...checked,
    ...(await loadPublicForm(db, checked.session.audience, checked.model.locale)),
  };
}

/** One answer for the writer: where it goes, its one-time code's hashes (strict sessions). */
interface AnswerJob {
  sessionId: number;
  oneTimeCodeHashes: string[] | null;
  response: NewFeedbackResponse;
}

type AnswerOutcome = "saved" | "full" | "used" | "invalid";

/**
 * Writes a batch of answers in one write transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL:
 * SERIALIZABLE, re-run on conflict): each session's state is read once, each answer is checked in
 * arrival order against its session's cap (counting the answers accepted before it in the batch)
 * and its one-time code, and the accepted ones are inserted with their counts and rollups added
 * up. The cap holds under concurrency as with one answer per transaction. Only database reads
 * and writes inside, so a re-run counts each answer once. Nothing of the batch is stored: the
 * responses get random ids in a table without row order (privacy.md).
 */
async function writeAnswers(db: DB, jobs: readonly AnswerJob[]): Promise<AnswerOutcome[]> {
  return writeTransaction(db, async (trx) => {
    const sessionIds = [...new Set(jobs.map((job) => job.sessionId))];
    const states = new Map<number, AnswerSessionState>();
    for (const id of sessionIds) {
      const state = await loadAnswerSessionState(trx, id);
      if (state) states.set(id, state);
    }
    const accepted: NewFeedbackResponse[] = [];
    const acceptedPerSession = new Map<number, number>();
    const outcomes: AnswerOutcome[] = [];
    for (const job of jobs) {
      const state = states.get(job.sessionId);
      const before = acceptedPerSession.get(job.sessionId) ?? 0;
      const cap = state
        ? feedbackAnswerCap({
            attendance: registeredAttendance(state.attendance),
            expected: state.expected,
          })
        : 0;
      if (!state || state.responses + before >= cap) {
        outcomes.push("full");
        continue;
      }
      if (job.oneTimeCodeHashes) {
        const used = await consumeOneTimeCode(trx, job.sessionId, job.oneTimeCodeHashes);
        if (used !== "ok") {
          outcomes.push(used);
          continue;
        }
      }
      accepted.push(job.response);
      acceptedPerSession.set(job.sessionId, before + 1);
      outcomes.push("saved");
    }
    // The rollups move from the state read above: only of the sessions that got answers.
    const touched = [...acceptedPerSession.keys()].flatMap((id) => {
      const state = states.get(id);
      return state ? [state.rollup] : [];
    });
    await insertFeedbackResponses(trx, accepted, {
      sessions: touched.flatMap((state) => state.sessions),
      counts: {
        sessions: touched.flatMap((state) => state.counts.sessions),
        items: touched.flatMap((state) => state.counts.items),
        scales: touched.flatMap((state) => state.counts.scales),
      },
    });
    return outcomes;
  });
}

/** One writer per database handle: answers arriving while a batch is written form the next. */
const answerWriters = new WeakMap<DB, GroupCommit<AnswerJob, AnswerOutcome>>();

function answerWriter(db: DB): GroupCommit<AnswerJob, AnswerOutcome> {
  let writer = answerWriters.get(db);
  if (!writer) {
    writer = createGroupCommit((jobs) => writeAnswers(db, jobs), {
      retryAlone: (error) => !(error instanceof WriteLockTimeoutError),
    });
    answerWriters.set(db, writer);
  }
  return writer;
}

/**
 * Saves one anonymous response to an open form. Invalid answers re-show the form with every
 * valid answer kept; an over-long comment alone does not stop the answers being saved (see
 * `parseFeedbackFormData`). In strict mode the one-time code is used up in the same transaction
 * as the insert, and nothing records which code went with which response.
 */
export async function submitFeedback(
  db: DB,
  form: OpenFeedbackForm,
  input: {
    answer: FeedbackAnswerInput;
    secrets: readonly string[];
    /** False when this client is over the in-memory submission limit (checked by the route). */
    clientAllowed?: boolean;
  },
): Promise<SubmitFeedbackResult> {
  const { session, model, publicForm } = form;

  // A filled honeypot is a bot: pretend success, save nothing.
  if (input.answer.honeypot) {
    return { saved: true, code: model.code, locale: model.locale, commentNotSaved: false };
  }

  const { parsed } = input.answer;
  if (input.clientAllowed === false) {
    // Too many submissions from this network just now: keep what was typed and ask to wait.
    return {
      saved: false,
      model: {
        ...model,
        status: 429,
        form: publicForm,
        draft: parsed.ok
          ? {
              formVersion: parsed.value.formVersion,
              locale: parsed.value.locale,
              answers: parsed.value.answers,
              ...(parsed.value.comment === undefined ? {} : { comment: parsed.value.comment }),
            }
          : parsed.value,
        errors: { form: "feedback.error.busy" },
      },
    };
  }
  if (!parsed.ok) {
    return {
      saved: false,
      model: {
        ...model,
        status: 422,
        form: publicForm,
        draft: parsed.value,
        errors: parsed.errors,
      },
    };
  }
  const submission = parsed.value;
  const draft: FeedbackSubmissionDraft = {
    formVersion: submission.formVersion,
    locale: submission.locale,
    answers: submission.answers,
    ...(submission.comment === undefined ? {} : { comment: submission.comment }),
  };

  let oneTimeCodeHashList: string[] | null = null;
  if (model.strict) {
    const typed = input.answer.oneTimeCode;
    const error =
      typed === ""
        ? "feedback.oneTimeCode.required"
        : isValidOneTimeCode(typed)
          ? null
          : "feedback.oneTimeCode.invalid";
    if (error) {
      return {
        saved: false,
        model: { ...model, status: 422, form: publicForm, draft, errors: { oneTimeCode: error } },
      };
    }
    oneTimeCodeHashList = oneTimeCodeHashes(input.secrets, session.id, typed);
  }

  const outcome = await answerWriter(db).submit({
    sessionId: session.id,
    oneTimeCodeHashes: oneTimeCodeHashList,
    response: {
      sessionId: session.id,
      audience: session.audience,
      formVersion: submission.formVersion,
      locale: submission.locale,
      answers: submission.answers,
      comment: submission.comment ?? null,
      sessionDate: utcToCopenhagen(session.starts_at).date,
    },
  });
  if (outcome === "full") {
    return { saved: false, model: { ...model, status: 409, view: "full" } };
  }
  if (outcome !== "saved") {
    return {
      saved: false,
      model: {
        ...model,
        status: outcome === "used" ? 409 : 422,
        form: publicForm,
        draft,
        errors: {
          oneTimeCode:
            outcome === "used" ? "feedback.oneTimeCode.used" : "feedback.oneTimeCode.invalid",
        },
      },
    };
  }
  return {
    saved: true,
    code: model.code,
    locale: submission.locale,
    commentNotSaved: parsed.warnings.comment !== undefined,
  };
}
