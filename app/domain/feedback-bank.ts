/**
 * The first version of the anonymous feedback item bank (see docs: privacy.md, "Item bank").
 *
 * This is data only: a seed script copies it into the versioned feedback form tables. Once a form
 * version has answers it is never edited; a changed wording becomes a new form version.
 *
 * Danish is the source language (wording drafted by the project, to be reviewed by the department).
 * Every other language is a good-faith draft translation that must be reviewed by a native speaker
 * before it is treated as final; each item and scale option lists its draft languages in
 * `draftLocales` so the database (and the coordinator UI) can show that status.
 *
 * No demographic questions, on purpose: in small groups they identify children.
 */

import { FEEDBACK_AUDIENCES, type FeedbackAudience } from "./feedback-audiences";

export const FEEDBACK_LOCALES = ["da", "en", "ar", "so", "ur", "tr", "fa"] as const;
export type FeedbackLocale = (typeof FEEDBACK_LOCALES)[number];

/** Right-to-left scripts: Arabic, Urdu, Farsi. */
export const RTL_LOCALES: readonly FeedbackLocale[] = ["ar", "ur", "fa"];

export function isFeedbackLocale(value: unknown): value is FeedbackLocale {
  return typeof value === "string" && (FEEDBACK_LOCALES as readonly string[]).includes(value);
}

export function isRtl(locale: FeedbackLocale): boolean {
  return RTL_LOCALES.includes(locale);
}

/** BCP 47 tag and direction for `<html lang dir>` on the public feedback pages. */
export function localeDirection(locale: FeedbackLocale): "rtl" | "ltr" {
  return isRtl(locale) ? "rtl" : "ltr";
}

export { FEEDBACK_AUDIENCES, type FeedbackAudience };

/** The languages each audience's form is offered in (first = default). */
export const AUDIENCE_LOCALES: Record<FeedbackAudience, readonly FeedbackLocale[]> = {
  pupils: ["da", "en", "ar"],
  parents: ["da", "en", "ar", "so", "ur", "tr", "fa"],
  staff: ["da", "en"],
};

/** Languages whose texts in this bank are draft translations pending native review. */
export const DRAFT_LOCALES: readonly FeedbackLocale[] = ["en", "ar", "so", "ur", "tr", "fa"];

export function isDraftLocale(locale: FeedbackLocale): boolean {
  return DRAFT_LOCALES.includes(locale);
}

export const FEEDBACK_BANK_VERSION = 1;

export type LocalizedTexts = Partial<Record<FeedbackLocale, string>>;

function draftLocalesOf(texts: LocalizedTexts): FeedbackLocale[] {
  return FEEDBACK_LOCALES.filter((locale) => texts[locale] !== undefined && isDraftLocale(locale));
}

// ---------------------------------------------------------------------------------------------
// Scales
// ---------------------------------------------------------------------------------------------

export type FeedbackScaleKey = "pupil4" | "agree5";

/** The pictures of the pupil scale (app/components/feedback-icons.tsx draws them). */
export const FEEDBACK_ICON_NAMES = ["face-grin", "face-smile", "face-frown", "question"] as const;
export type FeedbackIconName = (typeof FEEDBACK_ICON_NAMES)[number];

export interface FeedbackScaleOption {
  /** Stored in the response; stable across form versions and languages. */
  value: string;
  /** Counts towards the top-box share ("Ja, meget" + "Ja, lidt"; "Helt enig" + "Enig"). */
  topBox: boolean;
  isDontKnow: boolean;
  /** Ordinal score, higher = more positive; null for "don't know" (excluded from scores). */
  score: number | null;
  /**
   * A simple picture for children's forms, drawn as SVG by the form page (an emoji would depend on
   * the phone's fonts: a box on phones without a colour emoji font, and a font search for every
   * one). Decorative only: the label is the accessible name, so it is rendered `aria-hidden`.
   */
  icon: FeedbackIconName | null;
  labels: LocalizedTexts;
  draftLocales: readonly FeedbackLocale[];
}

export interface FeedbackScale {
  key: FeedbackScaleKey;
  options: readonly FeedbackScaleOption[];
}

