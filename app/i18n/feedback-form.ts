/**
 * UI texts for the public, anonymous feedback pages (pupils, parents, staff), in every feedback
 * language. Question and answer texts live in the item bank (`~/domain/feedback-bank`), not here.
 *
 * Wording rules: "anonym" is promised only because the system cannot link an answer to a person
 * (privacy.md); the texts say plainly what is and is not stored, and warn against writing names.
 * Arabic avoids gendered second-person forms where a neutral construction exists; Urdu uses the
 * polite, gender-neutral "آپ" forms. All non-Danish texts are drafts pending native review
 * (see DRAFT_LOCALES in the item bank).
 *
 * Danish and English keys also fit the staff catalogue shape (`{ da, en }`), so
 * `app/i18n/index.ts` can merge this catalogue if the staff UI needs to show these keys.
 */
import type { FeedbackLocale } from "../domain/feedback-bank";

type Messages = Record<string, string>;

/** Every language's name written in that language (the language picker shows these everywhere). */
const LANGUAGE_NAMES: Messages = {
  "feedback.language.da": "Dansk",
  "feedback.language.en": "English",
  "feedback.language.ar": "العربية",
  "feedback.language.so": "Soomaali",
  "feedback.language.ur": "اردو",
  "feedback.language.tr": "Türkçe",
  "feedback.language.fa": "فارسی",
};

const da: Messages = {
  "feedback.full.title": "Tak, vi har fået svar nok",
  "feedback.full.body":
    "Der er allerede kommet svar fra flere, end der var med, så vi kan ikke tage imod flere svar. Tak, fordi du ville hjælpe!",
  "feedback.error.busy":
    "Der er kommet rigtig mange svar fra dette netværk på kort tid. Vent et par minutter, og send dine svar igen. Dine svar er ikke gemt endnu.",
  "feedback.privacy.link": "Hvad gemmer vi? Læs om dine data",
  "feedback.title.pupils": "Hvad synes du om workshoppen?",
  "feedback.title.parents": "Hvad synes du om mødet?",
  "feedback.title.staff": "Hvad synes du om oplægget?",
  "feedback.intro.anonymous": "Dine svar er anonyme. Skriv ikke navne.",
  "feedback.intro.details":
    "Vi gemmer ikke dit navn, hvilken telefon du bruger, eller hvornår du svarer. Svar fra færre end 5 personer bliver aldrig vist.",
  "feedback.intro.skip": "Du kan springe et spørgsmål over, hvis du ikke vil svare.",
  "feedback.hint.required": "(skal udfyldes)",
  "feedback.hint.optional": "(valgfrit)",
  "feedback.question.progress": "Spørgsmål {number} af {total}",
  "feedback.comment.label": "Vil du fortælle os mere?",
  "feedback.comment.warning": "Skriv ikke navne eller andet, der kan vise, hvem du eller andre er.",
  "feedback.comment.visibility":
    "Kun få medarbejdere i kommunen læser kommentarerne. Skolen ser dem ikke.",
  "feedback.comment.maxLength": "Højst {max} tegn.",
  "feedback.submit": "Send svar",
  "feedback.thanks.title": "Tak for dine svar!",
  "feedback.thanks.body": "Dine svar er sendt. Du kan lukke siden nu.",
  "feedback.thanks.commentNotSaved":
    "Din kommentar var for lang, så den blev ikke gemt. Dine svar på spørgsmålene er gemt.",
  "feedback.alreadyAnswered.title": "Du har allerede svaret",
  "feedback.alreadyAnswered.body":
    "Der er allerede sendt svar fra denne telefon eller computer. Tak for hjælpen!",
  "feedback.notOpen.title": "Spørgeskemaet er ikke åbent endnu",
  "feedback.notOpen.body": "Du kan svare fra {date}.",
  "feedback.closed.title": "Spørgeskemaet er lukket",
  "feedback.closed.body": "Det er ikke længere muligt at svare. Tak, fordi du ville hjælpe.",
  "feedback.unknownCode.title": "Vi kan ikke finde koden",
  "feedback.unknownCode.body": "Tjek, at koden er skrevet rigtigt, og prøv igen.",
  "feedback.shortCode.label": "Skriv koden",
  "feedback.shortCode.hint": "Koden står på skærmen eller tavlen. Den har 6 tegn.",
  "feedback.shortCode.submit": "Gå til spørgsmålene",
  "feedback.oneTimeCode.label": "Kode fra din seddel",
  "feedback.oneTimeCode.hint": "Den står på den seddel, du har fået, fx ABCD-EFGH.",
  "feedback.oneTimeCode.required": "Skriv koden fra din seddel.",
  "feedback.oneTimeCode.used": "Koden er allerede brugt.",
  "feedback.oneTimeCode.invalid": "Koden findes ikke. Tjek, at den er skrevet rigtigt.",
  "feedback.language.choose": "Vælg sprog",
  ...LANGUAGE_NAMES,
  "feedback.error.summary": "Der er noget, der skal rettes",
  "feedback.error.answerOutOfScale": "Vælg et af svarene.",
  "feedback.error.unknownItem": "Spørgsmålet findes ikke i dette spørgeskema.",
  "feedback.error.wrongFormVersion":
    "Spørgeskemaet er blevet ændret. Se spørgsmålene igen, og send dine svar.",
  "feedback.error.atLeastOne": "Svar på mindst ét spørgsmål, eller skriv en kommentar.",
  "feedback.error.commentTooLong": "Kommentaren må højst være {max} tegn.",
  "feedback.error.invalidLanguage": "Vælg et sprog fra listen.",
};

