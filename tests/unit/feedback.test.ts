import { describe, expect, it } from "vitest";
import {
  ANSWER_FIELD_PREFIX,
  buildFeedbackSubmissionSchema,
  FEEDBACK_COMMENT_MAX_LENGTH,
  FEEDBACK_ERRORS,
  type FeedbackFormDefinition,
  feedbackWindow,
  feedbackWindowState,
  formatOneTimeCode,
  generateOneTimeCodes,
  generateShortCode,
  isValidOneTimeCode,
  isValidShortCode,
  normalizeOneTimeCode,
  normalizeShortCode,
  parseFeedbackFormData,
  SHORT_CODE_ALPHABET,
} from "~/domain/feedback";
import {
  AUDIENCE_LOCALES,
  DRAFT_LOCALES,
  FEEDBACK_AUDIENCES,
  FEEDBACK_BANK,
  FEEDBACK_LOCALES,
  FEEDBACK_SCALES,
  type FeedbackAudience,
  type FeedbackLocale,
  isRtl,
  RTL_LOCALES,
  scaleValues,
} from "~/domain/feedback-bank";
import { feedbackFormMessages, feedbackText } from "~/i18n/feedback-form";

/** The Danish wording, copied verbatim from the item bank in privacy.md. */
const PRIVACY_MD_ITEMS: Record<FeedbackAudience, string[]> = {
  pupils: [
    "Var workshoppen let at forstå?",
    "Lærte du noget nyt?",
    "Jeg ved mere om børns og unges rettigheder nu.",
    "Alle unge bør selv kunne vælge, hvem de er venner med.",
    "Jeg ved, hvor jeg kan få hjælp, hvis jeg eller en ven har brug for det.",
    "Der er en voksen på skolen, jeg kan tale med.",
    "Jeg følte mig tryg under workshoppen.",
    "Vil du anbefale workshoppen til andre?",
  ],
  parents: [
    "Jeg fik ny viden om børns rettigheder.",
    "Jeg ved, hvor jeg kan søge råd, hvis jeg er bekymret for et barn.",
    "Jeg føler mig bedre rustet til at tale med mit barn om venskaber og kærester.",
    "Emnet blev behandlet respektfuldt.",
    "Informationen var let at forstå.",
    "Jeg kunne stille spørgsmål.",
    "Skolen bør fortsætte med den slags møder.",
  ],
  staff: [
    "Jeg kender tegn, der kan tyde på negativ social kontrol.",
    "Jeg ved, hvad jeg skal gøre ved bekymring for en elev.",
    "Jeg er tryg ved at tale med elever om emnet.",
    "Jeg er tryg ved at tale med forældre om emnet.",
    "Jeg ved, hvem i kommunen jeg kan få sparring fra.",
    "Jeg fik redskaber, jeg kan bruge i mit arbejde.",
    "Oplægget var relevant for mit arbejde.",
  ],
};

/** Locales whose audience uses the scale. */
function localesUsingScale(scale: "pupil4" | "agree5"): Set<FeedbackLocale> {
  const locales = new Set<FeedbackLocale>();
  for (const audience of FEEDBACK_AUDIENCES) {
    if (FEEDBACK_BANK[audience].scale === scale) {
      for (const locale of AUDIENCE_LOCALES[audience]) locales.add(locale);
    }
  }
  return locales;
}

const ARABIC_KAF = "\u0643";
const ARABIC_YEH = "\u064a";
const PERSIAN_KEHEH = "\u06a9";
const FARSI_YEH = "\u06cc";

/** Script sanity for a draft translation: right alphabet, right letter forms. */
function expectScript(locale: FeedbackLocale, text: string) {
  const hasArabicScript = /[\u0600-\u06ff]/.test(text);
  if (isRtl(locale)) {
    expect(hasArabicScript, `${locale}: ${text}`).toBe(true);
  } else {
    expect(hasArabicScript, `${locale}: ${text}`).toBe(false);
  }
  if (locale === "fa" || locale === "ur") {
    // Farsi and Urdu use keheh and Farsi yeh, not the Arabic letter forms.
    expect(text.includes(ARABIC_KAF), `${locale}: ${text}`).toBe(false);
    expect(text.includes(ARABIC_YEH), `${locale}: ${text}`).toBe(false);
  }
  if (locale === "ar") {
    expect(text.includes(PERSIAN_KEHEH), `${locale}: ${text}`).toBe(false);
    expect(text.includes(FARSI_YEH), `${locale}: ${text}`).toBe(false);
  }
}