function option(
  value: string,
  props: Pick<FeedbackScaleOption, "topBox" | "isDontKnow" | "score" | "icon">,
  labels: LocalizedTexts,
): FeedbackScaleOption {
  return { value, ...props, labels, draftLocales: draftLocalesOf(labels) };
}

/** Pupils: Ja, meget / Ja, lidt / Nej / Ved ikke. */
const PUPIL4: FeedbackScale = {
  key: "pupil4",
  options: [
    option(
      "yes_very",
      { topBox: true, isDontKnow: false, score: 3, icon: "face-grin" },
      { da: "Ja, meget", en: "Yes, a lot", ar: "نعم، كثيرًا" },
    ),
    option(
      "yes_little",
      { topBox: true, isDontKnow: false, score: 2, icon: "face-smile" },
      { da: "Ja, lidt", en: "Yes, a little", ar: "نعم، قليلًا" },
    ),
    option(
      "no",
      { topBox: false, isDontKnow: false, score: 1, icon: "face-frown" },
      { da: "Nej", en: "No", ar: "لا" },
    ),
    option(
      "dont_know",
      { topBox: false, isDontKnow: true, score: null, icon: "question" },
      { da: "Ved ikke", en: "Don't know", ar: "لا أعرف" },
    ),
  ],
};

/** Parents and staff: 5-point agreement plus "Ved ikke". */
const AGREE5: FeedbackScale = {
  key: "agree5",
  options: [
    option(
      "strongly_agree",
      { topBox: true, isDontKnow: false, score: 5, icon: null },
      {
        da: "Helt enig",
        en: "Strongly agree",
        ar: "موافق بشدة",
        so: "Aad baan ugu raacsanahay",
        ur: "پوری طرح متفق",
        tr: "Kesinlikle katılıyorum",
        fa: "کاملاً موافقم",
      },
    ),
    option(
      "agree",
      { topBox: true, isDontKnow: false, score: 4, icon: null },
      {
        da: "Enig",
        en: "Agree",
        ar: "موافق",
        so: "Waan ku raacsanahay",
        ur: "متفق",
        tr: "Katılıyorum",
        fa: "موافقم",
      },
    ),
    option(
      "neither",
      { topBox: false, isDontKnow: false, score: 3, icon: null },
      {
        da: "Hverken enig eller uenig",
        en: "Neither agree nor disagree",
        ar: "محايد",
        so: "Dhexdhexaad",
        ur: "نہ متفق نہ غیر متفق",
        tr: "Ne katılıyorum ne katılmıyorum",
        fa: "نه موافقم نه مخالف",
      },
    ),
    option(
      "disagree",
      { topBox: false, isDontKnow: false, score: 2, icon: null },
      {
        da: "Uenig",
        en: "Disagree",
        ar: "غير موافق",
        so: "Kuma raacsani",
        ur: "غیر متفق",
        tr: "Katılmıyorum",
        fa: "مخالفم",
      },
    ),
    option(
      "strongly_disagree",
      { topBox: false, isDontKnow: false, score: 1, icon: null },
      {
        da: "Helt uenig",
        en: "Strongly disagree",
        ar: "غير موافق بشدة",
        so: "Haba yaraatee kuma raacsani",
        ur: "بالکل غیر متفق",
        tr: "Kesinlikle katılmıyorum",
        fa: "کاملاً مخالفم",
      },
    ),
    option(
      "dont_know",
      { topBox: false, isDontKnow: true, score: null, icon: null },
      {
        da: "Ved ikke",
        en: "Don't know",
        ar: "لا أعرف",
        so: "Ma aqaan",
        ur: "معلوم نہیں",
        tr: "Bilmiyorum",
        fa: "نمی‌دانم",
      },
    ),
  ],
};

export const FEEDBACK_SCALES: Record<FeedbackScaleKey, FeedbackScale> = {
  pupil4: PUPIL4,
  agree5: AGREE5,
};

/** The answer values a scale accepts, in display order. */
export function scaleValues(scale: FeedbackScaleKey): string[] {
  return FEEDBACK_SCALES[scale].options.map((o) => o.value);
}

// ---------------------------------------------------------------------------------------------
// Items
// ---------------------------------------------------------------------------------------------

export interface FeedbackItemDefinition {
  /** Stable key within the audience's form: lower snake_case (no dots: used in field names). */
  key: string;
  texts: LocalizedTexts;
  draftLocales: readonly FeedbackLocale[];
}