const en: Messages = {
  "feedback.full.title": "Thank you, we have enough answers",
  "feedback.full.body":
    "More people have already answered than took part, so we cannot take any more answers. Thank you for wanting to help!",
  "feedback.error.busy":
    "Very many answers came from this network in a short time. Wait a few minutes and send your answers again. Your answers are not saved yet.",
  "feedback.privacy.link": "What do we store? Read about your data",
  "feedback.title.pupils": "What did you think of the workshop?",
  "feedback.title.parents": "What did you think of the meeting?",
  "feedback.title.staff": "What did you think of the talk?",
  "feedback.intro.anonymous": "Your answers are anonymous. Do not write names.",
  "feedback.intro.details":
    "We do not store your name, which phone you use or when you answer. Answers from fewer than 5 people are never shown.",
  "feedback.intro.skip": "You can skip a question if you do not want to answer it.",
  "feedback.hint.required": "(required)",
  "feedback.hint.optional": "(optional)",
  "feedback.question.progress": "Question {number} of {total}",
  "feedback.comment.label": "Would you like to tell us more?",
  "feedback.comment.warning":
    "Do not write names or anything else that could show who you or others are.",
  "feedback.comment.visibility":
    "Only a few staff members at the municipality read the comments. The school does not see them.",
  "feedback.comment.maxLength": "At most {max} characters.",
  "feedback.submit": "Send answers",
  "feedback.thanks.title": "Thank you for your answers!",
  "feedback.thanks.body": "Your answers have been sent. You can close this page now.",
  "feedback.thanks.commentNotSaved":
    "Your comment was too long, so it was not saved. Your answers to the questions have been saved.",
  "feedback.alreadyAnswered.title": "You have already answered",
  "feedback.alreadyAnswered.body":
    "Answers have already been sent from this phone or computer. Thank you for your help!",
  "feedback.notOpen.title": "The questionnaire is not open yet",
  "feedback.notOpen.body": "You can answer from {date}.",
  "feedback.closed.title": "The questionnaire is closed",
  "feedback.closed.body": "It is no longer possible to answer. Thank you for wanting to help.",
  "feedback.unknownCode.title": "We cannot find the code",
  "feedback.unknownCode.body": "Check that the code is typed correctly and try again.",
  "feedback.shortCode.label": "Enter the code",
  "feedback.shortCode.hint": "The code is on the screen or the board. It has 6 characters.",
  "feedback.shortCode.submit": "Go to the questions",
  "feedback.oneTimeCode.label": "Code from your slip",
  "feedback.oneTimeCode.hint": "It is on the slip you were given, e.g. ABCD-EFGH.",
  "feedback.oneTimeCode.required": "Enter the code from your slip.",
  "feedback.oneTimeCode.used": "This code has already been used.",
  "feedback.oneTimeCode.invalid": "This code does not exist. Check that it is typed correctly.",
  "feedback.language.choose": "Choose language",
  ...LANGUAGE_NAMES,
  "feedback.error.summary": "Something needs to be corrected",
  "feedback.error.answerOutOfScale": "Choose one of the answers.",
  "feedback.error.unknownItem": "This question is not part of this questionnaire.",
  "feedback.error.wrongFormVersion":
    "The questionnaire has changed. Please look at the questions again and send your answers.",
  "feedback.error.atLeastOne": "Answer at least one question or write a comment.",
  "feedback.error.commentTooLong": "The comment can be at most {max} characters.",
  "feedback.error.invalidLanguage": "Choose a language from the list.",
};

