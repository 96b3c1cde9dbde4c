/*
 * Mails go out in their commune's name ("Ville de Démo <nepasrepondre@…>") from the one address MAIL_FROM gives
 * (the domain verified with the provider). Pure, for the delivery and its tests.
 */

/** The address of MAIL_FROM, given as "Name <address>" or as the address alone. */
export function senderAddress(mailFrom: string): string {
  const bracketed = /<([^<>]+)>\s*$/.exec(mailFrom);
  return (bracketed ? bracketed[1]! : mailFrom).trim();
}

/** The From header: the display name quoted (it may hold commas, quotes…), on MAIL_FROM's address; none: MAIL_FROM. */
export function mailSender(displayName: string | null, mailFrom: string): string {
  const name = displayName?.replace(/[\r\n]+/g, " ").trim();
  if (!name) return mailFrom;
  return `"${name.replace(/["\\]/g, "\\$&")}" <${senderAddress(mailFrom)}>`;
}
