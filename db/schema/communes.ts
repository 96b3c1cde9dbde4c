import { sql } from "drizzle-orm";
import { boolean, check, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A town hall: one tenant of the portal, addressed by its slug in every URL (`/[commune]/…`). */
export const communes = pgTable(
  "communes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    /** Signs every mail, e.g. "Le service enfance jeunesse et scolaire". */
    serviceSignature: text("service_signature").notNull(),
    contactEmail: text("contact_email").notNull(),
    contactPhone: text("contact_phone"),
    contactAddress: text("contact_address"),
    /** The service's opening hours, in the mails' contact block ("Du lundi au vendredi, 8 h 30 – 12 h"). */
    contactHours: text("contact_hours"),
    /** The sender's display name of its mails ("Ville de Démo"); null: the commune's name. */
    mailSenderName: text("mail_sender_name"),
    /** The main colour of its header and mails ("#1d4f91"), checked against WCAG AA when set; null: the portal's. */
    brandColor: text("brand_color"),
    /** When its logo (commune_logos) was last set, which versions the logo's URL; null: no logo. */
    logoUpdatedAt: timestamp("logo_updated_at", { withTimezone: true }),
    /** Agents must use a second factor (TOTP) to sign in; admins always must. */
    requireAgentSecondFactor: boolean("require_agent_second_factor").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("communes_brand_color_ck", sql`${t.brandColor} ~ '^#[0-9a-f]{6}$'`)],
);

export type Commune = typeof communes.$inferSelect;
export type NewCommune = typeof communes.$inferInsert;