const ar: Messages = {
  "feedback.full.title": "شكرًا، لدينا ما يكفي من الإجابات",
  "feedback.full.body":
    "أجاب بالفعل عدد أكبر من عدد المشاركين، لذلك لا يمكننا استقبال المزيد من الإجابات. شكرًا على رغبتك في المساعدة!",
  "feedback.error.busy":
    "وصلت إجابات كثيرة جدًا من هذه الشبكة في وقت قصير. انتظر بضع دقائق ثم أرسل إجاباتك مرة أخرى. لم يتم حفظ إجاباتك بعد.",
  "feedback.privacy.link": "ماذا نحفظ؟ اقرأ عن بياناتك",
  "feedback.title.pupils": "ما رأيك في الورشة؟",
  "feedback.title.parents": "ما رأيك في اللقاء؟",
  "feedback.title.staff": "ما رأيك في العرض التقديمي؟",
  "feedback.intro.anonymous": "إجاباتك مجهولة الهوية. يُرجى عدم كتابة أسماء.",
  "feedback.intro.details":
    "لا نحفظ اسمك ولا بيانات هاتفك ولا وقت إجابتك. ولا تُعرض أبدًا الإجابات إذا كان عدد المجيبين أقل من 5 أشخاص.",
  "feedback.intro.skip": "الإجابة عن كل سؤال اختيارية.",
  "feedback.hint.required": "(إلزامي)",
  "feedback.hint.optional": "(اختياري)",
  "feedback.question.progress": "السؤال {number} من {total}",
  "feedback.comment.label": "تعليق إضافي",
  "feedback.comment.warning": "يُرجى عدم كتابة أسماء أو أي شيء قد يكشف هويتك أو هوية الآخرين.",
  "feedback.comment.visibility":
    "لا يقرأ التعليقات إلا عدد قليل من موظفي البلدية. المدرسة لا تراها.",
  "feedback.comment.maxLength": "{max} حرف كحد أقصى.",
  "feedback.submit": "إرسال الإجابات",
  "feedback.thanks.title": "شكرًا على إجاباتك!",
  "feedback.thanks.body": "تم إرسال إجاباتك. يمكنك إغلاق الصفحة الآن.",
  "feedback.thanks.commentNotSaved":
    "كان تعليقك طويلًا جدًا، لذلك لم يتم حفظه. تم حفظ إجاباتك على الأسئلة.",
  "feedback.alreadyAnswered.title": "لقد أجبت بالفعل",
  "feedback.alreadyAnswered.body":
    "تم بالفعل إرسال إجابات من هذا الهاتف أو الحاسوب. شكرًا على مساعدتك!",
  "feedback.notOpen.title": "الاستبيان غير متاح بعد",
  "feedback.notOpen.body": "يمكنك الإجابة ابتداءً من {date}.",
  "feedback.closed.title": "الاستبيان مغلق",
  "feedback.closed.body": "لم يعد من الممكن الإجابة. شكرًا على رغبتك في المساعدة.",
  "feedback.unknownCode.title": "لم نتمكن من العثور على الرمز",
  "feedback.unknownCode.body": "يُرجى التأكد من كتابة الرمز بشكل صحيح والمحاولة مرة أخرى.",
  "feedback.shortCode.label": "الرمز",
  "feedback.shortCode.hint": "الرمز مكتوب على الشاشة أو السبورة، ويتكون من 6 أحرف.",
  "feedback.shortCode.submit": "الانتقال إلى الأسئلة",
  "feedback.oneTimeCode.label": "الرمز المكتوب على الورقة",
  "feedback.oneTimeCode.hint": "مكتوب على الورقة التي تم تسليمها لك، مثل ABCD-EFGH.",
  "feedback.oneTimeCode.required": "يُرجى إدخال الرمز المكتوب على الورقة.",
  "feedback.oneTimeCode.used": "تم استخدام هذا الرمز من قبل.",
  "feedback.oneTimeCode.invalid": "هذا الرمز غير صحيح. يُرجى التأكد من كتابته بشكل صحيح.",
  "feedback.language.choose": "اختيار اللغة",
  ...LANGUAGE_NAMES,
  "feedback.error.summary": "هناك أمور تحتاج إلى تصحيح",
  "feedback.error.answerOutOfScale": "يُرجى اختيار إحدى الإجابات.",
  "feedback.error.unknownItem": "هذا السؤال ليس جزءًا من هذا الاستبيان.",
  "feedback.error.wrongFormVersion":
    "تم تغيير الاستبيان. يُرجى مراجعة الأسئلة مرة أخرى وإرسال الإجابات.",
  "feedback.error.atLeastOne": "يُرجى الإجابة عن سؤال واحد على الأقل أو كتابة تعليق.",
  "feedback.error.commentTooLong": "يجب ألا يتجاوز التعليق {max} حرف.",
  "feedback.error.invalidLanguage": "يُرجى اختيار لغة من القائمة.",
};

