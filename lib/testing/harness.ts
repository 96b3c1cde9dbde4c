import { randomUUID } from "node:crypto";
import type { Session } from "next-auth";
import type { Db } from "@/db/client";
import { type User, userSessions } from "@/db/schema";

/**
 * What the integration setup feeds to the mocked Next.js and Auth.js modules (see setup-integration.ts):
 * the test database, the signed-in session and the request headers seen by server actions.
 */
export const harness = {
  db: null as Db | null,
  session: null as Session | null,
  ip: "203.0.113.10",
  /** Calls to Auth.js signIn/signOut made by actions (their arguments), for assertions. */
  signIns: [] as unknown[],
  signOuts: [] as unknown[],
  /** Work handed to next/server's after(): it runs once the response is sent, here when a test says so. */
  afterResponse: [] as (() => unknown)[],
};

/** Runs the work server actions deferred with after(), as Next.js does once their response is sent. */
export async function runAfterResponse(): Promise<void> {
  const tasks = harness.afterResponse.splice(0);
  for (const task of tasks) await task();
}

/**
 * Makes the next server action calls run as this account (as its JWT session would say). The server-side
 * session row the login would have created is written on the first read of the request's identity (see
 * `currentSession`).
 * A staff session has passed its second factor unless `secondFactor: "pending"` (just after the password).
 * Returns the session id.
 */
export function signInAs(
  user: Pick<User, "id" | "communeId" | "role" | "email">,
  communeSlug: string,
  options: { secondFactor?: "pending" | "verified" } = {},
): string {
  const sessionId = randomUUID();
  harness.session = {
    user: { id: user.id, communeId: user.communeId, communeSlug, role: user.role, sessionId, email: user.email },
    expires: new Date(Date.now() + 60_000).toISOString(),
  } as Session;
  const verified = (options.secondFactor ?? (user.role === "family" ? "pending" : "verified")) === "verified";
  unsavedSessions.set(sessionId, verified ? new Date() : null);
  return sessionId;
}

/** Sessions to write at the next read of the request's identity, with when their second factor was checked. */
const unsavedSessions = new Map<string, Date | null>();

/** Session rows being written, so that concurrent calls all wait for the row. */
const sessionWrites = new Map<string, Promise<unknown>>();

/**
 * What the session cookie would say (the mocked requestIdentity answers it): the harness session, its row written
 * once (as authorize() does at login).
 */
export async function currentSession(): Promise<Session | null> {
  const identity = harness.session?.user;
  const secondFactorAt = identity && unsavedSessions.get(identity.sessionId);
  if (identity && secondFactorAt !== undefined && harness.db) {
    unsavedSessions.delete(identity.sessionId);
    sessionWrites.set(
      identity.sessionId,
      harness.db
        .insert(userSessions)
        .values({
          id: identity.sessionId,
          communeId: identity.communeId,
          userId: identity.id,
          expiresAt: new Date(Date.now() + 60 * 60_000),
          secondFactorAt,
        })
        .onConflictDoNothing(),
    );
  }
  if (identity) await sessionWrites.get(identity.sessionId);
  return harness.session;
}

export function signOutOfHarness(): void {
  harness.session = null;
}

/** Builds the FormData a form would post (the commune is not in it: the page binds it to the action). */
export function formData(fields: Record<string, string | string[] | boolean | undefined>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === false) continue;
    if (value === true) data.set(key, "on");
    else if (Array.isArray(value)) for (const v of value) data.append(key, v);
    else data.set(key, value);
  }
  return data;
}
