// Plain module (no "server-only"): the `commune:add` command runs it under tsx, outside Next.

import { z } from "zod";
import type { Db } from "@/db/client";
import { type Commune, communes, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { ensureDefaultDocumentTypes } from "@/lib/documents/types";
import { COMMUNE_SLUG, COMMUNE_SLUG_MAX } from "./slug";

/** First path segments the portal itself uses, which a commune's slug would shadow. */
const RESERVED_SLUGS = new Set([
  "api",
  "_next",
  "boite-mail-locale",
  "simulateur-payfip",
  "admin",
  "agent",
  "static",
  "public",
  "assets",
  "icon",
  "favicon",
  "robots",
  "sitemap",
]);

export const newCommuneSchema = z.object({
  slug: z
    .string()
    .regex(COMMUNE_SLUG, "slug: lower-case letters, digits and single dashes only (e.g. villeneuve-sur-lot)")
    .max(COMMUNE_SLUG_MAX, `slug: ${COMMUNE_SLUG_MAX} characters at most`)
    .refine((slug) => !RESERVED_SLUGS.has(slug), "slug: reserved by the portal, choose another"),
  name: z.string().trim().min(1, "name is required"),
  signature: z.string().trim().min(1, 'signature is required (e.g. "Le service enfance")'),
  email: z.email("email: a valid e-mail address is required"),
  phone: z.string().trim().min(1).optional(),
  address: z.string().trim().min(1).optional(),
  admin: z
    .object({
      email: z.email("admin-email: a valid e-mail address is required").transform((v) => v.toLowerCase()),
      password: z.string().min(12, "admin-password: 12 characters at least"),
      civility: z.enum(["M", "MME"], { error: "admin-civility: M or MME" }).default("MME"),
      firstName: z.string().trim().min(1).default("Administrateur"),
      lastName: z.string().trim().min(1).default("PORTAIL"),
    })
    .optional(),
});

export type NewCommune = z.input<typeof newCommuneSchema>;

export type CreateCommuneResult =
  | { ok: true; commune: Commune; adminEmail: string | null }
  | { ok: false; error: string };

/** Creates a commune (refusing a slug in use) and, optionally, its first admin account, active at once. */
export async function createCommune(db: Db, input: NewCommune): Promise<CreateCommuneResult> {
  const parsed = newCommuneSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((issue) => issue.message).join("\n") };
  const values = parsed.data;
  const passwordHash = values.admin ? await hashPassword(values.admin.password) : null;
  return db.transaction(async (tx) => {
    const [commune] = await tx
      .insert(communes)
      .values({
        slug: values.slug,
        name: values.name,
        serviceSignature: values.signature,
        contactEmail: values.email,
        contactPhone: values.phone,
        contactAddress: values.address,
      })
      .onConflictDoNothing({ target: communes.slug })
      .returning();
    if (!commune) return { ok: false, error: `A commune with the slug "${values.slug}" already exists.` };
    // The document types a commune starts with (Pièces justificatives), which it can then change.
    await ensureDefaultDocumentTypes(tx, commune.id);
    if (values.admin && passwordHash) {
      const now = new Date();
      await tx.insert(users).values({
        communeId: commune.id,
        email: values.admin.email,
        passwordHash,
        civility: values.admin.civility,
        firstName: values.admin.firstName,
        lastName: values.admin.lastName,
        role: "admin",
        status: "active",
        activatedAt: now,
      });
    }
    return { ok: true, commune, adminEmail: values.admin?.email ?? null };
  });
}