describe("item bank", () => {
  it("has exactly the items of privacy.md, in order, with the Danish wording as written", () => {
    for (const audience of FEEDBACK_AUDIENCES) {
      expect(FEEDBACK_BANK[audience].items.map((item) => item.texts.da)).toEqual(
        PRIVACY_MD_ITEMS[audience],
      );
    }
    expect(FEEDBACK_BANK.pupils.items).toHaveLength(8);
    expect(FEEDBACK_BANK.parents.items).toHaveLength(7);
    expect(FEEDBACK_BANK.staff.items).toHaveLength(7);
  });

  it("uses the pupil scale for pupils and the agreement scale for parents and staff", () => {
    expect(FEEDBACK_BANK.pupils.scale).toBe("pupil4");
    expect(FEEDBACK_BANK.parents.scale).toBe("agree5");
    expect(FEEDBACK_BANK.staff.scale).toBe("agree5");
  });

  it("offers the languages of the spec per audience", () => {
    expect(AUDIENCE_LOCALES.pupils).toEqual(["da", "en", "ar"]);
    expect(AUDIENCE_LOCALES.parents).toEqual(["da", "en", "ar", "so", "ur", "tr", "fa"]);
    expect(AUDIENCE_LOCALES.staff).toEqual(["da", "en"]);
    expect(FEEDBACK_LOCALES).toEqual(["da", "en", "ar", "so", "ur", "tr", "fa"]);
  });

  it("marks Arabic, Urdu and Farsi as right-to-left and nothing else", () => {
    expect([...RTL_LOCALES].sort()).toEqual(["ar", "fa", "ur"]);
    expect(FEEDBACK_LOCALES.filter(isRtl).sort()).toEqual(["ar", "fa", "ur"]);
  });

  it("has unique, field-name-safe item keys within each audience", () => {
    for (const audience of FEEDBACK_AUDIENCES) {
      const keys = FEEDBACK_BANK[audience].items.map((item) => item.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });

  it("has a non-empty text for every item in every language of its audience, in the right script", () => {
    for (const audience of FEEDBACK_AUDIENCES) {
      for (const item of FEEDBACK_BANK[audience].items) {
        for (const locale of AUDIENCE_LOCALES[audience]) {
          const text = item.texts[locale];
          expect(text?.trim(), `${audience}.${item.key}.${locale}`).toBeTruthy();
          expectScript(locale, text!);
        }
        // Translations are distinct from the Danish source (not copied placeholders).
        for (const locale of AUDIENCE_LOCALES[audience].filter((l) => l !== "da")) {
          expect(item.texts[locale]).not.toBe(item.texts.da);
        }
      }
    }
  });

  it("marks every non-Danish text as a draft pending native review, and Danish as not", () => {
    expect([...DRAFT_LOCALES].sort()).toEqual(["ar", "en", "fa", "so", "tr", "ur"]);
    for (const audience of FEEDBACK_AUDIENCES) {
      for (const item of FEEDBACK_BANK[audience].items) {
        const expected = AUDIENCE_LOCALES[audience].filter((l) => l !== "da");
        expect([...item.draftLocales].sort()).toEqual([...expected].sort());
      }
    }
    for (const scale of Object.values(FEEDBACK_SCALES)) {
      for (const option of scale.options) {
        expect(option.draftLocales).not.toContain("da");
        expect(option.draftLocales.length).toBe(Object.keys(option.labels).length - 1);
      }
    }
  });

  it("defines the pupil scale as Ja, meget / Ja, lidt / Nej / Ved ikke with icons and top box", () => {
    const options = FEEDBACK_SCALES.pupil4.options;
    expect(options.map((o) => o.labels.da)).toEqual(["Ja, meget", "Ja, lidt", "Nej", "Ved ikke"]);
    // Issue 9: the pupils' top box is "Ja, meget" + "Ja, lidt" (the two positive answers).
    expect(options.filter((o) => o.topBox).map((o) => o.value)).toEqual(["yes_very", "yes_little"]);
    expect(options.filter((o) => o.isDontKnow).map((o) => o.value)).toEqual(["dont_know"]);
    expect(options.map((o) => o.score)).toEqual([3, 2, 1, null]);
    expect(options.map((o) => o.icon)).toEqual([
      "face-grin",
      "face-smile",
      "face-frown",
      "question",
    ]);
  });

  it("defines the agreement scale as 5 points plus Ved ikke, top box = Helt enig + Enig", () => {
    const options = FEEDBACK_SCALES.agree5.options;
    expect(options.map((o) => o.labels.da)).toEqual([
      "Helt enig",
      "Enig",
      "Hverken enig eller uenig",
      "Uenig",
      "Helt uenig",
      "Ved ikke",
    ]);
    expect(options.filter((o) => o.topBox).map((o) => o.value)).toEqual([
      "strongly_agree",
      "agree",
    ]);
    expect(options.map((o) => o.score)).toEqual([5, 4, 3, 2, 1, null]);
    expect(options.filter((o) => o.isDontKnow)).toHaveLength(1);
  });

  it("labels every scale option in every language of the audiences using the scale", () => {
    for (const scale of Object.values(FEEDBACK_SCALES)) {
      const locales = localesUsingScale(scale.key);
      expect(locales.size).toBeGreaterThan(0);
      const values = scale.options.map((o) => o.value);
      expect(new Set(values).size).toBe(values.length);
      for (const option of scale.options) {
        for (const locale of locales) {
          expect(
            option.labels[locale]?.trim(),
            `${scale.key}.${option.value}.${locale}`,
          ).toBeTruthy();
          expectScript(locale, option.labels[locale]!);
        }
        // "Don't know" never has a score; every other option has one.
        expect(option.score === null).toBe(option.isDontKnow);
      }
      // Labels within a language are distinct, or the choice would be ambiguous.
      for (const locale of locales) {
        const labels = scale.options.map((o) => o.labels[locale]);
        expect(new Set(labels).size, `${scale.key}.${locale}`).toBe(labels.length);
      }
    }
    expect(localesUsingScale("agree5")).toEqual(new Set(FEEDBACK_LOCALES));
  });
});

describe("feedback page texts", () => {
  const daKeys = Object.keys(feedbackFormMessages.da).sort();

  it("has the same keys in every language, none empty, in the right script", () => {
    for (const locale of FEEDBACK_LOCALES) {
      expect(Object.keys(feedbackFormMessages[locale]).sort(), locale).toEqual(daKeys);
      for (const [key, text] of Object.entries(feedbackFormMessages[locale])) {
        expect(text.trim(), `${locale}.${key}`).not.toBe("");
        // Language names are the same in every locale (each in its own script): skip those.
        if (!key.startsWith("feedback.language.") || key === "feedback.language.choose") {
          expectScript(locale, text);
        }
      }
    }
  });

  it("keeps the placeholders of the Danish text in every translation", () => {
    for (const key of daKeys) {
      const placeholders = (feedbackFormMessages.da[key].match(/\{\w+\}/g) ?? []).sort();
      for (const locale of FEEDBACK_LOCALES) {
        const found = (feedbackFormMessages[locale][key].match(/\{\w+\}/g) ?? []).sort();
        expect(found, `${locale}.${key}`).toEqual(placeholders);
      }
    }
  });

  it("has a text for every error key the domain can return", () => {
    for (const key of Object.values(FEEDBACK_ERRORS)) expect(daKeys).toContain(key);
  });

  it("names each language in its own language", () => {
    const names = FEEDBACK_LOCALES.map((l) => feedbackText("en", `feedback.language.${l}`));
    expect(names).toEqual(["Dansk", "English", "العربية", "Soomaali", "اردو", "Türkçe", "فارسی"]);
    expect(feedbackText("ar", "feedback.language.da")).toBe("Dansk");
  });

  it("promises anonymity honestly and warns against names", () => {
    expect(feedbackText("da", "feedback.intro.anonymous")).toBe(
      "Dine svar er anonyme. Skriv ikke navne.",
    );
    expect(feedbackText("da", "feedback.comment.warning")).toMatch(/Skriv ikke navne/);
    expect(feedbackText("da", "feedback.title.pupils")).toBe("Hvad synes du om workshoppen?");
  });

  it("fills placeholders and falls back to the key for unknown keys", () => {
    expect(feedbackText("da", "feedback.notOpen.body", { date: "10. september" })).toBe(
      "Du kan svare fra 10. september.",
    );
    expect(feedbackText("ar", "feedback.error.commentTooLong", { max: 1000 })).toContain("1000");
    expect(feedbackText("tr", "feedback.no.such.key")).toBe("feedback.no.such.key");
  });
});

/** A deterministic byte source that replays the given bytes in a loop. */
function replay(bytes: number[]) {
  let i = 0;
  const calls: number[] = [];
  const random = (n: number) => {
    calls.push(n);
    const out = new Uint8Array(n);
    for (let k = 0; k < n; k++) out[k] = bytes[i++ % bytes.length];
    return out;
  };
  return { random, calls };
}

describe("short codes", () => {
  it("uses 30 unambiguous characters", () => {
    expect(SHORT_CODE_ALPHABET).toHaveLength(30);
    expect(new Set(SHORT_CODE_ALPHABET).size).toBe(30);
    for (const ambiguous of ["0", "O", "1", "I", "L", "U"]) {
      expect(SHORT_CODE_ALPHABET).not.toContain(ambiguous);
    }
    expect(SHORT_CODE_ALPHABET).toMatch(/^[A-Z2-9]+$/);
  });

  it("generates codes of the requested length from the alphabet", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateShortCode();
      expect(code).toMatch(new RegExp(`^[${SHORT_CODE_ALPHABET}]{6}$`));
      expect(isValidShortCode(code)).toBe(true);
    }
    expect(generateShortCode(undefined, 10)).toHaveLength(10);
    expect(() => generateShortCode(undefined, 0)).toThrow(RangeError);
  });

  it("maps bytes uniformly: each byte value below 240 is used, 240-255 are rejected", () => {
    // All 240 usable byte values hit each character exactly 8 times.
    const usable = Array.from({ length: 240 }, (_, b) => b);
    const { random } = replay(usable);
    const counts = new Map<string, number>();
    const code = generateShortCode(random, 240);
    for (const ch of code) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(30);
    expect([...counts.values()].every((c) => c === 8)).toBe(true);

    // Bytes >= 240 would bias the first 16 characters; they are skipped, not wrapped.
    const biased = replay([240, 255, 250, 0, 241, 29]);
    expect(generateShortCode(biased.random, 2)).toBe(
      `${SHORT_CODE_ALPHABET[0]}${SHORT_CODE_ALPHABET[29]}`,
    );
    expect(biased.calls.length).toBeGreaterThan(1);
  });

  it("fails loudly on a random source that never yields a usable byte", () => {
    const { random } = replay([255]);
    expect(() => generateShortCode(random)).toThrow();
  });

  it("normalizes typed codes: case, spaces, dashes, full-width and Arabic/Persian digits", () => {
    expect(normalizeShortCode(" k7p-3xm ")).toBe("K7P3XM");
    expect(normalizeShortCode("k7 p3 xm")).toBe("K7P3XM");
    expect(normalizeShortCode("K7P–3XM")).toBe("K7P3XM"); // en dash
    expect(normalizeShortCode("Ｋ７Ｐ３ＸＭ")).toBe("K7P3XM"); // full-width
    expect(normalizeShortCode("K٧P٣XM")).toBe("K7P3XM"); // Arabic-Indic digits
    expect(normalizeShortCode("K۷P۳XM")).toBe("K7P3XM"); // Persian digits
    expect(isValidShortCode(normalizeShortCode("k7p-3xm"))).toBe(true);
  });

  it("rejects codes with the wrong length or characters never issued", () => {
    expect(isValidShortCode("K7P3X")).toBe(false);
    expect(isValidShortCode("K7P3XMM")).toBe(false);
    expect(isValidShortCode("K7P3X0")).toBe(false);
    expect(isValidShortCode("K7P3XO")).toBe(false);
    expect(isValidShortCode("K7P3XI")).toBe(false);
    expect(isValidShortCode("k7p3xm")).toBe(false); // not normalized
    expect(isValidShortCode("")).toBe(false);
  });
});