export interface FeedbackBankEntry {
  scale: FeedbackScaleKey;
  items: readonly FeedbackItemDefinition[];
}

function item(key: string, texts: LocalizedTexts): FeedbackItemDefinition {
  return { key, texts, draftLocales: draftLocalesOf(texts) };
}

const PUPIL_ITEMS: FeedbackItemDefinition[] = [
  item("easy_to_understand", {
    da: "Var workshoppen let at forstå?",
    en: "Was the workshop easy to understand?",
    ar: "هل كانت الورشة سهلة الفهم؟",
  }),
  item("learned_something_new", {
    da: "Lærte du noget nyt?",
    en: "Did you learn something new?",
    ar: "هل تعلّمت شيئًا جديدًا؟",
  }),
  item("knows_rights", {
    da: "Jeg ved mere om børns og unges rettigheder nu.",
    en: "I know more about children's and young people's rights now.",
    ar: "أعرف الآن أكثر عن حقوق الأطفال والشباب.",
  }),
  item("choose_own_friends", {
    da: "Alle unge bør selv kunne vælge, hvem de er venner med.",
    en: "All young people should be able to choose for themselves who they are friends with.",
    ar: "يجب أن يتمكّن جميع الشباب من أن يختاروا بأنفسهم من يصادقون.",
  }),
  item("knows_where_to_get_help", {
    da: "Jeg ved, hvor jeg kan få hjælp, hvis jeg eller en ven har brug for det.",
    en: "I know where I can get help if I or a friend need it.",
    ar: "أعرف أين يمكنني الحصول على المساعدة إذا احتجت إليها أنا أو أحد أصدقائي.",
  }),
  item("trusted_adult_at_school", {
    da: "Der er en voksen på skolen, jeg kan tale med.",
    en: "There is an adult at school I can talk to.",
    ar: "يوجد شخص بالغ في المدرسة يمكنني التحدث معه.",
  }),
  item("felt_safe", {
    da: "Jeg følte mig tryg under workshoppen.",
    en: "I felt safe during the workshop.",
    ar: "شعرت بالأمان خلال الورشة.",
  }),
  item("would_recommend", {
    da: "Vil du anbefale workshoppen til andre?",
    en: "Would you recommend the workshop to others?",
    ar: "هل تنصح الآخرين بهذه الورشة؟",
  }),
];

