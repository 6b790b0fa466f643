/**
 * The accessibility statement (tilgængelighedserklæring), a legal duty for Danish public websites
 * (lov nr. 692 af 8. juni 2018 om tilgængelighed af offentlige organers websteder og
 * mobilapplikationer). It follows Digitaliseringsstyrelsen's structure: compliance status, content
 * that is not accessible, how the statement was prepared (with its date), feedback and contact,
 * and the enforcement procedure (Digitaliseringsstyrelsen supervises). Keep it true: update the
 * known non-conformities when they are fixed or found. `{contact}` is the department's mailbox.
 */
export interface AccessibilityStatement {
  title: string;
  intro: string;
  sections: Array<{ heading: string; paragraphs: string[]; items?: string[] }>;
}

export const ACCESSIBILITY_STATEMENT: Record<"da" | "en", AccessibilityStatement> = {
  da: {
    title: "Tilgængelighedserklæring for Frirum",
    intro:
      "Kommunen ønsker, at alle kan bruge Frirum. Frirum skal overholde lov om tilgængelighed af offentlige organers websteder og mobilapplikationer, og målet er WCAG 2.1 niveau AA. Erklæringen gælder hele Frirum: login, katalog, anmodninger, planlægning, facilitatorsider og de anonyme spørgeskemaer.",
    sections: [
      {
        heading: "Overensstemmelsesstatus",
        paragraphs: [
          "Frirum er delvist i overensstemmelse med WCAG 2.1 niveau AA på grund af de forhold, der er nævnt herunder.",
        ],
      },
      {
        heading: "Indhold, der ikke er tilgængeligt",
        paragraphs: ["Vi kender til disse problemer:"],
        items: [
          "Dato- og tidsfelter bruger browserens indbyggede vælger. Hvor godt den virker med skærmlæser og tastatur, afhænger af browseren. Datoen kan altid skrives direkte i feltet.",
          "Fuldskærmsvisningen med QR-kode er lavet til en projektor i klassen. QR-koden er et billede; den korte kode og linket står også som tekst på siden.",
          "Oversættelserne af spørgeskemaerne og privatlivserklæringen til engelsk, arabisk, somali, urdu, tyrkisk og farsi er udkast, som endnu ikke er gennemgået af en modersmålstalende.",
          "Tælleren for antal svar opdateres hvert 5. sekund og læses op af skærmlæsere, når tallet ændrer sig.",
          "Printbare engangskoder er lavet til papir og er ikke testet med skærmlæser.",
        ],
      },
      {
        heading: "Udarbejdelse af denne erklæring",
        paragraphs: [
          "Erklæringen er udarbejdet den 2. december 2026 på grundlag af en selvevaluering: automatiske tests med axe-core (WCAG 2.0 og 2.1, niveau A og AA) af hver side i browsertestene, med og uden JavaScript og på mobilskærm, samt manuel test med tastatur. Frirum er ikke evalueret af en uafhængig tredjepart.",
        ],
      },
      {
        heading: "Feedback og kontaktoplysninger",
        paragraphs: [
          "Oplever du problemer med tilgængeligheden, eller har du brug for indhold i en anden form, så skriv til {contact}. Vi svarer inden for 10 arbejdsdage.",
        ],
      },
      {
        heading: "Håndhævelsesprocedure",
        paragraphs: [
          "Digitaliseringsstyrelsen fører tilsyn med, at offentlige websteder overholder loven. Får du ikke et tilfredsstillende svar fra os, kan du klage til Digitaliseringsstyrelsen via digst.dk.",
        ],
      },
    ],
  },
  en: {
    title: "Accessibility statement for Frirum",
    intro:
      "The municipality wants everyone to be able to use Frirum. Frirum must comply with the Danish act on the accessibility of public sector websites and mobile applications, and the goal is WCAG 2.1 level AA. The statement covers all of Frirum: sign-in, catalogue, requests, scheduling, facilitator pages and the anonymous questionnaires.",
    sections: [
      {
        heading: "Compliance status",
        paragraphs: [
          "Frirum is partially compliant with WCAG 2.1 level AA because of the issues listed below.",
        ],
      },
      {
        heading: "Non-accessible content",
        paragraphs: ["We know of these issues:"],
        items: [
          "Date and time fields use the browser's built-in picker. How well it works with screen readers and keyboards depends on the browser. A date can always be typed into the field.",
          "The full-screen QR code view is made for a projector in the classroom. The QR code is an image; the short code and the link are also on the page as text.",
          "The translations of the questionnaires and the privacy notice into English, Arabic, Somali, Urdu, Turkish and Farsi are drafts not yet reviewed by native speakers.",
          "The answer counter updates every 5 seconds and is read out by screen readers when the number changes.",
          "Printable one-time codes are made for paper and have not been tested with screen readers.",
        ],
      },
      {
        heading: "Preparation of this statement",
        paragraphs: [
          "This statement was prepared on 2 December 2026 based on a self-assessment: automated axe-core tests (WCAG 2.0 and 2.1, levels A and AA) of every page in the browser tests, with and without JavaScript and on a phone screen, and manual keyboard testing. Frirum has not been evaluated by an independent third party.",
        ],
      },
      {
        heading: "Feedback and contact information",
        paragraphs: [
          "If you have problems with accessibility or need content in another form, write to {contact}. We answer within 10 working days.",
        ],
      },
      {
        heading: "Enforcement procedure",
        paragraphs: [
          "The Danish Agency for Digital Government (Digitaliseringsstyrelsen) supervises that public websites comply with the act. If you do not get a satisfactory answer from us, you can complain to the agency through digst.dk.",
        ],
      },
    ],
  },
};