const so: Messages = {
  "feedback.full.title": "Mahadsanid, jawaabo ku filan ayaan helnay",
  "feedback.full.body":
    "Dad ka badan intii ka qaybgashay ayaa horey u jawaabay, sidaas darteed ma qaadan karno jawaabo kale. Mahadsanid inaad rabtay inaad caawiso!",
  "feedback.error.busy":
    "Jawaabo aad u badan ayaa waqti gaaban ka yimid shabakaddan. Sug dhowr daqiiqo, kadibna mar kale dir jawaabahaaga. Jawaabahaaga weli lama kaydin.",
  "feedback.privacy.link": "Maxaan kaydinaa? Ka akhri xogtaada",
  "feedback.title.pupils": "Maxaad ka qabtaa aqoon-isweydaarsiga?",
  "feedback.title.parents": "Maxaad ka qabtaa kulanka?",
  "feedback.title.staff": "Maxaad ka qabtaa muxaadarada?",
  "feedback.intro.anonymous": "Jawaabahaagu waa kuwo aan magac lahayn. Ha qorin magacyo.",
  "feedback.intro.details":
    "Ma kaydino magacaaga, taleefanka aad isticmaasho ama goorta aad ka jawaabto. Jawaabaha ka yimaada in ka yar 5 qof weligood lama muujiyo.",
  "feedback.intro.skip": "Waad ka boodi kartaa su'aal kasta oo aadan rabin inaad ka jawaabto.",
  "feedback.hint.required": "(waa khasab)",
  "feedback.hint.optional": "(ikhtiyaari)",
  "feedback.question.progress": "Su'aal {number} ee {total}",
  "feedback.comment.label": "Ma jiraa wax kale oo aad rabto inaad noo sheegto?",
  "feedback.comment.warning":
    "Ha qorin magacyo ama wax kale oo muujin kara cidda aad tahay adiga ama dadka kale.",
  "feedback.comment.visibility":
    "Faallooyinka waxaa akhriya oo keliya shaqaale yar oo ka tirsan degmada. Dugsigu ma arko.",
  "feedback.comment.maxLength": "Ugu badnaan {max} xaraf.",
  "feedback.submit": "Dir jawaabaha",
  "feedback.thanks.title": "Waad ku mahadsan tahay jawaabahaaga!",
  "feedback.thanks.body": "Jawaabahaaga waa la diray. Hadda waad xiri kartaa bogga.",
  "feedback.thanks.commentNotSaved":
    "Faalladaadu aad bay u dheerayd, sidaas darteed lama kaydin. Jawaabahaaga su'aalaha waa la kaydiyay.",
  "feedback.alreadyAnswered.title": "Horay ayaad uga jawaabtay",
  "feedback.alreadyAnswered.body":
    "Jawaabo ayaa horay looga soo diray taleefankan ama kombiyuutarkan. Waad ku mahadsan tahay caawimaaddaada!",
  "feedback.notOpen.title": "Su'aalaha weli lama furin",
  "feedback.notOpen.body": "Waxaad ka jawaabi kartaa laga bilaabo {date}.",
  "feedback.closed.title": "Su'aalaha waa la xiray",
  "feedback.closed.body":
    "Hadda suurtagal ma aha in laga jawaabo. Waad ku mahadsan tahay rabitaankaaga inaad caawiso.",
  "feedback.unknownCode.title": "Koodka lama helin",
  "feedback.unknownCode.body": "Hubi in koodka si sax ah loo qoray, kadibna isku day mar kale.",
  "feedback.shortCode.label": "Qor koodka",
  "feedback.shortCode.hint":
    "Koodka wuxuu ku qoran yahay shaashadda ama sabuuradda. Wuxuu leeyahay 6 xaraf.",
  "feedback.shortCode.submit": "U gudub su'aalaha",
  "feedback.oneTimeCode.label": "Koodka ku qoran warqaddaada",
  "feedback.oneTimeCode.hint": "Wuxuu ku qoran yahay warqadda laguu siiyay, tusaale ABCD-EFGH.",
  "feedback.oneTimeCode.required": "Qor koodka ku qoran warqaddaada.",
  "feedback.oneTimeCode.used": "Koodkan horay ayaa loo isticmaalay.",
  "feedback.oneTimeCode.invalid": "Koodkan ma jiro. Hubi in si sax ah loo qoray.",
  "feedback.language.choose": "Dooro luqadda",
  ...LANGUAGE_NAMES,
  "feedback.error.summary": "Waxaa jira wax u baahan in la saxo",
  "feedback.error.answerOutOfScale": "Dooro mid ka mid ah jawaabaha.",
  "feedback.error.unknownItem": "Su'aashan kama mid aha su'aalahan.",
  "feedback.error.wrongFormVersion":
    "Su'aalaha waa la beddelay. Fadlan mar kale eeg su'aalaha oo dir jawaabahaaga.",
  "feedback.error.atLeastOne": "Ka jawaab ugu yaraan hal su'aal ama qor faallo.",
  "feedback.error.commentTooLong": "Faalladu waa inaysan ka badnaan {max} xaraf.",
  "feedback.error.invalidLanguage": "Ka dooro luqad liiska.",
};

