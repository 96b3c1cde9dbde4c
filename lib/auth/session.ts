import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Db } from "@/db/client";
import { type Commune, communes, type Role, totpFactors, userSessions, users } from "@/db/schema";
import { communeBySlug } from "@/lib/communes";
import { preparedPerDatabase } from "@/lib/database/prepared";
import { getDb } from "@/lib/db";
import { routes } from "@/lib/routes/paths";
import { requestIdentity } from "./request-identity";
import { isSignedIn, type SecondFactorState, secondFactorState } from "./second-factor/policy";
import { idleCutoff, liveSessionAt, touchSession } from "./sessions";

export type SessionUser = {
  id: string;
  communeId: string;
  email: string;
  civility: "M" | "MME";
  firstName: string;
  lastName: string;
  role: Role;
  /** The server-side session this request came with (see lib/auth/sessions.ts). */
  sessionId: string;
};

export const staffRoles = ["agent", "admin"] as const satisfies readonly Role[];

/** A live session of this commune and where it stands with the second factor. */
export type FoundSession = { user: SessionUser; secondFactor: Exclude<SecondFactorState, "expired"> };

/** Every signed-in request's first read: built once (lib/database/prepared.ts), the moments as ISO strings. */
const liveSessionOf = preparedPerDatabase((db) =>
  db
    .select({
      user: {
        id: users.id,
        communeId: users.communeId,
        email: users.email,
        civility: users.civility,
        firstName: users.firstName,
        lastName: users.lastName,
        role: users.role,
        sessionId: userSessions.id,
      },
      lastSeenAt: userSessions.lastSeenAt,
      createdAt: userSessions.createdAt,
      secondFactorAt: userSessions.secondFactorAt,
      communeRequiresAgents: communes.requireAgentSecondFactor,
      factorConfirmedAt: totpFactors.confirmedAt,
    })
    .from(users)
    .innerJoin(userSessions, and(eq(userSessions.userId, users.id), eq(userSessions.communeId, users.communeId)))
    .innerJoin(communes, eq(communes.id, users.communeId))
    .leftJoin(totpFactors, and(eq(totpFactors.userId, users.id), eq(totpFactors.communeId, users.communeId)))
    .where(
      and(
        eq(users.id, sql.placeholder("userId")),
        eq(users.communeId, sql.placeholder("communeId")),
        eq(users.status, "active"),
        eq(userSessions.id, sql.placeholder("sessionId")),
        liveSessionAt(sql.placeholder("now"), sql.placeholder("idleSince")),
      ),
    )
    .prepare("live_session_of"),
);

/**
 * The account behind the session cookie, if it is of this commune, still active, and its server-side session
 * live (not logged out, not revoked by a password change or a disabled account, not idle or past its lifetime),
 * with its second-factor state. A password-only session left waiting for its second factor too long is none.
 */
export async function findSession(db: Db, communeId: string): Promise<FoundSession | null> {
  const identity = await requestIdentity();
  if (!identity || identity.communeId !== communeId) return null;
  const now = new Date();
  const [row] = await liveSessionOf(db).execute({
    userId: identity.id,
    communeId,
    sessionId: identity.sessionId,
    now: now.toISOString(),
    idleSince: idleCutoff(now).toISOString(),
  });
  if (!row) return null;
  const secondFactor = secondFactorState({
    role: row.user.role,
    communeRequiresAgents: row.communeRequiresAgents,
    factorConfirmed: row.factorConfirmedAt !== null,
    sessionVerified: row.secondFactorAt !== null,
    sessionCreatedAt: row.createdAt,
    now,
  });
  if (secondFactor === "expired") return null;
  await touchSession(db, { id: row.user.sessionId, lastSeenAt: row.lastSeenAt }, now);
  return { user: row.user, secondFactor };
}

/**
 * The signed-in account: a session as `findSession` finds it, that also passed the second factor when it needs
 * one. This is the real check of every page and action; the proxy only guesses.
 */
export async function findSessionUser(db: Db, communeId: string): Promise<SessionUser | null> {
  const found = await findSession(db, communeId);
  return found && isSignedIn(found.secondFactor) ? found.user : null;
}

/** A session that passed the password and now waits for its code ("verify") or its enrolment ("enrol"). */
export async function findSecondFactorChallenge(db: Db, communeId: string) {
  const found = await findSession(db, communeId);
  return found && !isSignedIn(found.secondFactor) ? found : null;
}

/** The commune of the URL, or a 404. */
export async function requireCommune(slug: string): Promise<Commune> {
  const commune = await communeBySlug(slug);
  if (!commune) notFound();
  return commune;
}

/**
 * Per request: the commune and its signed-in account (or null), shared by layouts and pages; `session` is also
 * there for a session still waiting for its second factor (the pages of that step use it).
 */
export const currentVisitor = cache(async (slug: string) => {
  const commune = await requireCommune(slug);
  const session = await findSession(await getDb(), commune.id);
  const user = session && isSignedIn(session.secondFactor) ? session.user : null;
  return { commune, user, session };
});

/** For pages: the signed-in account of this commune, else to the login page; with `roles`, else 403. */
export async function requireUser(slug: string, options: { roles?: readonly Role[]; returnTo?: string } = {}) {
  const { commune, user, session } = await currentVisitor(slug);
  if (!user) {
    if (session) redirect(routes.secondFactor(commune.slug, options.returnTo));
    redirect(routes.login(commune.slug, options.returnTo));
  }
  if (options.roles && !options.roles.includes(user.role)) forbidden();
  return { commune, user };
}
