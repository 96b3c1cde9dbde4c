import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Commune, mailOutbox, type User } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { insertUser } from "@/lib/testing/fixtures";
import { harness } from "@/lib/testing/harness";

// Seeding helpers of the account integration tests.

export const KNOWN_PASSWORD = "Velo-Rouge-42";

/** An active family account (by default) whose password is KNOWN_PASSWORD, for the login-side tests. */
export async function seedAccount(
  db: Db,
  commune: Commune,
  account: Partial<Pick<User, "email" | "status" | "role">> = {},
): Promise<User> {
  return insertUser(db, commune.id, account.role ?? "family", {
    passwordHash: await hashPassword(KNOWN_PASSWORD),
    ...(account.email ? { email: account.email } : {}),
    ...(account.status ? { status: account.status } : {}),
  });
}

export function mailsTo(db: Db, email: string) {
  return db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
}

/** The `jeton` of the link in a mail's text. */
export function tokenInMail(text: string): string {
  const match = /[?&]jeton=([\w-]+)/.exec(text);
  if (!match) throw new Error("no link with a jeton in this mail");
  return match[1]!;
}

let ipCounter = 0;

/** Each test its own client IP, so per-IP limits of one test do not spill over into the next. */
export function useFreshIp(): void {
  ipCounter += 1;
  harness.ip = `198.51.100.${ipCounter}`;
}