const ur: Messages = {
  "feedback.full.title": "شکریہ، ہمیں کافی جوابات مل گئے ہیں",
  "feedback.full.body":
    "شریک ہونے والوں سے زیادہ لوگ پہلے ہی جواب دے چکے ہیں، اس لیے ہم مزید جوابات قبول نہیں کر سکتے۔ مدد کرنے کی خواہش کا شکریہ!",
  "feedback.error.busy":
    "اس نیٹ ورک سے کم وقت میں بہت زیادہ جوابات آئے ہیں۔ چند منٹ انتظار کریں اور اپنے جوابات دوبارہ بھیجیں۔ آپ کے جوابات ابھی محفوظ نہیں ہوئے۔",
  "feedback.privacy.link": "ہم کیا محفوظ کرتے ہیں؟ اپنے ڈیٹا کے بارے میں پڑھیں",
  "feedback.title.pupils": "آپ کو ورکشاپ کیسی لگی؟",
  "feedback.title.parents": "آپ کو یہ میٹنگ کیسی لگی؟",
  "feedback.title.staff": "آپ کو یہ پریزنٹیشن کیسی لگی؟",
  "feedback.intro.anonymous": "آپ کے جوابات گمنام ہیں۔ نام نہ لکھیں۔",
  "feedback.intro.details":
    "ہم آپ کا نام، آپ کا فون یا جواب دینے کا وقت محفوظ نہیں کرتے۔ 5 سے کم لوگوں کے جوابات کبھی نہیں دکھائے جاتے۔",
  "feedback.intro.skip": "ہر سوال کا جواب دینا اختیاری ہے۔",
  "feedback.hint.required": "(لازمی)",
  "feedback.hint.optional": "(اختیاری)",
  "feedback.question.progress": "{total} میں سے سوال {number}",
  "feedback.comment.label": "کیا آپ ہمیں مزید کچھ بتانا چاہیں گے؟",
  "feedback.comment.warning":
    "نام یا کوئی ایسی بات نہ لکھیں جس سے آپ کی یا کسی اور کی پہچان ہو سکے۔",
  "feedback.comment.visibility":
    "تبصرے صرف بلدیہ کے چند ملازمین پڑھتے ہیں۔ اسکول انہیں نہیں دیکھتا۔",
  "feedback.comment.maxLength": "زیادہ سے زیادہ {max} حروف۔",
  "feedback.submit": "جوابات بھیجیں",
  "feedback.thanks.title": "آپ کے جوابات کا شکریہ!",
  "feedback.thanks.body": "آپ کے جوابات بھیج دیے گئے ہیں۔ اب آپ یہ صفحہ بند کر سکتے ہیں۔",
  "feedback.thanks.commentNotSaved":
    "آپ کا تبصرہ بہت لمبا تھا، اس لیے محفوظ نہیں کیا گیا۔ سوالات کے آپ کے جوابات محفوظ کر لیے گئے ہیں۔",
  "feedback.alreadyAnswered.title": "آپ پہلے ہی جواب دے چکے ہیں",
  "feedback.alreadyAnswered.body":
    "اس فون یا کمپیوٹر سے جوابات پہلے ہی بھیجے جا چکے ہیں۔ آپ کی مدد کا شکریہ!",
  "feedback.notOpen.title": "سوالنامہ ابھی کھلا نہیں ہے",
  "feedback.notOpen.body": "آپ {date} سے جواب دے سکتے ہیں۔",
  "feedback.closed.title": "سوالنامہ بند ہو چکا ہے",
  "feedback.closed.body": "اب جواب دینا ممکن نہیں ہے۔ مدد کرنے کی خواہش کا شکریہ۔",
  "feedback.unknownCode.title": "ہمیں یہ کوڈ نہیں ملا",
  "feedback.unknownCode.body": "دیکھ لیں کہ کوڈ صحیح لکھا گیا ہے، اور دوبارہ کوشش کریں۔",
  "feedback.shortCode.label": "کوڈ لکھیں",
  "feedback.shortCode.hint": "کوڈ اسکرین یا بورڈ پر لکھا ہے۔ اس میں 6 حروف ہیں۔",
  "feedback.shortCode.submit": "سوالات پر جائیں",
  "feedback.oneTimeCode.label": "آپ کی پرچی پر لکھا کوڈ",
  "feedback.oneTimeCode.hint": "یہ اس پرچی پر لکھا ہے جو آپ کو دی گئی، مثلاً ABCD-EFGH۔",
  "feedback.oneTimeCode.required": "اپنی پرچی پر لکھا کوڈ لکھیں۔",
  "feedback.oneTimeCode.used": "یہ کوڈ پہلے ہی استعمال ہو چکا ہے۔",
  "feedback.oneTimeCode.invalid": "یہ کوڈ موجود نہیں۔ دیکھ لیں کہ یہ صحیح لکھا گیا ہے۔",
  "feedback.language.choose": "زبان منتخب کریں",
  ...LANGUAGE_NAMES,
  "feedback.error.summary": "کچھ چیزیں درست کرنی ہیں",
  "feedback.error.answerOutOfScale": "جوابات میں سے ایک منتخب کریں۔",
  "feedback.error.unknownItem": "یہ سوال اس سوالنامے کا حصہ نہیں ہے۔",
  "feedback.error.wrongFormVersion":
    "سوالنامہ تبدیل ہو گیا ہے۔ براہ کرم سوالات دوبارہ دیکھیں اور اپنے جوابات بھیجیں۔",
  "feedback.error.atLeastOne": "کم از کم ایک سوال کا جواب دیں یا تبصرہ لکھیں۔",
  "feedback.error.commentTooLong": "تبصرہ زیادہ سے زیادہ {max} حروف کا ہو سکتا ہے۔",
  "feedback.error.invalidLanguage": "فہرست میں سے زبان منتخب کریں۔",
};

