import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Commune, totpFactors, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { staffRoles } from "@/lib/auth/session";
import { revokeAccountSessions } from "@/lib/auth/sessions";
import { deliverPendingMail } from "@/lib/mail/send-mail";
import { enqueueStaffInvitation } from "./invitation";
import type { CreateStaffAccountInput } from "./schemas";

/** Only staff accounts of the commune are managed here: never a family's, never another commune's. */
const staffOf = (communeId: string, userId: string) =>
  and(eq(users.id, userId), eq(users.communeId, communeId), inArray(users.role, staffRoles));

/** The commune's agent and admin accounts, by name, with when their second factor was confirmed (null: none). */
export async function listStaffAccounts(db: Db, params: { communeId: string }) {
  return db
    .select({
      id: users.id,
      civility: users.civility,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      role: users.role,
      status: users.status,
      secondFactorSince: totpFactors.confirmedAt,
    })
    .from(users)
    .leftJoin(totpFactors, and(eq(totpFactors.userId, users.id), eq(totpFactors.communeId, users.communeId)))
    .where(and(eq(users.communeId, params.communeId), inArray(users.role, staffRoles)))
    .orderBy(asc(users.lastName), asc(users.firstName));
}

/** Delivers the invitation mail once the transaction that wrote it has committed. */
async function deliverInvitation(db: Db, mailId: string | null) {
  if (mailId) await deliverPendingMail(db, { ids: [mailId] });
  return mailId !== null;
}

/**
 * Creates a pending staff account and mails its invitation; the account becomes active when its first
 * password is set through the link. False when the e-mail already has an account in the commune.
 */
export async function createStaffAccount(
  db: Db,
  params: { commune: Commune; actorUserId: string; input: CreateStaffAccountInput },
): Promise<boolean> {
  const { commune, input } = params;
  // A hash of a random secret nobody knows: the account cannot be signed in to before the invitation is used.
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  const mailId = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ communeId: commune.id, ...input, passwordHash, status: "pending" })
      .onConflictDoNothing({ target: [users.communeId, users.email] })
      .returning();
    if (!created) return null;
    await recordAudit(tx, {
      communeId: commune.id,
      actorUserId: params.actorUserId,
      action: "account.created",
      targetType: "user",
      targetId: created.id,
      details: { role: created.role },
    });
    return enqueueStaffInvitation(tx, { commune, user: created });
  });
  return deliverInvitation(db, mailId);
}

/** "Renvoyer l'invitation": a new link for a staff account that has not set its password yet. */
export async function resendStaffInvitation(
  db: Db,
  params: { commune: Commune; actorUserId: string; userId: string },
): Promise<boolean> {
  const { commune } = params;
  const mailId = await db.transaction(async (tx) => {
    const [pending] = await tx
      .select()
      .from(users)
      .where(and(staffOf(commune.id, params.userId), eq(users.status, "pending")));
    if (!pending) return null;
    await recordAudit(tx, {
      communeId: commune.id,
      actorUserId: params.actorUserId,
      action: "account.invitation_resent",
      targetType: "user",
      targetId: pending.id,
    });
    return enqueueStaffInvitation(tx, { commune, user: pending });
  });
  return deliverInvitation(db, mailId);
}

export type StatusChange = "changed" | "self" | "not_found";

/**
 * "Désactiver" ends the account's sessions at once; "Réactiver" gives it back the
 * status it had (active, or pending if its invitation was never used). An admin cannot disable themself.
 */
export async function setStaffAccountStatus(
  db: Db,
  params: { communeId: string; actorUserId: string; userId: string; status: "active" | "disabled" },
): Promise<StatusChange> {
  if (params.status === "disabled" && params.userId === params.actorUserId) return "self";
  const disabling = params.status === "disabled";
  return db.transaction(async (tx) => {
    const [changed] = await tx
      .update(users)
      .set(
        disabling
          ? { status: "disabled", updatedAt: new Date() }
          : {
              status: sql`case when ${users.activatedAt} is null then 'pending' else 'active' end::user_status`,
              updatedAt: new Date(),
            },
      )
      .where(
        and(
          staffOf(params.communeId, params.userId),
          disabling ? ne(users.status, "disabled") : eq(users.status, "disabled"),
        ),
      )
      .returning({ id: users.id });
    if (!changed) return "not_found";
    if (disabling) await revokeAccountSessions(tx, { communeId: params.communeId, userId: changed.id });
    await recordAudit(tx, {
      communeId: params.communeId,
      actorUserId: params.actorUserId,
      action: disabling ? "account.disabled" : "account.reactivated",
      targetType: "user",
      targetId: changed.id,
    });
    return "changed";
  });
}