describe("one-time codes", () => {
  it("generates distinct 8-character codes grouped for print", () => {
    const codes = generateOneTimeCodes(50);
    expect(codes).toHaveLength(50);
    expect(new Set(codes).size).toBe(50);
    for (const code of codes) {
      expect(code).toMatch(new RegExp(`^[${SHORT_CODE_ALPHABET}]{4}-[${SHORT_CODE_ALPHABET}]{4}$`));
      expect(isValidOneTimeCode(normalizeOneTimeCode(code))).toBe(true);
    }
  });

  it("draws again when the random source repeats a code within a batch", () => {
    const { random } = replay([
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1,
    ]);
    expect(generateOneTimeCodes(2, random)).toEqual(["2222-2222", "3333-3333"]);
  });

  it("rejects an impossible count", () => {
    expect(() => generateOneTimeCodes(0)).toThrow(RangeError);
    expect(() => generateOneTimeCodes(1.5)).toThrow(RangeError);
    expect(() => generateOneTimeCodes(100_000)).toThrow(RangeError);
  });

  it("normalizes typed one-time codes and formats them back", () => {
    expect(normalizeOneTimeCode("abcd-efgh")).toBe("ABCDEFGH");
    expect(normalizeOneTimeCode("ABCD EFGH")).toBe("ABCDEFGH");
    expect(formatOneTimeCode("ABCDEFGH")).toBe("ABCD-EFGH");
    expect(isValidOneTimeCode("ABCDEFGH")).toBe(true);
    expect(isValidOneTimeCode("ABCD-EFGH")).toBe(false);
    expect(isValidOneTimeCode("ABCDEFG")).toBe(false);
    expect(isValidOneTimeCode("ABCDEFGI")).toBe(false);
  });
});