const tr: Messages = {
  "feedback.full.title": "Teşekkürler, yeterli yanıt aldık",
  "feedback.full.body":
    "Katılanlardan daha fazla kişi zaten yanıt verdi, bu yüzden daha fazla yanıt alamıyoruz. Yardım etmek istediğiniz için teşekkürler!",
  "feedback.error.busy":
    "Bu ağdan kısa sürede çok fazla yanıt geldi. Birkaç dakika bekleyip yanıtlarınızı tekrar gönderin. Yanıtlarınız henüz kaydedilmedi.",
  "feedback.privacy.link": "Neleri saklıyoruz? Verileriniz hakkında okuyun",
  "feedback.title.pupils": "Atölye çalışması hakkında ne düşünüyorsunuz?",
  "feedback.title.parents": "Toplantı hakkında ne düşünüyorsunuz?",
  "feedback.title.staff": "Sunum hakkında ne düşünüyorsunuz?",
  "feedback.intro.anonymous": "Yanıtlarınız anonimdir. İsim yazmayın.",
  "feedback.intro.details":
    "Adınızı, hangi telefonu kullandığınızı veya ne zaman yanıt verdiğinizi kaydetmiyoruz. 5 kişiden az kişinin yanıtları asla gösterilmez.",
  "feedback.intro.skip": "Her soruyu yanıtlamak isteğe bağlıdır.",
  "feedback.hint.required": "(zorunlu)",
  "feedback.hint.optional": "(isteğe bağlı)",
  "feedback.question.progress": "Soru {number} / {total}",
  "feedback.comment.label": "Bize başka bir şey söylemek ister misiniz?",
  "feedback.comment.warning":
    "İsim veya sizin ya da başkalarının kim olduğunu gösterebilecek başka bir şey yazmayın.",
  "feedback.comment.visibility":
    "Yorumları yalnızca belediyedeki birkaç çalışan okur. Okul yorumları görmez.",
  "feedback.comment.maxLength": "En fazla {max} karakter.",
  "feedback.submit": "Yanıtları gönder",
  "feedback.thanks.title": "Yanıtlarınız için teşekkürler!",
  "feedback.thanks.body": "Yanıtlarınız gönderildi. Şimdi bu sayfayı kapatabilirsiniz.",
  "feedback.thanks.commentNotSaved":
    "Yorumunuz çok uzun olduğu için kaydedilmedi. Sorulara verdiğiniz yanıtlar kaydedildi.",
  "feedback.alreadyAnswered.title": "Zaten yanıt verdiniz",
  "feedback.alreadyAnswered.body":
    "Bu telefondan veya bilgisayardan zaten yanıt gönderildi. Yardımınız için teşekkürler!",
  "feedback.notOpen.title": "Anket henüz açık değil",
  "feedback.notOpen.body": "{date} tarihinden itibaren yanıt verebilirsiniz.",
  "feedback.closed.title": "Anket kapandı",
  "feedback.closed.body":
    "Artık yanıt vermek mümkün değil. Yardım etmek istediğiniz için teşekkürler.",
  "feedback.unknownCode.title": "Kod bulunamadı",
  "feedback.unknownCode.body": "Kodun doğru yazıldığını kontrol edip tekrar deneyin.",
  "feedback.shortCode.label": "Kodu yazın",
  "feedback.shortCode.hint": "Kod ekranda veya tahtada yazıyor. 6 karakterden oluşur.",
  "feedback.shortCode.submit": "Sorulara git",
  "feedback.oneTimeCode.label": "Kağıdınızdaki kod",
  "feedback.oneTimeCode.hint": "Size verilen kağıtta yazıyor, örneğin ABCD-EFGH.",
  "feedback.oneTimeCode.required": "Kağıdınızdaki kodu yazın.",
  "feedback.oneTimeCode.used": "Bu kod zaten kullanıldı.",
  "feedback.oneTimeCode.invalid": "Bu kod geçerli değil. Doğru yazıldığını kontrol edin.",
  "feedback.language.choose": "Dil seçin",
  ...LANGUAGE_NAMES,
  "feedback.error.summary": "Düzeltilmesi gereken bir şey var",
  "feedback.error.answerOutOfScale": "Yanıtlardan birini seçin.",
  "feedback.error.unknownItem": "Bu soru bu ankete ait değil.",
  "feedback.error.wrongFormVersion":
    "Anket değişti. Lütfen soruları tekrar gözden geçirip yanıtlarınızı gönderin.",
  "feedback.error.atLeastOne": "En az bir soruyu yanıtlayın veya bir yorum yazın.",
  "feedback.error.commentTooLong": "Yorum en fazla {max} karakter olabilir.",
  "feedback.error.invalidLanguage": "Listeden bir dil seçin.",
};

