/**
 * The facilitator's pages: my sessions, the session page with delivery and attendance,
 * unavailability (also the coordinator's page for a facilitator) and the private calendar feed.
 * (`facilitator.title` and `facilitator.intro` live in admin.ts.)
 */
export const facilitatorMessages = {
  da: {
    "facilitator.upcoming.title": "Kommende forløb",
    "facilitator.upcoming.empty": "Du har ingen kommende forløb.",
    "facilitator.past.title": "Tidligere forløb",
    "facilitator.past.empty": "Du har ingen tidligere forløb.",
    "facilitator.past.count": "{count} i alt, nyeste først.",
    "facilitator.past.pages": "Sider med tidligere forløb",
    "facilitator.past.newer": "Nyere",
    "facilitator.past.older": "Ældre",
    "facilitator.past.page": "Side {page} af {pages}",

    "facilitator.session.back": "Tilbage til mine forløb",
    "facilitator.session.when": "Tid",
    "facilitator.session.where": "Sted",
    "facilitator.session.address": "Adresse",
    "facilitator.session.status": "Status",
    "facilitator.session.feedback": "Feedback (QR-kode)",
    "facilitator.session.practical": "Praktisk",
    "facilitator.session.school": "Skole",
    "facilitator.session.contact": "Kontaktperson",
    "facilitator.session.phone": "Kontaktpersonens telefon",
    "facilitator.session.participants": "Deltagere",
    "facilitator.session.audience": "Målgruppe",
    "facilitator.session.groups": "Hold",
    "facilitator.session.groupsValue": "{groups} hold × {perGroup} deltagere",
    "facilitator.session.languages": "Sprog ud over dansk",
    "facilitator.session.languagesNone": "Ingen",
    "facilitator.session.notes": "Skolens bemærkninger",
    "facilitator.session.notesNone": "Skolen har ikke skrevet noget.",
    "facilitator.session.facilitators": "Facilitatorer",
    "facilitator.session.you": "dig",

    "facilitator.delivery.title": "Gennemførelse og fremmøde",
    "facilitator.delivery.intro":
      "Registrér forløbet som gennemført, når det er holdt, og skriv hvor mange der var til stede.",
    "facilitator.delivery.deliveredAt":
      "Forløbet blev registreret som gennemført {at}. Du kan rette tallene herunder.",
    "facilitator.delivery.presentHint": "Antal personer til stede, som et helt tal.",
    "facilitator.delivery.note": "Intern bemærkning (valgfri)",
    "facilitator.delivery.noteHint":
      "Kun til koordinatorerne, fx hvordan det gik. Højst {max} tegn. Skriv ikke navne på elever.",
    "facilitator.delivery.submit": "Registrér som gennemført",
    "facilitator.delivery.update": "Gem rettelser",
    "facilitator.delivery.saved": "Fremmødet er gemt, og forløbet er gennemført.",
    "facilitator.delivery.requestDelivered": "Alle forløb i skolens henvendelse er nu gennemført.",
    "facilitator.delivery.reload": "Genindlæs siden med de nyeste oplysninger",
    "facilitator.attendance.present.pupils": "Elever til stede",
    "facilitator.attendance.present.staff": "Fagpersoner til stede",
    "facilitator.attendance.present.parents": "Forældre til stede",
    "facilitator.attendance.present.range": "Skriv antallet som et helt tal fra 0 til 1000.",
    "facilitator.attendance.note.tooLong": "Skriv højst 1000 tegn.",
    "facilitator.attendance.stale":
      "Forløbet er blevet ændret, siden du åbnede siden. Dine tal er ikke gemt. Genindlæs siden, og prøv igen.",
    "facilitator.attendance.notStarted": "Du kan registrere fremmøde, når forløbet er begyndt.",
    "facilitator.attendance.cancelled": "Forløbet er aflyst, så der registreres ikke fremmøde.",

    "facilitator.unavailability.title": "Fravær",
    "facilitator.unavailability.titleFor": "Fravær: {name}",
    "facilitator.unavailability.intro":
      "Skriv her, når du ikke kan tage forløb. Koordinatorerne ser det, når de planlægger.",
    "facilitator.unavailability.introCoordinator":
      "Facilitatorens registrerede fravær. Det tages med, når der planlægges forløb.",
    "facilitator.unavailability.listTitle": "Registreret fravær",
    "facilitator.unavailability.empty": "Intet kommende fravær er registreret.",
    "facilitator.unavailability.period": "Periode",
    "facilitator.unavailability.oneDay": "{day} (hele dagen)",
    "facilitator.unavailability.days": "{first} – {last} (hele dage)",
    "facilitator.unavailability.remove": "Fjern",
    "facilitator.unavailability.removeConfirm": "Vil du fjerne fraværet {period}?",
    "facilitator.unavailability.removeYes": "Ja, fjern fraværet",
    "facilitator.unavailability.removed": "Fraværet er fjernet.",
    "facilitator.unavailability.added": "Fraværet er registreret.",
    "facilitator.unavailability.overlap":
      "Bemærk: {count} planlagte forløb ligger i perioden. De flyttes ikke af sig selv, så kontakt koordinatoren.",
    "facilitator.unavailability.addTitle": "Tilføj fravær",
    "facilitator.unavailability.addIntro":
      "Et tidsrum på én dag: vælg dato og klokkeslæt. Hele dage: vælg første og sidste dag, og lad klokkeslæt stå tomme. Tiderne er dansk tid.",
    "facilitator.unavailability.from": "Fra",
    "facilitator.unavailability.to": "Til",
    "facilitator.unavailability.startDate": "Første dag",
    "facilitator.unavailability.startTime": "Fra klokken",
    "facilitator.unavailability.startTimeHint": "Tom betyder fra dagens start.",
    "facilitator.unavailability.endDate": "Sidste dag",
    "facilitator.unavailability.endDateHint": "Tom betyder samme dag.",
    "facilitator.unavailability.endTime": "Til klokken",
    "facilitator.unavailability.endTimeHint": "Tom betyder til dagens slutning.",
    "facilitator.unavailability.reason": "Bemærkning",
    "facilitator.unavailability.reasonHint": "Valgfri, fx ferie eller kursus. Højst 200 tegn.",
    "facilitator.unavailability.submit": "Tilføj fravær",
    "facilitator.unavailability.date.required": "Vælg den første dag.",
    "facilitator.unavailability.date.invalid": "Skriv en gyldig dato.",
    "facilitator.unavailability.time.invalid": "Skriv et klokkeslæt som tt:mm, fx 13:30.",
    "facilitator.unavailability.order": "Slutningen skal ligge efter starten.",
    "facilitator.unavailability.tooLong": "Fravær kan højst vare 366 dage ad gangen.",
    "facilitator.unavailability.reason.tooLong": "Skriv højst 200 tegn.",
    "facilitator.unavailability.past":
      "Fraværet ligger i fortiden. Vælg en periode, der ikke er slut.",

    "facilitator.feed.title": "Kalender-abonnement",
    "facilitator.feed.intro":
      "Abonnér på dine forløb i din egen kalender (Outlook, Google, Apple eller Thunderbird). Kalenderen viser dine forløb fra 30 dage tilbage og frem; aflyste forløb står som aflyst en tid.",
    "facilitator.feed.delay":
      "Kalenderprogrammer henter abonnementer med mellemrum (Google kan være op til et døgn om det). Nye forløb, ændringer og aflysninger får du derfor også på e-mail.",
    "facilitator.feed.none": "Du har endnu ikke et kalenderlink.",
    "facilitator.feed.create": "Opret kalenderlink",
    "facilitator.feed.created": "Dit kalenderlink er klar",
    "facilitator.feed.regenerated": "Dit nye kalenderlink er klar",
    "facilitator.feed.open": "Åbn i kalenderprogram",
    "facilitator.feed.urlLabel": "Adresse til at kopiere",
    "facilitator.feed.urlHint":
      "I Google Kalender: Andre kalendere, Fra webadresse. I Outlook: Tilføj kalender, Abonner fra internettet.",
    "facilitator.feed.webcalLabel": "Samme adresse som webcal-link",
    "facilitator.feed.onlyOnce":
      "Gem linket nu. Vi gemmer kun en kode, der ikke kan regnes tilbage til linket, så det kan ikke vises igen. Mister du det, så lav et nyt.",
    "facilitator.feed.secret":
      "Del ikke linket: alle, der har det, kan se dine forløb. Lav et nyt link, hvis det er kommet ud.",
    "facilitator.feed.existingTitle": "Nyt link",
    "facilitator.feed.existing":
      "Du har et kalenderlink, oprettet {created}. Af sikkerhedshensyn kan det ikke vises igen. Har du mistet det, så lav et nyt.",
    "facilitator.feed.regenerate": "Lav nyt link",
    "facilitator.feed.regenerateConfirm":
      "Det gamle link holder op med at virke med det samme. Kalendere, der abonnerer på det, skal have det nye link.",
    "facilitator.feed.regenerateYes": "Ja, lav nyt link",
    "facilitator.feed.linkTitle": "Dit kalenderlink",
    "facilitator.feed.alreadyExists":
      'Du har allerede et kalenderlink, så der blev ikke lavet et nyt. Vil du have et nyt link, så vælg "Lav nyt link".',
    "facilitator.calendarChoice.title": "Invitationer, abonnement eller begge?",
    "facilitator.calendarChoice.twice":
      "Invitationer på e-mail og kalenderabonnementet lægger hver især alle dine forløb i din kalender. Tager du imod invitationerne og abonnerer på kalenderen, står hvert forløb derfor to gange. Vælg, hvordan du vil have dem.",
    "facilitator.calendarChoice.legend": "Sådan vil jeg have forløbene i min kalender",
    "facilitator.calendarChoice.invites": "Invitationer på e-mail",
    "facilitator.calendarChoice.invites.hint":
      "Du tager imod hver invitation i din kalender. Ændringer og aflysninger retter aftalen med det samme. Du behøver ikke abonnementet.",
    "facilitator.calendarChoice.feed": "Kun kalenderabonnement",
    "facilitator.calendarChoice.feed.hint":
      "Forløbene kommer via abonnementet. Du får stadig en e-mail ved hvert nyt, ændret eller aflyst forløb, men uden kalenderfil, så intet står to gange.",
    "facilitator.calendarChoice.both": "Begge dele",
    "facilitator.calendarChoice.both.hint":
      "Invitationer og abonnement, fx abonnementet på en anden enhed. I samme kalender står hvert forløb to gange.",
    "facilitator.calendarChoice.save": "Gem valg",
    "facilitator.calendarChoice.saved": "Dit valg er gemt.",
    "facilitator.calendarChoice.noFeedNeeded":
      "Du har valgt invitationer på e-mail, så du behøver ikke et kalenderlink.",
  },
  en: {
    "facilitator.upcoming.title": "Upcoming sessions",
    "facilitator.upcoming.empty": "You have no upcoming sessions.",
    "facilitator.past.title": "Past sessions",
    "facilitator.past.empty": "You have no past sessions.",
    "facilitator.past.count": "{count} in all, newest first.",
    "facilitator.past.pages": "Pages of past sessions",
    "facilitator.past.newer": "Newer",
    "facilitator.past.older": "Older",
    "facilitator.past.page": "Page {page} of {pages}",

    "facilitator.session.back": "Back to my sessions",
    "facilitator.session.when": "Time",
    "facilitator.session.where": "Place",
    "facilitator.session.address": "Address",
    "facilitator.session.status": "Status",
    "facilitator.session.feedback": "Feedback (QR code)",
    "facilitator.session.practical": "Practical details",
    "facilitator.session.school": "School",
    "facilitator.session.contact": "Contact person",
    "facilitator.session.phone": "Contact person's phone",
    "facilitator.session.participants": "Participants",
    "facilitator.session.audience": "Audience",
    "facilitator.session.groups": "Groups",
    "facilitator.session.groupsValue": "{groups} groups × {perGroup} participants",
    "facilitator.session.languages": "Languages besides Danish",
    "facilitator.session.languagesNone": "None",
    "facilitator.session.notes": "The school's notes",
    "facilitator.session.notesNone": "The school has written nothing.",
    "facilitator.session.facilitators": "Facilitators",
    "facilitator.session.you": "you",

    "facilitator.delivery.title": "Delivery and attendance",
    "facilitator.delivery.intro":
      "Register the session as delivered once it has taken place, with how many were present.",
    "facilitator.delivery.deliveredAt":
      "The session was registered as delivered {at}. You can correct the figures below.",
    "facilitator.delivery.presentHint": "Number of people present, as a whole number.",
    "facilitator.delivery.note": "Internal note (optional)",
    "facilitator.delivery.noteHint":
      "For the coordinators only, e.g. how it went. At most {max} characters. Do not write pupils' names.",
    "facilitator.delivery.submit": "Register as delivered",
    "facilitator.delivery.update": "Save corrections",
    "facilitator.delivery.saved": "Attendance saved; the session is delivered.",
    "facilitator.delivery.requestDelivered":
      "All sessions of the school's request are now delivered.",
    "facilitator.delivery.reload": "Reload the page with the latest details",
    "facilitator.attendance.present.pupils": "Pupils present",
    "facilitator.attendance.present.staff": "Professionals present",
    "facilitator.attendance.present.parents": "Parents present",
    "facilitator.attendance.present.range": "Enter the number as a whole number from 0 to 1000.",
    "facilitator.attendance.note.tooLong": "Write at most 1000 characters.",
    "facilitator.attendance.stale":
      "The session was changed after you opened this page. Your figures were not saved. Reload the page and try again.",
    "facilitator.attendance.notStarted":
      "You can register attendance once the session has started.",
    "facilitator.attendance.cancelled": "The session is cancelled, so no attendance is registered.",

    "facilitator.unavailability.title": "Unavailability",
    "facilitator.unavailability.titleFor": "Unavailability: {name}",
    "facilitator.unavailability.intro":
      "Add the times when you cannot take sessions. Coordinators see them when they schedule.",
    "facilitator.unavailability.introCoordinator":
      "The facilitator's registered unavailability. It is taken into account when sessions are scheduled.",
    "facilitator.unavailability.listTitle": "Registered unavailability",
    "facilitator.unavailability.empty": "No upcoming unavailability is registered.",
    "facilitator.unavailability.period": "Period",
    "facilitator.unavailability.oneDay": "{day} (all day)",
    "facilitator.unavailability.days": "{first} – {last} (whole days)",
    "facilitator.unavailability.remove": "Remove",
    "facilitator.unavailability.removeConfirm": "Remove the unavailability {period}?",
    "facilitator.unavailability.removeYes": "Yes, remove it",
    "facilitator.unavailability.removed": "The unavailability was removed.",
    "facilitator.unavailability.added": "The unavailability was registered.",
    "facilitator.unavailability.overlap":
      "Note: {count} scheduled sessions fall in this period. They are not moved automatically, so contact the coordinator.",
    "facilitator.unavailability.addTitle": "Add unavailability",
    "facilitator.unavailability.addIntro":
      "A span on one day: choose the date and times. Whole days: choose the first and last day and leave the times empty. Times are Danish time.",
    "facilitator.unavailability.from": "From",
    "facilitator.unavailability.to": "To",
    "facilitator.unavailability.startDate": "First day",
    "facilitator.unavailability.startTime": "From (time)",
    "facilitator.unavailability.startTimeHint": "Empty means from the start of the day.",
    "facilitator.unavailability.endDate": "Last day",
    "facilitator.unavailability.endDateHint": "Empty means the same day.",
    "facilitator.unavailability.endTime": "To (time)",
    "facilitator.unavailability.endTimeHint": "Empty means to the end of the day.",
    "facilitator.unavailability.reason": "Note",
    "facilitator.unavailability.reasonHint":
      "Optional, e.g. holiday or training. At most 200 characters.",
    "facilitator.unavailability.submit": "Add unavailability",
    "facilitator.unavailability.date.required": "Choose the first day.",
    "facilitator.unavailability.date.invalid": "Enter a valid date.",
    "facilitator.unavailability.time.invalid": "Enter a time as hh:mm, e.g. 13:30.",
    "facilitator.unavailability.order": "The end must be after the start.",
    "facilitator.unavailability.tooLong": "Unavailability can last at most 366 days at a time.",
    "facilitator.unavailability.reason.tooLong": "Write at most 200 characters.",
    "facilitator.unavailability.past": "That period is in the past. Choose one that has not ended.",

    "facilitator.feed.title": "Calendar feed",
    "facilitator.feed.intro":
      "Subscribe to your sessions in your own calendar (Outlook, Google, Apple or Thunderbird). It shows your sessions from 30 days back onwards; cancelled sessions stay marked as cancelled for a while.",
    "facilitator.feed.delay":
      "Calendar apps fetch subscriptions now and then (Google can take up to a day), so new sessions, changes and cancellations also reach you by email.",
    "facilitator.feed.none": "You do not have a calendar link yet.",
    "facilitator.feed.create": "Create calendar link",
    "facilitator.feed.created": "Your calendar link is ready",
    "facilitator.feed.regenerated": "Your new calendar link is ready",
    "facilitator.feed.open": "Open in calendar app",
    "facilitator.feed.urlLabel": "Address to copy",
    "facilitator.feed.urlHint":
      "In Google Calendar: Other calendars, From URL. In Outlook: Add calendar, Subscribe from web.",
    "facilitator.feed.webcalLabel": "The same address as a webcal link",
    "facilitator.feed.onlyOnce":
      "Save the link now. We keep only a code that cannot be turned back into the link, so it cannot be shown again. If you lose it, make a new one.",
    "facilitator.feed.secret":
      "Do not share the link: anyone who has it can see your sessions. Make a new link if it has got out.",
    "facilitator.feed.existingTitle": "New link",
    "facilitator.feed.existing":
      "You have a calendar link, created {created}. For security it cannot be shown again. If you have lost it, make a new one.",
    "facilitator.feed.regenerate": "Make a new link",
    "facilitator.feed.regenerateConfirm":
      "The old link stops working at once. Calendars subscribed to it need the new link.",
    "facilitator.feed.regenerateYes": "Yes, make a new link",
    "facilitator.feed.linkTitle": "Your calendar link",
    "facilitator.feed.alreadyExists":
      'You already have a calendar link, so no new one was made. For a new link, choose "Make a new link".',
    "facilitator.calendarChoice.title": "Invites, feed or both?",
    "facilitator.calendarChoice.twice":
      "Emailed invites and the calendar feed each put all your sessions in your calendar. If you accept the invites and subscribe to the feed, every session shows twice. Choose how you want them.",
    "facilitator.calendarChoice.legend": "How I want sessions in my calendar",
    "facilitator.calendarChoice.invites": "Emailed invites",
    "facilitator.calendarChoice.invites.hint":
      "You accept each invite in your calendar. Changes and cancellations update it at once. You do not need the feed.",
    "facilitator.calendarChoice.feed": "Calendar feed only",
    "facilitator.calendarChoice.feed.hint":
      "Sessions come through the feed. You still get an email for every new, changed or cancelled session, but without a calendar file, so nothing shows twice.",
    "facilitator.calendarChoice.both": "Both",
    "facilitator.calendarChoice.both.hint":
      "Invites and the feed, e.g. the feed on another device. In one calendar every session shows twice.",
    "facilitator.calendarChoice.save": "Save choice",
    "facilitator.calendarChoice.saved": "Your choice is saved.",
    "facilitator.calendarChoice.noFeedNeeded":
      "You chose emailed invites, so you do not need a calendar link.",
  },
};
