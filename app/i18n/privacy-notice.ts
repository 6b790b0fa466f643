/**
 * The privacy notice (/privatliv): what Frirum stores and why, in every feedback language. It must
 * stay true to the code: see privacy.md's rules, app/domain/retention.ts (comment retention), the
 * request log (scripts/server.ts) and the feedback tables. `{months}` is the comment retention
 * period and `{contact}` the department's mailbox (MAIL_FROM).
 *
 * Only Danish is reviewed. Every other language is a draft until a native speaker has reviewed it,
 * and the page says so in that language (`draftNote`).
 */
import type { FeedbackLocale } from "../domain/feedback-bank";

export interface PrivacyNotice {
  title: string;
  /** Shown at the top of an unreviewed translation. */
  draftNote: string | null;
  sections: Array<{ heading: string; paragraphs: string[] }>;
  backToForm: string;
}

export const PRIVACY_NOTICE: Record<FeedbackLocale, PrivacyNotice> = {
  da: {
    title: "Sådan behandler vi data i Frirum",
    draftNote: null,
    sections: [
      {
        heading: "Når du svarer på et spørgeskema",
        paragraphs: [
          "Dine svar er anonyme. Vi gemmer kun: hvilket forløb svaret hører til, om skemaet er til elever, forældre eller personale, skemaets version, sproget, dine svar, en eventuel kommentar og forløbets dato.",
          "Vi gemmer ikke dit navn, din telefon, din IP-adresse eller hvornår du svarede. Siderne med spørgeskemaet bliver ikke skrevet i serverens log.",
          'Din telefon får en cookie, der kun siger "der er svaret herfra" (i 30 dage), så det samme skema ikke bliver sendt to gange. Den indeholder intet om dig.',
          "Skriv ikke navne i kommentaren. Kommentarer læses kun af få medarbejdere i kommunen og slettes {months} måneder efter forløbet. Svar fra færre end 5 personer bliver aldrig vist.",
        ],
      },
      {
        heading: "Hvorfor",
        paragraphs: [
          "Svarene bruges til at forbedre forløbene og til kommunens årlige opfølgning til politikerne på handleplanen mod negativ social kontrol.",
        ],
      },
      {
        heading: "Når du logger ind (skoleledere, facilitatorer og medarbejdere)",
        paragraphs: [
          "Vi gemmer navn, e-mail, rolle og skole, og for facilitatorer sprog og telefon, så forløbene kan planlægges. Et loginlink gælder i 15 minutter; udløbne links og sessioner slettes automatisk. Ændringer, som medarbejdere laver, skrives i en log (hvem, hvad og hvornår).",
          "Serverens log viser for hver forespørgsel: metode, adresse uden værdier (kun navnene på parametre), status og svartid. Aldrig loginlinks, kalenderlinks eller spørgeskemaer.",
          "Grundlaget er kommunens opgaver som offentlig myndighed (databeskyttelsesforordningens artikel 6, stk. 1, litra e).",
        ],
      },
      {
        heading: "Dine rettigheder og kontakt",
        paragraphs: [
          "Du har ret til indsigt i og rettelse eller sletning af de oplysninger om dig, som vi kan finde. Anonyme svar kan ingen finde frem til, så dem kan vi heller ikke udlevere eller slette enkeltvis.",
          "Kontakt: {contact}. Du kan klage til Datatilsynet (datatilsynet.dk).",
        ],
      },
    ],
    backToForm: "Tilbage til spørgeskemaet",
  },
  en: {
    title: "How Frirum handles data",
    draftNote:
      "This translation is a draft and has not been reviewed yet. The Danish text applies.",
    sections: [
      {
        heading: "When you answer a questionnaire",
        paragraphs: [
          "Your answers are anonymous. We store only: which session the answer belongs to, whether the form is for pupils, parents or staff, the form's version, the language, your answers, an optional comment and the session's date.",
          "We do not store your name, your phone, your IP address or when you answered. The questionnaire pages are not written to the server's log.",
          'Your phone gets a cookie that only says "answered from here" (for 30 days), so the same form is not sent twice. It holds nothing about you.',
          "Do not write names in the comment. Comments are read only by a few municipal staff and are deleted {months} months after the session. Answers from fewer than 5 people are never shown.",
        ],
      },
      {
        heading: "Why",
        paragraphs: [
          "The answers are used to improve the sessions and for the municipality's yearly report to the politicians on the action plan against negative social control.",
        ],
      },
      {
        heading: "When you sign in (school leaders, facilitators and staff)",
        paragraphs: [
          "We store name, email, role and school, and for facilitators languages and phone, so that sessions can be planned. A sign-in link works for 15 minutes; expired links and sessions are deleted automatically. Changes made by staff are written to a log (who, what and when).",
          "The server's log shows for each request: method, address without values (only the names of parameters), status and response time. Never sign-in links, calendar links or questionnaires.",
          "The legal basis is the municipality's tasks as a public authority (GDPR article 6(1)(e)).",
        ],
      },
      {
        heading: "Your rights and contact",
        paragraphs: [
          "You have the right to access, correct or delete the information about you that we can find. Nobody can find anonymous answers, so we cannot hand them out or delete them one by one either.",
          "Contact: {contact}. You can complain to the Danish Data Protection Agency (datatilsynet.dk).",
        ],
      },
    ],
    backToForm: "Back to the questionnaire",
  },
  ar: {
    title: "كيف يتعامل Frirum مع البيانات",
    draftNote: "هذه الترجمة مسودة لم تتم مراجعتها بعد. النص الدنماركي هو المعتمد.",
    sections: [
      {
        heading: "عندما تجيب على استبيان",
        paragraphs: [
          "إجاباتك مجهولة الهوية. نحفظ فقط: الجلسة التي تنتمي إليها الإجابة، وما إذا كان الاستبيان للتلاميذ أو الآباء أو الموظفين، ونسخة الاستبيان، واللغة، وإجاباتك، وتعليقًا إن وُجد، وتاريخ الجلسة.",
          "لا نحفظ اسمك أو هاتفك أو عنوان IP الخاص بك أو وقت إجابتك. صفحات الاستبيان لا تُسجَّل في سجل الخادم.",
          "يحصل هاتفك على ملف تعريف ارتباط (كوكي) يقول فقط «تمت الإجابة من هنا» (لمدة 30 يومًا)، حتى لا يُرسل الاستبيان نفسه مرتين. لا يحتوي على أي شيء عنك.",
          "لا تكتب أسماء في التعليق. لا يقرأ التعليقات إلا عدد قليل من موظفي البلدية، وتُحذف بعد {months} شهرًا من الجلسة. لا تُعرض أبدًا إجابات أقل من 5 أشخاص.",
        ],
      },
      {
        heading: "لماذا",
        paragraphs: [
          "تُستخدم الإجابات لتحسين الجلسات وللتقرير السنوي الذي تقدمه البلدية إلى السياسيين حول خطة العمل ضد السيطرة الاجتماعية السلبية.",
        ],
      },
      {
        heading: "عندما تسجّل الدخول (مديرو المدارس والميسّرون والموظفون)",
        paragraphs: [
          "نحفظ الاسم والبريد الإلكتروني والدور والمدرسة، وللميسّرين اللغات والهاتف، لكي يمكن تخطيط الجلسات. رابط تسجيل الدخول صالح لمدة 15 دقيقة، وتُحذف الروابط والجلسات المنتهية تلقائيًا. التغييرات التي يجريها الموظفون تُسجَّل (من، وماذا، ومتى).",
          "يعرض سجل الخادم لكل طلب: الطريقة، والعنوان بدون قيم (أسماء المعاملات فقط)، والحالة، ووقت الاستجابة. ولا يعرض أبدًا روابط تسجيل الدخول أو روابط التقويم أو الاستبيانات.",
          "الأساس القانوني هو مهام البلدية بوصفها سلطة عامة (المادة 6(1)(هـ) من اللائحة العامة لحماية البيانات).",
        ],
      },
      {
        heading: "حقوقك والتواصل",
        paragraphs: [
          "لك الحق في الاطلاع على المعلومات المتعلقة بك التي يمكننا العثور عليها وتصحيحها أو حذفها. لا يمكن لأحد العثور على الإجابات المجهولة، لذلك لا يمكننا تسليمها أو حذفها واحدة تلو الأخرى.",
          "التواصل: {contact}. يمكنك تقديم شكوى إلى هيئة حماية البيانات الدنماركية (datatilsynet.dk).",
        ],
      },
    ],
    backToForm: "العودة إلى الاستبيان",
  },
  so: {
    title: "Sida Frirum u maareeyo xogta",
    draftNote: "Turjumaaddan waa qabyo aan weli la hubin. Qoraalka Deenishka ayaa ah kan saxda ah.",
    sections: [
      {
        heading: "Marka aad ka jawaabto su'aalo",
        paragraphs: [
          "Jawaabahaagu waa qarsoodi. Waxaan kaydinnaa oo kaliya: kulanka ay jawaabtu ka tirsan tahay, in foomku u yahay ardayda, waalidiinta ama shaqaalaha, nooca foomka, luqadda, jawaabahaaga, faallo haddii ay jirto iyo taariikhda kulanka.",
          "Ma kaydinno magacaaga, taleefankaaga, cinwaankaaga IP ama goorta aad jawaabtay. Bogagga su'aalaha laguma qoro diiwaanka server-ka.",
          'Taleefankaagu wuxuu helayaa cookie oo kaliya sheegaya "halkan waa laga jawaabay" (30 maalmood), si aan isla foomka laba jeer loo dirin. Waxba kaa ma koobna.',
          "Ha ku qorin magacyo faallada. Faallooyinka waxaa akhriya oo kaliya shaqaale yar oo degmada ah, waxaana la tirtiraa {months} bilood kadib kulanka. Jawaabaha ka yimid wax ka yar 5 qof weligood lama muujiyo.",
        ],
      },
      {
        heading: "Sababta",
        paragraphs: [
          "Jawaabaha waxaa loo isticmaalaa in lagu hagaajiyo kulamada iyo warbixinta sannadlaha ah ee degmadu u gudbiso siyaasiyiinta ee ku saabsan qorshaha ka dhanka ah xakamaynta bulsheed ee xun.",
        ],
      },
      {
        heading: "Marka aad gasho (maamulayaasha dugsiyada, fududeeyayaasha iyo shaqaalaha)",
        paragraphs: [
          "Waxaan kaydinnaa magaca, iimaylka, doorka iyo dugsiga, iyo fududeeyayaasha luqadaha iyo taleefanka, si kulamada loo qorsheeyo. Xiriirka gelitaanku wuxuu shaqeeyaa 15 daqiiqo; xiriirada iyo fadhiyada dhacay si toos ah ayaa loo tirtiraa. Isbeddelada shaqaaluhu sameeyaan waxaa lagu qoraa diiwaan (cidda, waxa iyo goorta).",
          "Diiwaanka server-ku wuxuu muujiyaa codsi kasta: habka, cinwaanka iyadoo aan qiimayaal lahayn (magacyada xuduudaha oo kaliya), xaaladda iyo waqtiga jawaabta. Weligiis xiriirada gelitaanka, xiriirada kalandarka ama su'aalaha.",
          "Saldhigga sharciga ahi waa hawlaha degmada oo ah hay'ad dadweyne (GDPR qodobka 6(1)(e)).",
        ],
      },
      {
        heading: "Xuquuqdaada iyo xiriirka",
        paragraphs: [
          "Waxaad xaq u leedahay inaad aragto, saxdo ama tirtirto macluumaadka adiga kugu saabsan ee aan heli karno. Jawaabaha qarsoodiga ah cidna ma heli karto, sidaas darteed ma bixin karno mana tirtiri karno mid mid.",
          "Xiriir: {contact}. Waxaad u gudbin kartaa cabasho Hay'adda Ilaalinta Xogta ee Denmark (datatilsynet.dk).",
        ],
      },
    ],
    backToForm: "Ku noqo su'aalaha",
  },
  ur: {
    title: "Frirum ڈیٹا کو کیسے سنبھالتا ہے",
    draftNote: "یہ ترجمہ ایک مسودہ ہے جس کا ابھی جائزہ نہیں لیا گیا۔ ڈینش متن ہی معتبر ہے۔",
    sections: [
      {
        heading: "جب آپ سوالنامے کا جواب دیتے ہیں",
        paragraphs: [
          "آپ کے جوابات گمنام ہیں۔ ہم صرف یہ محفوظ کرتے ہیں: جواب کس سیشن سے متعلق ہے، سوالنامہ طلبہ، والدین یا عملے کے لیے ہے، سوالنامے کا ورژن، زبان، آپ کے جوابات، اگر ہو تو تبصرہ، اور سیشن کی تاریخ۔",
          "ہم آپ کا نام، آپ کا فون، آپ کا IP ایڈریس یا آپ نے کب جواب دیا، محفوظ نہیں کرتے۔ سوالنامے کے صفحات سرور کے لاگ میں درج نہیں کیے جاتے۔",
          "آپ کے فون کو ایک کوکی ملتی ہے جو صرف یہ بتاتی ہے کہ «یہاں سے جواب دیا گیا ہے» (30 دن کے لیے)، تاکہ ایک ہی سوالنامہ دو بار نہ بھیجا جائے۔ اس میں آپ کے بارے میں کچھ نہیں ہوتا۔",
          "تبصرے میں نام نہ لکھیں۔ تبصرے بلدیہ کے صرف چند ملازمین پڑھتے ہیں اور سیشن کے {months} مہینے بعد حذف کر دیے جاتے ہیں۔ 5 سے کم افراد کے جوابات کبھی نہیں دکھائے جاتے۔",
        ],
      },
      {
        heading: "کیوں",
        paragraphs: [
          "جوابات سیشنز کو بہتر بنانے اور منفی سماجی کنٹرول کے خلاف ایکشن پلان پر بلدیہ کی سیاست دانوں کو سالانہ رپورٹ کے لیے استعمال ہوتے ہیں۔",
        ],
      },
      {
        heading: "جب آپ لاگ اِن کرتے ہیں (اسکول کے سربراہ، سہولت کار اور عملہ)",
        paragraphs: [
          "ہم نام، ای میل، کردار اور اسکول، اور سہولت کاروں کے لیے زبانیں اور فون محفوظ کرتے ہیں، تاکہ سیشنز کی منصوبہ بندی ہو سکے۔ لاگ اِن لنک 15 منٹ تک کام کرتا ہے؛ میعاد ختم ہونے والے لنکس اور سیشنز خود بخود حذف ہو جاتے ہیں۔ عملے کی کی گئی تبدیلیاں ایک لاگ میں درج ہوتی ہیں (کس نے، کیا اور کب)۔",
          "سرور کا لاگ ہر درخواست کے لیے دکھاتا ہے: طریقہ، قدروں کے بغیر پتہ (صرف پیرامیٹرز کے نام)، حالت اور جواب کا وقت۔ کبھی لاگ اِن لنکس، کیلنڈر لنکس یا سوالنامے نہیں۔",
          "قانونی بنیاد بلدیہ کے بطور سرکاری ادارہ فرائض ہیں (GDPR آرٹیکل 6(1)(e))۔",
        ],
      },
      {
        heading: "آپ کے حقوق اور رابطہ",
        paragraphs: [
          "آپ کو اپنے بارے میں ان معلومات تک رسائی، ان کی درستی یا حذف کروانے کا حق ہے جو ہم تلاش کر سکتے ہیں۔ گمنام جوابات کوئی تلاش نہیں کر سکتا، اس لیے ہم انہیں الگ الگ فراہم یا حذف بھی نہیں کر سکتے۔",
          "رابطہ: {contact}۔ آپ ڈنمارک کی ڈیٹا پروٹیکشن ایجنسی (datatilsynet.dk) میں شکایت کر سکتے ہیں۔",
        ],
      },
    ],
    backToForm: "سوالنامے پر واپس جائیں",
  },
  tr: {
    title: "Frirum verileri nasıl işler",
    draftNote: "Bu çeviri bir taslaktır ve henüz gözden geçirilmemiştir. Danca metin geçerlidir.",
    sections: [
      {
        heading: "Bir anketi yanıtladığınızda",
        paragraphs: [
          "Yanıtlarınız anonimdir. Yalnızca şunları saklarız: yanıtın hangi oturuma ait olduğu, formun öğrenciler, veliler veya personel için olup olmadığı, formun sürümü, dil, yanıtlarınız, varsa bir yorum ve oturumun tarihi.",
          "Adınızı, telefonunuzu, IP adresinizi veya ne zaman yanıt verdiğinizi saklamayız. Anket sayfaları sunucunun kaydına yazılmaz.",
          'Telefonunuz yalnızca "buradan yanıt verildi" diyen bir çerez alır (30 gün boyunca), böylece aynı form iki kez gönderilmez. Sizinle ilgili hiçbir şey içermez.',
          "Yoruma isim yazmayın. Yorumları yalnızca belediyenin birkaç çalışanı okur ve oturumdan {months} ay sonra silinir. 5 kişiden az kişinin yanıtları asla gösterilmez.",
        ],
      },
      {
        heading: "Neden",
        paragraphs: [
          "Yanıtlar, oturumları iyileştirmek ve belediyenin olumsuz sosyal kontrole karşı eylem planı hakkında politikacılara sunduğu yıllık rapor için kullanılır.",
        ],
      },
      {
        heading: "Giriş yaptığınızda (okul yöneticileri, kolaylaştırıcılar ve personel)",
        paragraphs: [
          "Oturumların planlanabilmesi için ad, e-posta, rol ve okulu, kolaylaştırıcılar için ise dilleri ve telefonu saklarız. Giriş bağlantısı 15 dakika geçerlidir; süresi dolan bağlantılar ve oturumlar otomatik olarak silinir. Personelin yaptığı değişiklikler bir kayda yazılır (kim, ne ve ne zaman).",
          "Sunucunun kaydı her istek için şunları gösterir: yöntem, değerler olmadan adres (yalnızca parametre adları), durum ve yanıt süresi. Asla giriş bağlantıları, takvim bağlantıları veya anketler değil.",
          "Hukuki dayanak, belediyenin kamu kurumu olarak görevleridir (GDPR madde 6(1)(e)).",
        ],
      },
      {
        heading: "Haklarınız ve iletişim",
        paragraphs: [
          "Bulabildiğimiz, sizinle ilgili bilgilere erişme, bunları düzeltme veya sildirme hakkınız vardır. Anonim yanıtları kimse bulamaz, bu yüzden onları tek tek veremez veya silemeyiz.",
          "İletişim: {contact}. Danimarka Veri Koruma Kurumu'na (datatilsynet.dk) şikâyette bulunabilirsiniz.",
        ],
      },
    ],
    backToForm: "Ankete geri dön",
  },
  fa: {
    title: "Frirum چگونه با داده‌ها رفتار می‌کند",
    draftNote: "این ترجمه پیش‌نویس است و هنوز بازبینی نشده است. متن دانمارکی معتبر است.",
    sections: [
      {
        heading: "وقتی به پرسشنامه پاسخ می‌دهید",
        paragraphs: [
          "پاسخ‌های شما ناشناس است. ما فقط این‌ها را ذخیره می‌کنیم: پاسخ مربوط به کدام جلسه است، پرسشنامه برای دانش‌آموزان، والدین یا کارکنان است، نسخه پرسشنامه، زبان، پاسخ‌های شما، نظر در صورت وجود، و تاریخ جلسه.",
          "ما نام، تلفن، نشانی IP شما یا زمان پاسخ‌دادن شما را ذخیره نمی‌کنیم. صفحه‌های پرسشنامه در گزارش سرور ثبت نمی‌شوند.",
          "تلفن شما یک کوکی دریافت می‌کند که فقط می‌گوید «از اینجا پاسخ داده شده است» (به مدت ۳۰ روز)، تا همان پرسشنامه دو بار فرستاده نشود. هیچ چیزی درباره شما در آن نیست.",
          "در نظر خود نام ننویسید. نظرها را فقط چند کارمند شهرداری می‌خوانند و {months} ماه پس از جلسه پاک می‌شوند. پاسخ‌های کمتر از ۵ نفر هرگز نشان داده نمی‌شوند.",
        ],
      },
      {
        heading: "چرا",
        paragraphs: [
          "پاسخ‌ها برای بهتر کردن جلسه‌ها و برای گزارش سالانه شهرداری به سیاستمداران درباره برنامه اقدام علیه کنترل اجتماعی منفی به کار می‌روند.",
        ],
      },
      {
        heading: "وقتی وارد می‌شوید (مدیران مدرسه، تسهیل‌گران و کارکنان)",
        paragraphs: [
          "ما نام، ایمیل، نقش و مدرسه، و برای تسهیل‌گران زبان‌ها و تلفن را ذخیره می‌کنیم تا بتوان جلسه‌ها را برنامه‌ریزی کرد. پیوند ورود ۱۵ دقیقه اعتبار دارد؛ پیوندها و نشست‌های منقضی‌شده به‌طور خودکار پاک می‌شوند. تغییراتی که کارکنان انجام می‌دهند در یک گزارش ثبت می‌شود (چه کسی، چه چیزی و چه زمانی).",
          "گزارش سرور برای هر درخواست نشان می‌دهد: روش، نشانی بدون مقدارها (فقط نام پارامترها)، وضعیت و زمان پاسخ. هرگز پیوندهای ورود، پیوندهای تقویم یا پرسشنامه‌ها را نشان نمی‌دهد.",
          "مبنای قانونی، وظایف شهرداری به‌عنوان یک نهاد عمومی است (ماده ۶(۱)(ه) مقررات عمومی حفاظت از داده‌ها).",
        ],
      },
      {
        heading: "حقوق شما و تماس",
        paragraphs: [
          "شما حق دارید اطلاعاتی را که درباره شما می‌توانیم پیدا کنیم ببینید، اصلاح کنید یا پاک کنید. پاسخ‌های ناشناس را هیچ‌کس نمی‌تواند پیدا کند، بنابراین نمی‌توانیم آن‌ها را تک‌تک ارائه یا پاک کنیم.",
          "تماس: {contact}. می‌توانید به سازمان حفاظت از داده‌های دانمارک (datatilsynet.dk) شکایت کنید.",
        ],
      },
    ],
    backToForm: "بازگشت به پرسشنامه",
  },
};
