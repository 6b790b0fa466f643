/**
 * Fictional demo data (all marked is_demo). School names are invented, Copenhagen-like; no real
 * person or school is meant.
 */
export const DEMO_SCHOOLS = [
  {
    slug: "noerrebro-parkskole",
    name: "Nørrebro Parkskole (demo)",
    district: "Nørrebro",
    address: "Parkvej 10, 2200 København N",
    pilot: 2024,
  },
  {
    slug: "tingbjerg-skole",
    name: "Tingbjerg Skole (demo)",
    district: "Brønshøj-Husum",
    address: "Tingbjerg Allé 5, 2700 Brønshøj",
    pilot: 2024,
  },
  {
    slug: "amager-faelled-skole",
    name: "Amager Fælled Skole (demo)",
    district: "Amager Vest",
    address: "Fælledvej 22, 2300 København S",
    pilot: null,
  },
  {
    slug: "valby-bakke-skole",
    name: "Valby Bakke Skole (demo)",
    district: "Valby",
    address: "Bakkevej 3, 2500 Valby",
    pilot: null,
  },
  {
    slug: "vesterbro-ny-skole",
    name: "Vesterbro Ny Skole (demo)",
    district: "Vesterbro/Kongens Enghave",
    address: "Skydebanegade 14, 1709 København V",
    pilot: null,
  },
  {
    slug: "bispebjerg-skole",
    name: "Bispebjerg Skole (demo)",
    district: "Bispebjerg",
    address: "Tuborgvej 40, 2400 København NV",
    pilot: null,
  },
  {
    slug: "sundby-skole",
    name: "Sundby Skole (demo)",
    district: "Amager Øst",
    address: "Sundbyvej 8, 2300 København S",
    pilot: null,
  },
  {
    slug: "husum-vaenge-skole",
    name: "Husum Vænge Skole (demo)",
    district: "Brønshøj-Husum",
    address: "Vængevej 2, 2700 Brønshøj",
    pilot: null,
  },
  {
    slug: "oesterbro-lindeskole",
    name: "Østerbro Lindeskole (demo)",
    district: "Østerbro",
    address: "Lindevej 19, 2100 København Ø",
    pilot: null,
  },
  {
    slug: "sydhavn-skole",
    name: "Sydhavn Skole (demo)",
    district: "Vesterbro/Kongens Enghave",
    address: "Borgbjergvej 6, 2450 København SV",
    pilot: null,
  },
  {
    slug: "vanloese-aaskole",
    name: "Vanløse Åskole (demo)",
    district: "Vanløse",
    address: "Åvej 11, 2720 Vanløse",
    pilot: null,
  },
  {
    slug: "kongens-enghave-skole",
    name: "Kongens Enghave Skole (demo)",
    district: "Vesterbro/Kongens Enghave",
    address: "Enghavevej 70, 2450 København SV",
    pilot: null,
  },
] as const;

export const DEMO_COORDINATOR = {
  email: "koordinator@frirum.test",
  name: "Karen Koordinator (demo)",
};

export const DEMO_FACILITATORS = [
  { email: "facilitator1@frirum.test", name: "Amira Haddad (demo)", languages: ["da", "ar", "en"] },
  {
    email: "facilitator2@frirum.test",
    name: "Hodan Warsame (demo)",
    languages: ["da", "so", "en"],
  },
  {
    email: "facilitator3@frirum.test",
    name: "Imran Qureshi (demo)",
    languages: ["da", "ur", "en"],
  },
  { email: "facilitator4@frirum.test", name: "Elif Yıldız (demo)", languages: ["da", "tr", "en"] },
] as const;

/** School leader names, one per school in the order above. */
export const DEMO_LEADER_NAMES = [
  "Mette Holm",
  "Jonas Friis",
  "Lise Bach",
  "Peter Lund",
  "Sara Dahl",
  "Anders Krog",
  "Birgitte Vang",
  "Kasper Moll",
  "Hanne Skov",
  "Ole Brandt",
  "Nadia Berg",
  "Tobias Ravn",
].map((n) => `${n} (demo)`);

export const leaderEmail = (schoolSlug: string) => `leder.${schoolSlug}@frirum.test`;

