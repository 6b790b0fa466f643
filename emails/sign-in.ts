import type { Role } from "../app/domain/permissions";
import { type Locale, translate } from "../app/i18n";
import { emailParts } from "./layout";
import type { EmailContent } from "./types";

export function signInEmail(
  locale: Locale,
  input: { name: string; url: string; minutesValid: number },
): EmailContent {
  const heading = translate(locale, "email.signIn.heading");
  const paragraphs = [
    translate(locale, "email.greeting", { name: input.name }),
    translate(locale, "email.signIn.body", { minutes: input.minutesValid }),
    translate(locale, "email.signIn.ignore"),
  ];
  const action = { label: translate(locale, "email.signIn.action"), url: input.url };
  return {
    subject: translate(locale, "email.signIn.subject"),
    ...emailParts({ locale, heading, paragraphs, action }),
  };
}

/** The invitation of a new user; the role is named in the recipient's language. */
export function userInvitedEmail(
  locale: Locale,
  input: { name: string; role: Role; schoolName?: string; signInUrl: string },
): EmailContent {
  const heading = translate(locale, "email.invited.heading");
  const role = translate(locale, `role.${input.role}`).toLowerCase();
  const paragraphs = [
    translate(locale, "email.greeting", { name: input.name }),
    input.schoolName
      ? translate(locale, "email.invited.bodySchool", { role, school: input.schoolName })
      : translate(locale, "email.invited.body", { role }),
    translate(locale, "email.invited.signIn"),
  ];
  const action = { label: translate(locale, "email.invited.action"), url: input.signInUrl };
  return {
    subject: translate(locale, "email.invited.subject"),
    ...emailParts({ locale, heading, paragraphs, action }),
  };
}
