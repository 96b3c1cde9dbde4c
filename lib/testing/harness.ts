import type { Session } from "next-auth";
import type { Db } from "@/db/client";
import type { User } from "@/db/schema";

/**
 * What the integration setup feeds to the mocked Next.js and Auth.js modules (see setup-integration.ts):
 * the test database, the signed-in session and the request headers seen by server actions.
 */
export const harness = {
  db: null as Db | null,
  session: null as Session | null,
  ip: "203.0.113.10",
  /** Calls to Auth.js signIn/signOut made by actions, for assertions. */
  signIns: [] as unknown[],
  signOuts: 0,
};

/** Makes the next server action calls run as this account (as its JWT session would say). */
export function signInAs(user: Pick<User, "id" | "communeId" | "role" | "sessionVersion" | "email">, communeSlug: string): void {
  harness.session = {
    user: { id: user.id, communeId: user.communeId, communeSlug, role: user.role, sessionVersion: user.sessionVersion, email: user.email },
    expires: new Date(Date.now() + 60_000).toISOString(),
  } as Session;
}

export function signOutOfHarness(): void {
  harness.session = null;
}

/** Builds the FormData a form would post (with its hidden commune field). */
export function formData(commune: string, fields: Record<string, string | string[] | boolean | undefined>): FormData {
  const data = new FormData();
  data.set("commune", commune);
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === false) continue;
    if (value === true) data.set(key, "on");
    else if (Array.isArray(value)) value.forEach((v) => data.append(key, v));
    else data.set(key, value);
  }
  return data;
}
