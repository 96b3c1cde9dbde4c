import { boolean, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A town hall: one tenant of the portal, addressed by its slug in every URL (`/[commune]/…`). */
export const communes = pgTable("communes", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** Signs every mail, e.g. "Le service enfance jeunesse et scolaire". */
  serviceSignature: text("service_signature").notNull(),
  contactEmail: text("contact_email").notNull(),
  contactPhone: text("contact_phone"),
  contactAddress: text("contact_address"),
  /** Agents must use a second factor (TOTP) to sign in; admins always must. */
  requireAgentSecondFactor: boolean("require_agent_second_factor").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Commune = typeof communes.$inferSelect;
export type NewCommune = typeof communes.$inferInsert;
