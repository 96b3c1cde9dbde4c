import "server-only";
import { and, eq } from "drizzle-orm";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import type { Db } from "@/db/client";
import { userSessions, users, type Commune, type Role } from "@/db/schema";
import { communeBySlug } from "@/lib/communes";
import { getDb } from "@/lib/db";
import { isLiveSession, touchSession } from "./sessions";

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

/**
 * The account behind the session cookie, if it is of this commune, still active, and its server-side session
 * live (not logged out, not revoked by a password change or a disabled account, not idle or past its lifetime).
 * This is the real check; the proxy only guesses.
 */
export async function findSessionUser(db: Db, communeId: string): Promise<SessionUser | null> {
  const session = await auth();
  const identity = session?.user;
  if (!identity?.id || identity.communeId !== communeId || typeof identity.sessionId !== "string") return null;
  const now = new Date();
  const [row] = await db
    .select({
      id: users.id,
      communeId: users.communeId,
      email: users.email,
      civility: users.civility,
      firstName: users.firstName,
      lastName: users.lastName,
      role: users.role,
      sessionId: userSessions.id,
      lastSeenAt: userSessions.lastSeenAt,
    })
    .from(users)
    .innerJoin(userSessions, and(eq(userSessions.userId, users.id), eq(userSessions.communeId, users.communeId)))
    .where(and(eq(users.id, identity.id), eq(users.communeId, communeId), eq(users.status, "active"), eq(userSessions.id, identity.sessionId), isLiveSession(now)));
  if (!row) return null;
  const { lastSeenAt, ...user } = row;
  await touchSession(db, { id: user.sessionId, lastSeenAt }, now);
  return user;
}

/** The commune of the URL, or a 404. */
export async function requireCommune(slug: string): Promise<Commune> {
  const commune = await communeBySlug(slug);
  if (!commune) notFound();
  return commune;
}

/** Per request: the commune and its signed-in account (or null), shared by layouts and pages. */
export const currentVisitor = cache(async (slug: string) => {
  const commune = await requireCommune(slug);
  const user = await findSessionUser(await getDb(), commune.id);
  return { commune, user };
});

/** For pages: the signed-in account of this commune, else to the login page; with `roles`, else 403. */
export async function requireUser(slug: string, options: { roles?: readonly Role[]; returnTo?: string } = {}) {
  const { commune, user } = await currentVisitor(slug);
  if (!user) {
    const target = options.returnTo ? `?retour=${encodeURIComponent(options.returnTo)}` : "";
    redirect(`/${commune.slug}/connexion${target}`);
  }
  if (options.roles && !options.roles.includes(user.role)) forbidden();
  return { commune, user };
}
