import { htmlEmail, textEmail } from "./layout";
import type { EmailContent } from "./types";

export function signInEmail(input: {
  name: string;
  url: string;
  minutesValid: number;
}): EmailContent {
  const heading = "Log ind på Frirum";
  const paragraphs = [
    `Hej ${input.name}`,
    `Brug knappen herunder for at logge ind. Linket virker én gang og udløber om ${input.minutesValid} minutter.`,
    "Har du ikke bedt om at logge ind, kan du se bort fra denne mail.",
  ];
  const action = { label: "Log ind", url: input.url };
  return {
    subject: "Dit login-link til Frirum",
    text: textEmail({ heading, paragraphs, action }),
    html: htmlEmail({ heading, paragraphs, action }),
  };
}

export function userInvitedEmail(input: {
  name: string;
  roleLabel: string;
  schoolName?: string;
  signInUrl: string;
}): EmailContent {
  const heading = "Du er inviteret til Frirum";
  const paragraphs = [
    `Hej ${input.name}`,
    `Du er oprettet som ${input.roleLabel}${input.schoolName ? ` for ${input.schoolName}` : ""} i Frirum, kommunens platform for forebyggende forløb i skolerne.`,
    "Du logger ind med din e-mailadresse: vi sender dig et link, hver gang du logger ind.",
  ];
  const action = { label: "Gå til Frirum", url: input.signInUrl };
  return {
    subject: "Invitation til Frirum",
    text: textEmail({ heading, paragraphs, action }),
    html: htmlEmail({ heading, paragraphs, action }),
  };
}
