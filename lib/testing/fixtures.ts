import type { Db } from "@/db/client";
import { communes, type Role, users } from "@/db/schema";

let counter = 0;

/** A commune with a unique slug, for tests that need several. */
export async function insertCommune(db: Db, slug = `commune-${++counter}`) {
  const [row] = await db
    .insert(communes)
    .values({ slug, name: `Ville ${slug}`, serviceSignature: "Le service enfance", contactEmail: `contact@${slug}.fr` })
    .returning();
  return row!;
}

/** An active account (password hash unusable: tests sign in through the harness). */
export async function insertUser(
  db: Db,
  communeId: string,
  role: Role = "family",
  overrides: Partial<typeof users.$inferInsert> = {},
) {
  const [row] = await db
    .insert(users)
    .values({
      communeId,
      email: `user${++counter}@example.fr`,
      passwordHash: "!",
      civility: "MME",
      lastName: "TEST",
      firstName: "Alice",
      role,
      status: "active",
      ...overrides,
    })
    .returning();
  return row!;
}
