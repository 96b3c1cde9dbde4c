import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { communes, mailOutbox, users, type Commune, type User } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { harness } from "@/lib/testing/harness";

// Seeding helpers of the account integration tests.

export const KNOWN_PASSWORD = "Velo-Rouge-42";

export async function seedCommune(db: Db, slug: string): Promise<Commune> {
  const [commune] = await db
    .insert(communes)
    .values({ slug, name: `Ville ${slug}`, serviceSignature: "Le service enfance", contactEmail: `mairie@${slug}.fr` })
    .returning();
  return commune!;
}

export async function seedAccount(
  db: Db,
  commune: Commune,
  account: Partial<Pick<User, "email" | "status" | "role">> = {},
): Promise<User> {
  const [user] = await db
    .insert(users)
    .values({
      communeId: commune.id,
      email: account.email ?? `${randomBytes(4).toString("hex")}@exemple.fr`,
      passwordHash: await hashPassword(KNOWN_PASSWORD),
      civility: "MME",
      lastName: "Martin",
      firstName: "Léa",
      role: account.role ?? "family",
      status: account.status ?? "active",
    })
    .returning();
  return user!;
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
