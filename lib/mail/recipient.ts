import type { Civility } from "@/db/schema";
import { escapeHtml } from "@/lib/html";

/*
 * Every mail greets its recipient by name ("Bonjour Mme Claire MARTIN,"), as the guides' acknowledgements do. A mail
 * sent to several accounts (a household's) is rendered once with a marker where the name goes, then filled for each
 * account — HTML-escaped in the HTML, as React would have — so naming them costs no extra render.
 */

/** An account a mail goes to. */
export type MailRecipient = { email: string; greetingName: string };

// "M. Matthieu BLMAN", as the reference portal greets families.
const civilityAbbreviations: Record<Civility, string> = { M: "M.", MME: "Mme" };

/** "Mme Claire MARTIN" */
export function greetingNameOf(person: { civility: Civility; firstName: string; lastName: string }): string {
  return `${civilityAbbreviations[person.civility]} ${person.firstName} ${person.lastName.toLocaleUpperCase("fr-FR")}`;
}

/** The greeting when the account is no more ("Bonjour Madame, Monsieur,"). */
export const UNNAMED_RECIPIENT = "Madame, Monsieur";

/** Given as the template's greetingName when one render serves several recipients. */
export const RECIPIENT_GREETING = "QQRECIPIENTGREETINGQQ";

/** The mail rendered with RECIPIENT_GREETING, addressed and greeting `recipient`. */
export function addressedTo<M extends { html: string; text: string }>(
  mail: M,
  recipient: MailRecipient,
): M & { to: string } {
  if (!mail.html.includes(RECIPIENT_GREETING) || !mail.text.includes(RECIPIENT_GREETING))
    throw new Error("the mail was not rendered with the recipient's greeting marker");
  return {
    ...mail,
    to: recipient.email,
    html: mail.html.replaceAll(RECIPIENT_GREETING, escapeHtml(recipient.greetingName)),
    text: mail.text.replaceAll(RECIPIENT_GREETING, recipient.greetingName),
  };
}
