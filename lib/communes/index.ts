import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { cache } from "react";
import type { Db } from "@/db/client";
import { type Commune, communes } from "@/db/schema";
import { preparedPerDatabase } from "@/lib/database/prepared";
import { getDb } from "@/lib/db";
import { isCommuneSlug } from "./slug";

// Every page and action of a commune starts with it.
const communeWithSlug = preparedPerDatabase((db) =>
  db
    .select()
    .from(communes)
    .where(eq(communes.slug, sql.placeholder("slug")))
    .prepare("commune_with_slug"),
);

export async function findCommuneBySlug(db: Db, slug: string): Promise<Commune | null> {
  // A hand-typed address or form may carry anything (a NUL byte makes PostgreSQL fail): no such commune.
  if (!isCommuneSlug(slug)) return null;
  const [row] = await communeWithSlug(db).execute({ slug });
  return row ?? null;
}

export async function findCommuneById(db: Db, id: string): Promise<Commune | null> {
  const [row] = await db.select().from(communes).where(eq(communes.id, id));
  return row ?? null;
}

export async function listCommunes(db: Db): Promise<Pick<Commune, "slug" | "name">[]> {
  return db.select({ slug: communes.slug, name: communes.name }).from(communes).orderBy(asc(communes.name));
}

/** One look-up per request, shared by the layout, the page and their helpers. */
export const communeBySlug = cache(async (slug: string) => findCommuneBySlug(await getDb(), slug));