export const DEMO_COURSES = [
  {
    slug: "workshop-rettigheder-og-frihed",
    title: "Workshop: Rettigheder og frihed (7.-9. kl.)",
    audience: "pupils",
    summary:
      "Eleverne arbejder med børns og unges rettigheder, frihedsgrader og hvor man kan få hjælp.",
    description:
      "En interaktiv workshop om demokratisk dannelse, rettigheder og handlemuligheder. Eleverne diskuterer dilemmaer om venskaber, kærester, fritid og uddannelse, og de lærer, hvor de kan søge hjælp, hvis de selv eller en ven oplever pres eller kontrol. Workshoppen lægger også op til refleksion over, hvordan man selv kan komme til at kontrollere andre.",
    gradeMin: 7,
    gradeMax: 9,
    durationMinutes: 90,
    maxParticipants: 30,
    facilitatorsNeeded: 2,
    languages: ["da"],
    schoolProvides: "Et klasselokale med projektor og en lærer, som eleverne kender, til stede.",
  },
  {
    slug: "workshop-venskab-og-faellesskab",
    title: "Workshop: Venskab og fællesskab (4.-6. kl.)",
    audience: "pupils",
    summary: "Alderssvarende samtaler om at vælge venner, være forskellige og sige til og fra.",
    description:
      "Eleverne arbejder med, hvad et godt fællesskab er, og med at alle børn selv må vælge venner og fritidsaktiviteter. Gennem øvelser og korte fortællinger taler klassen om at sige til og fra og om, hvem man kan tale med.",
    gradeMin: 4,
    gradeMax: 6,
    durationMinutes: 60,
    maxParticipants: 28,
    facilitatorsNeeded: 1,
    languages: ["da"],
    schoolProvides: "Et lokale, hvor der kan flyttes borde.",
  },
  {
    slug: "workshop-kaerlighed-og-valg",
    title: "Workshop: Kærlighed, kærester og egne valg (8.-10. kl.)",
    audience: "pupils",
    summary:
      "Om retten til selv at vælge kæreste og ægtefælle, og om forventningspres fra familie og omgangskreds.",
    description:
      "Workshoppen giver de ældste elever viden om retten til selv at vælge partner, uddannelse og job, og om hvad loven siger om tvang og kontrol. Eleverne arbejder i mindre grupper med cases.",
    gradeMin: 8,
    gradeMax: 10,
    durationMinutes: 120,
    maxParticipants: 30,
    facilitatorsNeeded: 2,
    languages: ["da"],
    schoolProvides: "Klasselokale og mulighed for gruppearbejde i to ekstra rum.",
  },
  {
    slug: "oplaeg-bekymringstegn-for-personale",
    title: "Oplæg for personale: Bekymringstegn og handlemuligheder",
    audience: "staff",
    summary:
      "Lærere og pædagoger lærer at genkende tegn på negativ social kontrol og at handle rettidigt.",
    description:
      "Et opmærksomhedsoplæg for lærere, pædagoger og klubpersonale om negativ social kontrol, bekymringstegn, kommunens beredskab og hvem man kan få sparring fra. Med cases fra skolehverdagen.",
    gradeMin: null,
    gradeMax: null,
    durationMinutes: 120,
    maxParticipants: 60,
    facilitatorsNeeded: 1,
    languages: ["da"],
    schoolProvides: "Et mødelokale med projektor; gerne ved et personalemøde.",
  },
  {
    slug: "kursus-samtalen-med-eleven",
    title: "Kursus: Den svære samtale med elever og forældre",
    audience: "staff",
    summary:
      "Halv dags kursus i at tale med elever og forældre om bekymring, loyalitet og kontrol.",
    description:
      "Kurset træner samtaler med elever, der betror sig, og med forældre, når skolen er bekymret. Deltagerne øver sig i rollespil og får redskaber, de kan bruge i arbejdet.",
    gradeMin: null,
    gradeMax: null,
    durationMinutes: 180,
    maxParticipants: 25,
    facilitatorsNeeded: 2,
    languages: ["da"],
    schoolProvides: "Et lokale til 25 deltagere og to grupperum.",
  },
  {
    slug: "foraeldredialog-opdragelse-og-trivsel",
    title: "Forældredialog: Opdragelse, trivsel og frihed",
    audience: "parents",
    summary: "Dialogmøde om grænsen mellem opdragelse og negativ social kontrol, med tolkning.",
    description:
      "Et dialogmøde for forældre om trivsel, venskaber og opdragelse, og om hvordan man som forælder kan støtte sit barns faglige og sociale udvikling. Mødet holdes på flere sprog med facilitatorer, der taler forældrenes sprog.",
    gradeMin: null,
    gradeMax: null,
    durationMinutes: 120,
    maxParticipants: 40,
    facilitatorsNeeded: 2,
    languages: ["da", "ar", "so", "ur", "tr", "fa"],
    schoolProvides: "Et lokale, kaffe/te og hjælp til at invitere forældrene.",
  },
  {
    slug: "foraeldremoede-venskaber-og-fritid",
    title: "Forældremøde: Venskaber og fritidsliv",
    audience: "parents",
    summary: "Kort forældremøde om børns ret til fritidsaktiviteter og venskaber.",
    description:
      "Et kort møde, der kan lægges i forlængelse af et almindeligt forældremøde. Om fritidsliv, venskaber og hvor forældre kan søge råd.",
    gradeMin: null,
    gradeMax: null,
    durationMinutes: 60,
    maxParticipants: 60,
    facilitatorsNeeded: 1,
    languages: ["da", "ar", "so", "tr"],
    schoolProvides: "Plads ved det almindelige forældremøde.",
  },
  {
    slug: "opfoelgning-for-personale",
    title: "Opfølgning for personale: Sparring efter forløbet",
    audience: "staff",
    summary: "Sparringsmøde for personalet efter elevworkshops: hvad skete der, og hvad gør vi nu?",
    description:
      "Et opfølgende møde med lærere og pædagoger efter et forløb, hvor erfaringer samles op, og konkrete bekymringer drøftes med forvaltningens konsulenter.",
    gradeMin: null,
    gradeMax: null,
    durationMinutes: 90,
    maxParticipants: 30,
    facilitatorsNeeded: 1,
    languages: ["da"],
    schoolProvides: "Et mødelokale.",
  },
] as const;