describe("feedback window", () => {
  const start = "2024-09-10T08:00:00.000Z";

  it("opens at session start and closes 14 days later by default", () => {
    expect(feedbackWindow(start)).toEqual({
      opensAt: "2024-09-10T08:00:00.000Z",
      closesAt: "2024-09-24T08:00:00.000Z",
    });
    expect(feedbackWindow("2024-09-10T10:00:00+02:00", 3)).toEqual({
      opensAt: "2024-09-10T08:00:00.000Z",
      closesAt: "2024-09-13T08:00:00.000Z",
    });
  });

  it("is not open before the start, open from the start, closed from the end", () => {
    const window = feedbackWindow(start, 14);
    const at = (iso: string) => feedbackWindowState(new Date(iso), window);
    expect(at("2024-09-10T07:59:59.999Z")).toBe("not_open");
    expect(at("2024-09-10T08:00:00.000Z")).toBe("open");
    expect(at("2024-09-17T12:00:00.000Z")).toBe("open");
    expect(at("2024-09-24T07:59:59.999Z")).toBe("open");
    expect(at("2024-09-24T08:00:00.000Z")).toBe("closed");
    expect(at("2025-01-01T00:00:00.000Z")).toBe("closed");
  });

  it("rejects an invalid start or day count", () => {
    expect(() => feedbackWindow("not a date")).toThrow(RangeError);
    expect(() => feedbackWindow(start, 0)).toThrow(RangeError);
    expect(() => feedbackWindow(start, 2.5)).toThrow(RangeError);
  });
});