const PARENT_ITEMS: FeedbackItemDefinition[] = [
  item("new_knowledge_rights", {
    da: "Jeg fik ny viden om børns rettigheder.",
    en: "I gained new knowledge about children's rights.",
    ar: "حصلت على معرفة جديدة عن حقوق الأطفال.",
    so: "Waxaan helay aqoon cusub oo ku saabsan xuquuqda carruurta.",
    ur: "مجھے بچوں کے حقوق کے بارے میں نئی معلومات ملیں۔",
    tr: "Çocuk hakları hakkında yeni bilgiler edindim.",
    fa: "دربارهٔ حقوق کودکان اطلاعات تازه‌ای به دست آوردم.",
  }),
  item("knows_where_to_seek_advice", {
    da: "Jeg ved, hvor jeg kan søge råd, hvis jeg er bekymret for et barn.",
    en: "I know where I can seek advice if I am worried about a child.",
    ar: "أعرف أين يمكنني طلب المشورة إذا شعرت بالقلق على طفل.",
    so: "Waan ogahay meesha aan talo ka raadsan karo haddii aan ka welwelsanahay ilmo.",
    ur: "مجھے معلوم ہے کہ کسی بچے کے بارے میں فکر ہونے کی صورت میں مشورہ کہاں سے ملے گا۔",
    tr: "Bir çocuk için endişelenirsem nereden tavsiye alabileceğimi biliyorum.",
    fa: "می‌دانم اگر نگران کودکی باشم، از کجا می‌توانم مشورت بگیرم.",
  }),
  item("better_equipped_to_talk", {
    da: "Jeg føler mig bedre rustet til at tale med mit barn om venskaber og kærester.",
    en: "I feel better prepared to talk with my child about friendships and boyfriends or girlfriends.",
    ar: "لديّ الآن استعداد أفضل للتحدث مع طفلي عن الصداقات والعلاقات العاطفية.",
    so: "Waxaan dareemayaa inaan si fiican ugu diyaarsanahay inaan ilmahayga kala hadlo saaxiibtinnimada iyo xiriirka jacaylka.",
    ur: "اب میرے لیے اپنے بچے سے دوستی اور رومانوی رشتوں کے بارے میں بات کرنا پہلے سے آسان ہے۔",
    tr: "Çocuğumla arkadaşlıklar ve sevgililer hakkında konuşmaya kendimi daha hazır hissediyorum.",
    fa: "احساس می‌کنم برای صحبت با فرزندم دربارهٔ دوستی‌ها و روابط عاشقانه آمادگی بیشتری دارم.",
  }),
  item("treated_respectfully", {
    da: "Emnet blev behandlet respektfuldt.",
    en: "The topic was handled respectfully.",
    ar: "تمّ تناول الموضوع باحترام.",
    so: "Mawduuca si ixtiraam leh ayaa looga hadlay.",
    ur: "موضوع پر احترام کے ساتھ بات کی گئی۔",
    tr: "Konu saygılı bir şekilde ele alındı.",
    fa: "به موضوع با احترام پرداخته شد.",
  }),
  item("information_easy_to_understand", {
    da: "Informationen var let at forstå.",
    en: "The information was easy to understand.",
    ar: "كانت المعلومات سهلة الفهم.",
    so: "Macluumaadka si fudud ayaa loo fahmi karay.",
    ur: "معلومات سمجھنے میں آسان تھیں۔",
    tr: "Bilgiler kolay anlaşılırdı.",
    fa: "اطلاعات به‌راحتی قابل فهم بود.",
  }),
  item("could_ask_questions", {
    da: "Jeg kunne stille spørgsmål.",
    en: "I was able to ask questions.",
    ar: "تمكّنت من طرح الأسئلة.",
    so: "Waxaan awooday inaan su'aalo weydiiyo.",
    ur: "مجھے سوالات پوچھنے کا موقع ملا۔",
    tr: "Soru sorabildim.",
    fa: "توانستم سؤال بپرسم.",
  }),
  item("school_should_continue", {
    da: "Skolen bør fortsætte med den slags møder.",
    en: "The school should continue to hold meetings like this.",
    ar: "يجب أن تستمر المدرسة في عقد مثل هذه اللقاءات.",
    so: "Dugsigu waa inuu sii wadaa shirarka noocan oo kale ah.",
    ur: "اسکول کو اس طرح کی ملاقاتیں جاری رکھنی چاہییں۔",
    tr: "Okul bu tür toplantılara devam etmeli.",
    fa: "مدرسه باید این نوع جلسات را ادامه دهد.",
  }),
];

const STAFF_ITEMS: FeedbackItemDefinition[] = [
  item("knows_signs", {
    da: "Jeg kender tegn, der kan tyde på negativ social kontrol.",
    en: "I know signs that may indicate negative social control.",
  }),
  item("knows_what_to_do", {
    da: "Jeg ved, hvad jeg skal gøre ved bekymring for en elev.",
    en: "I know what to do if I am concerned about a pupil.",
  }),
  item("confident_with_pupils", {
    da: "Jeg er tryg ved at tale med elever om emnet.",
    en: "I feel confident talking with pupils about the topic.",
  }),
  item("confident_with_parents", {
    da: "Jeg er tryg ved at tale med forældre om emnet.",
    en: "I feel confident talking with parents about the topic.",
  }),
  item("knows_municipal_support", {
    da: "Jeg ved, hvem i kommunen jeg kan få sparring fra.",
    en: "I know who in the municipality I can turn to for advice and support.",
  }),
  item("got_useful_tools", {
    da: "Jeg fik redskaber, jeg kan bruge i mit arbejde.",
    en: "I got tools I can use in my work.",
  }),
  item("relevant_to_work", {
    da: "Oplægget var relevant for mit arbejde.",
    en: "The talk was relevant to my work.",
  }),
];

export const FEEDBACK_BANK: Record<FeedbackAudience, FeedbackBankEntry> = {
  pupils: { scale: "pupil4", items: PUPIL_ITEMS },
  parents: { scale: "agree5", items: PARENT_ITEMS },
  staff: { scale: "agree5", items: STAFF_ITEMS },
};
