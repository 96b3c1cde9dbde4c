import "server-only";
import type { Db } from "@/db/client";
import type { Commune, User } from "@/db/schema";
import AgentInvitationMail, { agentInvitationSubject } from "@/emails/agent-invitation-mail";
import { issueAccountToken } from "@/lib/accounts/tokens";
import { mailCommune } from "@/lib/communes/mail-commune";
import { enqueueMail } from "@/lib/mail/send-mail";
import { routes } from "@/lib/routes/paths";
import { absoluteUrl } from "@/lib/urls";
import { staffRoleLabels } from "./schemas";

/**
 * Issues a password-setting token for a pending staff account and puts the invitation in the outbox.
 * Call it inside the transaction creating the account; deliver the returned mail id after the commit.
 */
export async function enqueueStaffInvitation(
  db: Db,
  params: { commune: Commune; user: Pick<User, "id" | "email" | "firstName" | "role"> },
): Promise<string> {
  const { commune, user } = params;
  const token = await issueAccountToken(db, { communeId: commune.id, userId: user.id, purpose: "password_reset" });
  return enqueueMail(db, {
    communeId: commune.id,
    to: user.email,
    subject: agentInvitationSubject(commune.name),
    template: "agent-invitation",
    body: (
      <AgentInvitationMail
        commune={mailCommune(commune)}
        firstName={user.firstName}
        roleLabel={user.role === "admin" ? staffRoleLabels.admin : staffRoleLabels.agent}
        link={absoluteUrl(routes.resetPassword(commune.slug, token))}
      />
    ),
  });
}