const pupilForm: FeedbackFormDefinition = {
  version: 3,
  items: FEEDBACK_BANK.pupils.items.map((item) => ({ key: item.key, scale: "pupil4" as const })),
  locales: AUDIENCE_LOCALES.pupils,
};

describe("submission schema", () => {
  const schema = buildFeedbackSubmissionSchema(pupilForm);
  const valid = {
    formVersion: 3,
    locale: "ar",
    answers: { easy_to_understand: "yes_very", felt_safe: "dont_know" },
    comment: "  Godt!  ",
  };

  function errorsOf(input: unknown) {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    return result.error!.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  }

  it("accepts a valid submission, trims the comment and drops unanswered items", () => {
    const result = schema.safeParse({
      ...valid,
      answers: { ...valid.answers, would_recommend: "", trusted_adult_at_school: null },
    });
    expect(result.success).toBe(true);
    expect(result.data).toEqual({
      formVersion: 3,
      locale: "ar",
      answers: { easy_to_understand: "yes_very", felt_safe: "dont_know" },
      comment: "Godt!",
    });
  });

  it("accepts every option of the scale for every item", () => {
    for (const item of pupilForm.items) {
      for (const value of scaleValues("pupil4")) {
        expect(schema.safeParse({ ...valid, answers: { [item.key]: value } }).success).toBe(true);
      }
    }
  });

  it("accepts a comment alone and answers alone", () => {
    expect(schema.safeParse({ formVersion: 3, locale: "da", comment: "Fint" }).success).toBe(true);
    const answersOnly = schema.safeParse({
      formVersion: 3,
      locale: "da",
      answers: { felt_safe: "no" },
    });
    expect(answersOnly.success).toBe(true);
    expect(answersOnly.data).not.toHaveProperty("comment");
  });

  it("rejects an unknown item key", () => {
    expect(errorsOf({ ...valid, answers: { favourite_teacher: "yes_very" } })).toContainEqual({
      path: "answers.favourite_teacher",
      message: FEEDBACK_ERRORS.unknownItem,
    });
  });

  it("rejects a value outside the item's scale", () => {
    expect(errorsOf({ ...valid, answers: { felt_safe: "strongly_agree" } })).toEqual([
      { path: "answers.felt_safe", message: FEEDBACK_ERRORS.answerOutOfScale },
    ]);
    expect(errorsOf({ ...valid, answers: { felt_safe: 3 } })).toEqual([
      { path: "answers.felt_safe", message: FEEDBACK_ERRORS.answerOutOfScale },
    ]);
  });

  it("rejects another form version", () => {
    expect(errorsOf({ ...valid, formVersion: 2 })).toEqual([
      { path: "formVersion", message: FEEDBACK_ERRORS.wrongFormVersion },
    ]);
    expect(errorsOf({ ...valid, formVersion: undefined })).toEqual([
      { path: "formVersion", message: FEEDBACK_ERRORS.wrongFormVersion },
    ]);
  });

  it("rejects a language that is unknown or not offered for this form", () => {
    expect(errorsOf({ ...valid, locale: "de" })).toEqual([
      { path: "locale", message: FEEDBACK_ERRORS.invalidLanguage },
    ]);
    // Somali is a feedback language, but not one of the pupils' form languages.
    expect(errorsOf({ ...valid, locale: "so" })).toEqual([
      { path: "locale", message: FEEDBACK_ERRORS.invalidLanguage },
    ]);
  });

  it("rejects a comment over 1000 characters, counting an emoji as one", () => {
    expect(
      schema.safeParse({ ...valid, comment: "x".repeat(FEEDBACK_COMMENT_MAX_LENGTH) }).success,
    ).toBe(true);
    expect(schema.safeParse({ ...valid, comment: "😀".repeat(1000) }).success).toBe(true);
    expect(errorsOf({ ...valid, comment: "x".repeat(1001) })).toEqual([
      { path: "comment", message: FEEDBACK_ERRORS.commentTooLong },
    ]);
  });

  it("requires at least one answer or a comment", () => {
    const expected = [{ path: "", message: FEEDBACK_ERRORS.atLeastOne }];
    expect(errorsOf({ formVersion: 3, locale: "da", answers: {} })).toEqual(expected);
    expect(
      errorsOf({ formVersion: 3, locale: "da", answers: { felt_safe: "" }, comment: "   " }),
    ).toEqual(expected);
  });
});

