/**
 * The text of every email and calendar file Frirum sends, in the recipient's language (the
 * builders in `emails/` take the locale). `{placeholders}` are filled in by the builders.
 */
export const emailMessages = {
  da: {
    "email.greeting": "Hej {name}",
    "email.footer": "Frirum · Beskæftigelses- og Integrationsforvaltningen",
    "email.reason": "Begrundelse: {reason}",
    "email.yes": "Ja",
    "email.no": "Nej",
    "email.line.course": "Forløb: {course}",
    "email.line.school": "Skole: {school}",
    "email.line.when": "Hvornår: {when}",
    "email.line.where": "Hvor: {place}",
    "email.line.dateTime": "Dato og tid: {when}",
    "email.line.place": "Sted: {place}",
    "email.line.facilitators": "Facilitatorer: {names}",
    "email.line.contact": "Kontakt: {contact}",
    "email.line.seeInFrirum": "Se forløbet i Frirum: {url}",
    "email.ics.title": "{course} – {school}",
    "email.ics.description": "{course} på {school}",

    "email.signIn.subject": "Dit login-link til Frirum",
    "email.signIn.heading": "Log ind på Frirum",
    "email.signIn.body":
      "Brug knappen herunder for at logge ind. Linket virker én gang og udløber om {minutes} minutter.",
    "email.signIn.ignore": "Har du ikke bedt om at logge ind, kan du se bort fra denne mail.",
    "email.signIn.action": "Log ind",

    "email.invited.subject": "Invitation til Frirum",
    "email.invited.heading": "Du er inviteret til Frirum",
    "email.invited.body":
      "Du er oprettet som {role} i Frirum, kommunens platform for forebyggende forløb i skolerne.",
    "email.invited.bodySchool":
      "Du er oprettet som {role} for {school} i Frirum, kommunens platform for forebyggende forløb i skolerne.",
    "email.invited.signIn":
      "Du logger ind med din e-mailadresse: vi sender dig et link, hver gang du logger ind.",
    "email.invited.action": "Gå til Frirum",

    "email.receipt.subject": "Kvittering: {course}",
    "email.receipt.heading": "Vi har modtaget jeres anmodning",
    "email.receipt.thanks":
      'Tak for jeres anmodning om "{course}". En koordinator ser på den og vender tilbage med et tidspunkt. Anmodningens nummer er {number}.',
    "email.receipt.asked": "Det har I bedt om:\n{lines}",
    "email.receipt.follow":
      "I kan følge anmodningen og annullere den, indtil den er planlagt, på skolens side i Frirum.",
    "email.request.action": "Se anmodningen",
    "email.summary.groupCount": "Antal klasser/hold: {count}",
    "email.summary.participants": "Deltagere pr. hold: {count}",
    "email.summary.grades": "Klassetrin: {grades} klasse",
    "email.summary.grade": "{grade}.",
    "email.summary.window": "Foretrukket tidspunkt {number}: {window}",
    "email.summary.windowTimes": "kl. {from}-{to}",
    "email.summary.location": "Sted på skolen: {location}",
    "email.summary.contact": "Kontaktperson: {name}, tlf. {phone}",
    "email.summary.languages": "Sprog: {languages}",
    "email.summary.interpreter": "Behov for tolk: {answer}",
    "email.summary.notes": "Skolens egne udfordringer og ønsker: {notes}",

    "email.declined.subject": "Anmodning afvist: {course}",
    "email.declined.heading": "Jeres anmodning er afvist",
    "email.declined.body":
      'Vi kan desværre ikke imødekomme {school}s anmodning om "{course}" (nr. {number}, sendt {date}).',
    "email.declined.reason": "Begrundelse:\n{reason}",
    "email.declined.again":
      "I er velkomne til at sende en ny anmodning fra forløbskataloget eller kontakte koordinatoren, hvis I har spørgsmål.",

    "email.session.action": "Se forløbet i Frirum",
    "email.session.feedOnly":
      "Du har valgt kun at få forløbene via dit kalenderabonnement, så der er ingen kalenderfil i denne e-mail. Abonnementet opdateres inden for et par timer (Google kan være op til et døgn om det).",
    "email.invite.subject.new": "Invitation",
    "email.invite.subject.added": "Invitation",
    "email.invite.subject.updated": "Ændret",
    "email.invite.heading.new": "Du er sat på et forløb",
    "email.invite.heading.added": "Du er sat på et forløb",
    "email.invite.heading.updated": "Forløbet er ændret",
    "email.invite.intro.new":
      "Du er sat på dette forløb. Invitationen er vedhæftet, så du kan tilføje den til din kalender.",
    "email.invite.intro.added":
      "Du er sat på dette forløb i stedet for en kollega. Invitationen er vedhæftet.",
    "email.invite.intro.updated":
      "Forløbet er ændret. Den vedhæftede opdatering retter aftalen i din kalender.",
    "email.invite.introFeed.new": "Du er sat på dette forløb.",
    "email.invite.introFeed.added": "Du er sat på dette forløb i stedet for en kollega.",
    "email.invite.introFeed.updated": "Forløbet er ændret.",
    "email.invite.subjectLine": "{kind}: {course}, {school}, {when}",
    "email.cancel.subject": "Aflyst: {course}, {school}, {when}",
    "email.cancel.heading.cancelled": "Forløbet er aflyst",
    "email.cancel.heading.removed": "Du er taget af et forløb",
    "email.cancel.intro.cancelled": "Forløbet er aflyst.",
    "email.cancel.intro.removed": "Du skal ikke længere deltage i dette forløb.",
    "email.cancel.attached": "Den vedhæftede aflysning fjerner aftalen fra din kalender.",
    "email.reminder.subject": "Påmindelse: {course}, {when}",
    "email.reminder.heading": "Påmindelse: forløb om tre dage",
    "email.reminder.facilitator":
      "Husk forløbet herunder. Se skolens noter og kontaktperson i Frirum.",
    "email.reminder.school": "Husk forløbet herunder på jeres skole. Sørg for at lokalet er klar.",
    "email.attendance.subject": "Registrér fremmøde: {course}, {school}",
    "email.attendance.heading": "Registrér fremmøde",
    "email.attendance.body":
      "Tak for forløbet i går. Registrér fremmødet og en kort note i Frirum, så tæller det med i opfølgningen.",
    "email.attendance.action": "Registrér fremmøde",

    "email.school.action": "Se jeres anmodninger i Frirum",
    "email.school.confirmed.subject": "Planlagt: {course}, {when}",
    "email.school.confirmed.heading": "Forløbet er planlagt",
    "email.school.confirmed.intro": "Vi har planlagt forløbet for {school}:",
    "email.school.confirmed.file":
      "Den vedhæftede fil (invite.ics) lægger forløbet i jeres kalender.",
    "email.school.notice.subject": "{kind}: {course}, {when}",
    "email.school.moved.subject": "Ændret",
    "email.school.moved.heading": "Forløbet er flyttet",
    "email.school.moved.intro": "Tid eller sted for forløbet er ændret. Her er de nye oplysninger:",
    "email.school.facilitators.subject": "Nye facilitatorer",
    "email.school.facilitators.heading": "Nye facilitatorer på forløbet",
    "email.school.facilitators.intro":
      "Der er skiftet facilitatorer på forløbet. Tid og sted er uændret:",
    "email.school.cancelled.subject": "Aflyst",
    "email.school.cancelled.heading": "Forløbet er aflyst",
    "email.school.cancelled.intro": "Forløbet herunder er aflyst:",
  },
  en: {
    "email.greeting": "Hello {name}",
    "email.footer": "Frirum · Employment and Integration Administration",
    "email.reason": "Reason: {reason}",
    "email.yes": "Yes",
    "email.no": "No",
    "email.line.course": "Course: {course}",
    "email.line.school": "School: {school}",
    "email.line.when": "When: {when}",
    "email.line.where": "Where: {place}",
    "email.line.dateTime": "Date and time: {when}",
    "email.line.place": "Place: {place}",
    "email.line.facilitators": "Facilitators: {names}",
    "email.line.contact": "Contact: {contact}",
    "email.line.seeInFrirum": "See the session in Frirum: {url}",
    "email.ics.title": "{course} – {school}",
    "email.ics.description": "{course} at {school}",

    "email.signIn.subject": "Your sign-in link for Frirum",
    "email.signIn.heading": "Sign in to Frirum",
    "email.signIn.body":
      "Use the button below to sign in. The link works once and expires in {minutes} minutes.",
    "email.signIn.ignore": "If you did not ask to sign in, you can ignore this email.",
    "email.signIn.action": "Sign in",

    "email.invited.subject": "Invitation to Frirum",
    "email.invited.heading": "You are invited to Frirum",
    "email.invited.body":
      "You have been added as {role} in Frirum, the municipality's platform for preventive courses in schools.",
    "email.invited.bodySchool":
      "You have been added as {role} for {school} in Frirum, the municipality's platform for preventive courses in schools.",
    "email.invited.signIn":
      "You sign in with your email address: we send you a link each time you sign in.",
    "email.invited.action": "Go to Frirum",

    "email.receipt.subject": "Receipt: {course}",
    "email.receipt.heading": "We have received your request",
    "email.receipt.thanks":
      'Thank you for your request for "{course}". A coordinator will look at it and come back with a time. The request number is {number}.',
    "email.receipt.asked": "What you asked for:\n{lines}",
    "email.receipt.follow":
      "You can follow the request, and cancel it until it is scheduled, on your school's page in Frirum.",
    "email.request.action": "See the request",
    "email.summary.groupCount": "Number of classes/groups: {count}",
    "email.summary.participants": "Participants per group: {count}",
    "email.summary.grades": "Grades: {grades}",
    "email.summary.grade": "{grade}",
    "email.summary.window": "Preferred time {number}: {window}",
    "email.summary.windowTimes": "{from}-{to}",
    "email.summary.location": "Place at the school: {location}",
    "email.summary.contact": "Contact person: {name}, phone {phone}",
    "email.summary.languages": "Languages: {languages}",
    "email.summary.interpreter": "Interpreter needed: {answer}",
    "email.summary.notes": "The school's own challenges and wishes: {notes}",

    "email.declined.subject": "Request declined: {course}",
    "email.declined.heading": "Your request has been declined",
    "email.declined.body":
      'Unfortunately we cannot meet the request from {school} for "{course}" (no. {number}, sent {date}).',
    "email.declined.reason": "Reason:\n{reason}",
    "email.declined.again":
      "You are welcome to send a new request from the course catalogue or to contact the coordinator if you have questions.",

    "email.session.action": "See the session in Frirum",
    "email.session.feedOnly":
      "You chose to get sessions through your calendar subscription only, so there is no calendar file in this email. The subscription updates within a few hours (Google can take up to a day).",
    "email.invite.subject.new": "Invitation",
    "email.invite.subject.added": "Invitation",
    "email.invite.subject.updated": "Changed",
    "email.invite.heading.new": "You are on a session",
    "email.invite.heading.added": "You are on a session",
    "email.invite.heading.updated": "The session has changed",
    "email.invite.intro.new":
      "You are on this session. The invitation is attached so you can add it to your calendar.",
    "email.invite.intro.added":
      "You are on this session instead of a colleague. The invitation is attached.",
    "email.invite.intro.updated":
      "The session has changed. The attached update corrects the event in your calendar.",
    "email.invite.introFeed.new": "You are on this session.",
    "email.invite.introFeed.added": "You are on this session instead of a colleague.",
    "email.invite.introFeed.updated": "The session has changed.",
    "email.invite.subjectLine": "{kind}: {course}, {school}, {when}",
    "email.cancel.subject": "Cancelled: {course}, {school}, {when}",
    "email.cancel.heading.cancelled": "The session is cancelled",
    "email.cancel.heading.removed": "You are off a session",
    "email.cancel.intro.cancelled": "The session is cancelled.",
    "email.cancel.intro.removed": "You no longer take part in this session.",
    "email.cancel.attached": "The attached cancellation removes the event from your calendar.",
    "email.reminder.subject": "Reminder: {course}, {when}",
    "email.reminder.heading": "Reminder: session in three days",
    "email.reminder.facilitator":
      "Remember the session below. See the school's notes and contact person in Frirum.",
    "email.reminder.school":
      "Remember the session below at your school. Please make sure the room is ready.",
    "email.attendance.subject": "Register attendance: {course}, {school}",
    "email.attendance.heading": "Register attendance",
    "email.attendance.body":
      "Thank you for yesterday's session. Register the attendance and a short note in Frirum so it counts in the follow-up.",
    "email.attendance.action": "Register attendance",

    "email.school.action": "See your requests in Frirum",
    "email.school.confirmed.subject": "Scheduled: {course}, {when}",
    "email.school.confirmed.heading": "The session is scheduled",
    "email.school.confirmed.intro": "We have scheduled the session for {school}:",
    "email.school.confirmed.file":
      "The attached file (invite.ics) puts the session in your calendar.",
    "email.school.notice.subject": "{kind}: {course}, {when}",
    "email.school.moved.subject": "Changed",
    "email.school.moved.heading": "The session has moved",
    "email.school.moved.intro":
      "The time or place of the session has changed. Here are the new details:",
    "email.school.facilitators.subject": "New facilitators",
    "email.school.facilitators.heading": "New facilitators on the session",
    "email.school.facilitators.intro":
      "The session has new facilitators. Time and place are unchanged:",
    "email.school.cancelled.subject": "Cancelled",
    "email.school.cancelled.heading": "The session is cancelled",
    "email.school.cancelled.intro": "The session below is cancelled:",
  },
};
