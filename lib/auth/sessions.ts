import "server-only";
import { and, desc, eq, gt, isNull, lt, ne, type Placeholder, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarFeeds, type UserSession, userSessions } from "@/db/schema";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, SESSION_TOUCH_SECONDS } from "./session-policy";

/*
 * Server-side sessions: the cookie's JWT carries a session id, and this table says whether that session still
 * lives. Revoking a row ends the session at once, whatever copy of the cookie someone kept.
 */

type AccountScope = { communeId: string; userId: string };

/** Opens a session at login; its id goes into the JWT. */
export async function createSession(
  db: Db,
  p: AccountScope & { userAgent?: string | null; now?: Date },
): Promise<string> {
  const now = p.now ?? new Date();
  const [row] = await db
    .insert(userSessions)
    .values({
      communeId: p.communeId,
      userId: p.userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_SECONDS * 1000),
      userAgent: p.userAgent?.slice(0, 200) || null,
    })
    .returning({ id: userSessions.id });
  return row!.id;
}

/** Not revoked, not past its absolute end, used within the idle timeout. */
export function isLiveSession(now: Date) {
  return liveSessionAt(now, idleCutoff(now));
}

/** The moment before which a session not used since is idle. */
export const idleCutoff = (now: Date) => new Date(now.getTime() - SESSION_IDLE_SECONDS * 1000);

/** `isLiveSession` with its two moments given apart: placeholders (ISO strings) in a prepared query. */
export function liveSessionAt(now: Date | Placeholder, idleSince: Date | Placeholder) {
  return and(isNull(userSessions.revokedAt), gt(userSessions.expiresAt, now), gt(userSessions.lastSeenAt, idleSince));
}

/** Moves a live session's idle clock forward, at most once per SESSION_TOUCH_SECONDS so a busy page writes once. */
export async function touchSession(
  db: Db,
  session: Pick<UserSession, "id" | "lastSeenAt">,
  now = new Date(),
): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < SESSION_TOUCH_SECONDS * 1000) return;
  await db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.id, session.id));
}

/** The account's live sessions, most recently used first (Mon espace citoyen › Sécurité). */
export async function listLiveSessions(db: Db, p: AccountScope & { now?: Date }): Promise<UserSession[]> {
  return db
    .select()
    .from(userSessions)
    .where(
      and(
        eq(userSessions.userId, p.userId),
        eq(userSessions.communeId, p.communeId),
        isLiveSession(p.now ?? new Date()),
      ),
    )
    .orderBy(desc(userSessions.lastSeenAt));
}

/** Ends one session of the account (logout, or "déconnecter" one device); false when it was not live. */
export async function revokeSession(db: Db, p: AccountScope & { sessionId: string }): Promise<boolean> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(userSessions.id, p.sessionId),
        eq(userSessions.userId, p.userId),
        eq(userSessions.communeId, p.communeId),
        isNull(userSessions.revokedAt),
      ),
    )
    .returning({ id: userSessions.id });
  return rows.length > 0;
}

/**
 * Ends every session of the account but `keepSessionId` (password change: the browser that changed it stays in),
 * and the calendar-feed links the account made, which are credentials too. Run it in the caller's transaction.
 */
export async function revokeAccountSessions(db: Db, p: AccountScope & { keepSessionId?: string }): Promise<number> {
  const revoked = await db
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(userSessions.userId, p.userId),
        eq(userSessions.communeId, p.communeId),
        isNull(userSessions.revokedAt),
        p.keepSessionId ? ne(userSessions.id, p.keepSessionId) : undefined,
      ),
    )
    .returning({ id: userSessions.id });
  await db
    .delete(calendarFeeds)
    .where(and(eq(calendarFeeds.createdByUserId, p.userId), eq(calendarFeeds.communeId, p.communeId)));
  return revoked.length;
}

/** Drops sessions ended for more than a month (called by the maintenance job). */
export async function purgeEndedSessions(db: Db, now = new Date()): Promise<void> {
  await db.delete(userSessions).where(lt(userSessions.expiresAt, new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000)));
}