function post(fields: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
}

const answer = (key: string) => `${ANSWER_FIELD_PREFIX}${key}`;

describe("parseFeedbackFormData", () => {
  it("maps answer.<key>, comment, formVersion and locale and ignores other fields", () => {
    const result = parseFeedbackFormData(
      post([
        ["formVersion", "3"],
        ["locale", "da"],
        [answer("easy_to_understand"), "yes_little"],
        [answer("would_recommend"), "no"],
        ["comment", "Sjovt"],
        ["website", ""], // honeypot, handled by the caller
        ["oneTimeCode", "ABCD-EFGH"],
      ]),
      pupilForm,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        formVersion: 3,
        locale: "da",
        answers: { easy_to_understand: "yes_little", would_recommend: "no" },
        comment: "Sjovt",
      },
      warnings: {},
    });
  });

  it("accepts URLSearchParams too", () => {
    const params = new URLSearchParams("formVersion=3&locale=en&answer.felt_safe=yes_very");
    const result = parseFeedbackFormData(params, pupilForm);
    expect(result.ok).toBe(true);
    expect(result.value.answers).toEqual({ felt_safe: "yes_very" });
  });

  it("keeps the answers when only the comment is invalid, with a warning", () => {
    const result = parseFeedbackFormData(
      post([
        ["formVersion", "3"],
        ["locale", "ar"],
        [answer("felt_safe"), "yes_very"],
        [answer("knows_rights"), "dont_know"],
        ["comment", "x".repeat(1001)],
      ]),
      pupilForm,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        formVersion: 3,
        locale: "ar",
        answers: { felt_safe: "yes_very", knows_rights: "dont_know" },
      },
      warnings: { comment: FEEDBACK_ERRORS.commentTooLong },
    });
  });

  it("fails with the comment error when an invalid comment was the only content", () => {
    const long = "x".repeat(1001);
    const result = parseFeedbackFormData(
      post([
        ["formVersion", "3"],
        ["locale", "da"],
        ["comment", long],
      ]),
      pupilForm,
    );
    expect(result).toEqual({
      ok: false,
      errors: { comment: FEEDBACK_ERRORS.commentTooLong },
      value: { formVersion: 3, locale: "da", answers: {}, comment: long },
    });
  });

  it("reports field errors and keeps every valid answer in the draft", () => {
    const result = parseFeedbackFormData(
      post([
        ["formVersion", "3"],
        ["locale", "da"],
        [answer("felt_safe"), "yes_very"],
        [answer("knows_rights"), "maybe"],
        [answer("shoe_size"), "no"],
        ["comment", "Tak"],
      ]),
      pupilForm,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        [answer("knows_rights")]: FEEDBACK_ERRORS.answerOutOfScale,
        [answer("shoe_size")]: FEEDBACK_ERRORS.unknownItem,
      },
      value: { formVersion: 3, locale: "da", answers: { felt_safe: "yes_very" }, comment: "Tak" },
    });
  });

  it("rejects a wrong or malformed form version and a missing language", () => {
    for (const version of ["2", "3.0", "", "abc"]) {
      const result = parseFeedbackFormData(
        post([
          ["formVersion", version],
          [answer("felt_safe"), "no"],
        ]),
        pupilForm,
      );
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.errors.formVersion).toBe(FEEDBACK_ERRORS.wrongFormVersion);
      expect(result.errors.locale).toBe(FEEDBACK_ERRORS.invalidLanguage);
      expect(result.value.answers).toEqual({ felt_safe: "no" });
    }
  });

  it("treats an answer sent twice for one item as invalid", () => {
    const result = parseFeedbackFormData(
      post([
        ["formVersion", "3"],
        ["locale", "da"],
        [answer("felt_safe"), "no"],
        [answer("felt_safe"), "yes_very"],
        [answer("knows_rights"), "no"],
      ]),
      pupilForm,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({ [answer("felt_safe")]: FEEDBACK_ERRORS.answerOutOfScale });
    expect(result.value.answers).toEqual({ knows_rights: "no" });
  });

  it("reports an empty form as a form-level error", () => {
    const result = parseFeedbackFormData(
      post([
        ["formVersion", "3"],
        ["locale", "da"],
        ["comment", ""],
      ]),
      pupilForm,
    );
    expect(result).toEqual({
      ok: false,
      errors: { form: FEEDBACK_ERRORS.atLeastOne },
      value: { formVersion: 3, locale: "da", answers: {} },
    });
  });
});