const fa: Messages = {
  "feedback.full.title": "سپاس، به اندازه کافی پاسخ دریافت کرده‌ایم",
  "feedback.full.body":
    "بیش از تعداد شرکت‌کنندگان تاکنون پاسخ داده‌اند، بنابراین نمی‌توانیم پاسخ دیگری بپذیریم. از اینکه می‌خواستید کمک کنید سپاسگزاریم!",
  "feedback.error.busy":
    "در مدت کوتاهی پاسخ‌های بسیار زیادی از این شبکه رسیده است. چند دقیقه صبر کنید و پاسخ‌های خود را دوباره بفرستید. پاسخ‌های شما هنوز ذخیره نشده است.",
  "feedback.privacy.link": "چه چیزی را ذخیره می‌کنیم؟ درباره داده‌های خود بخوانید",
  "feedback.title.pupils": "نظرتان دربارهٔ کارگاه چیست؟",
  "feedback.title.parents": "نظرتان دربارهٔ این جلسه چیست؟",
  "feedback.title.staff": "نظرتان دربارهٔ این ارائه چیست؟",
  "feedback.intro.anonymous": "پاسخ‌های شما ناشناس است. نام کسی را ننویسید.",
  "feedback.intro.details":
    "ما نام شما، تلفنی که استفاده می‌کنید یا زمان پاسخ‌دادن شما را ذخیره نمی‌کنیم. پاسخ‌های گروه‌های کمتر از ۵ نفر هرگز نمایش داده نمی‌شود.",
  "feedback.intro.skip": "پاسخ‌دادن به هر سؤال اختیاری است.",
  "feedback.hint.required": "(الزامی)",
  "feedback.hint.optional": "(اختیاری)",
  "feedback.question.progress": "سؤال {number} از {total}",
  "feedback.comment.label": "می‌خواهید چیز دیگری به ما بگویید؟",
  "feedback.comment.warning": "نام یا هر چیز دیگری که نشان دهد شما یا دیگران چه کسی هستید ننویسید.",
  "feedback.comment.visibility":
    "فقط چند نفر از کارکنان شهرداری نظرها را می‌خوانند. مدرسه آن‌ها را نمی‌بیند.",
  "feedback.comment.maxLength": "حداکثر {max} نویسه.",
  "feedback.submit": "ارسال پاسخ‌ها",
  "feedback.thanks.title": "از پاسخ‌های شما سپاسگزاریم!",
  "feedback.thanks.body": "پاسخ‌های شما ارسال شد. اکنون می‌توانید این صفحه را ببندید.",
  "feedback.thanks.commentNotSaved":
    "نظر شما خیلی طولانی بود و ذخیره نشد. پاسخ‌های شما به سؤال‌ها ذخیره شد.",
  "feedback.alreadyAnswered.title": "شما قبلاً پاسخ داده‌اید",
  "feedback.alreadyAnswered.body":
    "از این تلفن یا رایانه قبلاً پاسخ ارسال شده است. از کمک شما سپاسگزاریم!",
  "feedback.notOpen.title": "پرسشنامه هنوز باز نشده است",
  "feedback.notOpen.body": "از {date} می‌توانید پاسخ دهید.",
  "feedback.closed.title": "پرسشنامه بسته شده است",
  "feedback.closed.body": "دیگر امکان پاسخ‌دادن وجود ندارد. از اینکه می‌خواستید کمک کنید سپاسگزاریم.",
  "feedback.unknownCode.title": "این کد پیدا نشد",
  "feedback.unknownCode.body": "بررسی کنید که کد درست نوشته شده باشد و دوباره تلاش کنید.",
  "feedback.shortCode.label": "کد را وارد کنید",
  "feedback.shortCode.hint": "کد روی صفحه یا تخته نوشته شده است و ۶ نویسه دارد.",
  "feedback.shortCode.submit": "رفتن به سؤال‌ها",
  "feedback.oneTimeCode.label": "کد روی برگهٔ شما",
  "feedback.oneTimeCode.hint": "روی برگه‌ای که به شما داده شده نوشته شده است، مثلاً ABCD-EFGH.",
  "feedback.oneTimeCode.required": "کد روی برگهٔ خود را وارد کنید.",
  "feedback.oneTimeCode.used": "این کد قبلاً استفاده شده است.",
  "feedback.oneTimeCode.invalid": "این کد معتبر نیست. بررسی کنید که درست نوشته شده باشد.",
  "feedback.language.choose": "انتخاب زبان",
  ...LANGUAGE_NAMES,
  "feedback.error.summary": "مواردی باید اصلاح شود",
  "feedback.error.answerOutOfScale": "یکی از پاسخ‌ها را انتخاب کنید.",
  "feedback.error.unknownItem": "این سؤال بخشی از این پرسشنامه نیست.",
  "feedback.error.wrongFormVersion":
    "پرسشنامه تغییر کرده است. لطفاً سؤال‌ها را دوباره ببینید و پاسخ‌های خود را ارسال کنید.",
  "feedback.error.atLeastOne": "دست‌کم به یک سؤال پاسخ دهید یا یک نظر بنویسید.",
  "feedback.error.commentTooLong": "نظر حداکثر می‌تواند {max} نویسه باشد.",
  "feedback.error.invalidLanguage": "یک زبان از فهرست انتخاب کنید.",
};

export const feedbackFormMessages: Record<FeedbackLocale, Record<string, string>> = {
  da,
  en,
  ar,
  so,
  ur,
  tr,
  fa,
};

export type FeedbackTextParams = Record<string, string | number>;

/**
 * Translate a feedback-page key. Unknown keys fall back to Danish, then to the key itself (so a
 * missing text is visible in tests rather than blank).
 */
export function feedbackText(
  locale: FeedbackLocale,
  key: string,
  params?: FeedbackTextParams,
): string {
  const template = feedbackFormMessages[locale]?.[key] ?? feedbackFormMessages.da[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
