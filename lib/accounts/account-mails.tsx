import "server-only";
import type { Db } from "@/db/client";
import type { Commune, TokenPurpose, User } from "@/db/schema";
import AccountExistsMail, { accountExistsMailSubject } from "@/emails/account-exists-mail";
import ActivationMail, { activationMailSubject } from "@/emails/activation-mail";
import PasswordResetMail, { passwordResetMailSubject } from "@/emails/password-reset-mail";
import { mailCommune } from "@/lib/communes/mail-commune";
import { greetingNameOf } from "@/lib/mail/recipient";
import { deliverPendingMail, enqueueMail, type MailMessage } from "@/lib/mail/send-mail";
import { routes } from "@/lib/routes/paths";
import { absoluteUrl } from "@/lib/urls";
import { issueAccountToken } from "./tokens";

type Recipient = Pick<User, "id" | "email" | "civility" | "firstName" | "lastName">;

/** The page each e-mailed token opens, and the mail that carries it. */
function linkMail(commune: Commune, user: Recipient, purpose: TokenPurpose, token: string): MailMessage {
  const greetingName = greetingNameOf(user);
  const base = { communeId: commune.id, to: user.email };
  if (purpose === "activation") {
    const activationUrl = absoluteUrl(routes.activation(commune.slug, token));
    return {
      ...base,
      template: "activation",
      subject: activationMailSubject(commune.name),
      body: <ActivationMail commune={mailCommune(commune)} greetingName={greetingName} activationUrl={activationUrl} />,
    };
  }
  const resetUrl = absoluteUrl(routes.resetPassword(commune.slug, token));
  return {
    ...base,
    template: "password-reset",
    subject: passwordResetMailSubject(commune.name),
    body: <PasswordResetMail commune={mailCommune(commune)} greetingName={greetingName} resetUrl={resetUrl} />,
  };
}

/**
 * Issues a single-use token and queues the mail carrying its link, in the caller's transaction (so neither
 * exists without the other). Returns the outbox id, to deliver once the transaction has committed.
 */
export async function queueAccountLinkMail(
  tx: Db,
  params: { commune: Commune; user: Recipient; purpose: TokenPurpose },
): Promise<string> {
  const token = await issueAccountToken(tx, {
    communeId: params.commune.id,
    userId: params.user.id,
    purpose: params.purpose,
  });
  return enqueueMail(tx, linkMail(params.commune, params.user, params.purpose, token));
}

/** Token + mail in their own transaction, then the immediate delivery attempt. */
export async function sendAccountLinkMail(
  db: Db,
  params: { commune: Commune; user: Recipient; purpose: TokenPurpose },
): Promise<void> {
  const mailId = await db.transaction((tx) => queueAccountLinkMail(tx, params));
  await deliverPendingMail(db, { ids: [mailId] });
}

export function accountExistsMail(
  commune: Commune,
  account: Parameters<typeof greetingNameOf>[0] & { email: string },
): MailMessage {
  return {
    communeId: commune.id,
    to: account.email,
    template: "account-exists",
    subject: accountExistsMailSubject(commune.name),
    body: (
      <AccountExistsMail
        commune={mailCommune(commune)}
        greetingName={greetingNameOf(account)}
        loginUrl={absoluteUrl(routes.login(commune.slug))}
        forgotPasswordUrl={absoluteUrl(routes.forgotPassword(commune.slug))}
      />
    ),
  };
}
