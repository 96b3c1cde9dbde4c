import { relations } from "drizzle-orm";
import { jsonb, pgTable, uuid } from "drizzle-orm/pg-core";
import { communeIdColumn, createdAtColumn, updatedAtColumn } from "./columns";
import { users } from "./users";

/**
 * A new family's pre-registration being filled in (the 4-step wizard), one per account, so the family can leave
 * and resume. It is not a request yet: "Envoyer ma demande" turns it into a pending "household.create" request
 * (with its reference) and deletes it. Kept apart from `requests` so that a draft never shows in the agents'
 * inbox nor takes a reference number (see lib/new-family/store.ts).
 */
export const newFamilyDrafts = pgTable("new_family_drafts", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  communeId: communeIdColumn(),
  /** The validated steps so far: { family?, finance?, wishes? } (lib/new-family/schemas.ts NewFamilyDraftData). */
  data: jsonb("data").$type<Record<string, unknown>>().notNull(),
  createdAt: createdAtColumn(),
  updatedAt: updatedAtColumn(),
});

export const newFamilyDraftsRelations = relations(newFamilyDrafts, ({ one }) => ({
  user: one(users, { fields: [newFamilyDrafts.userId], references: [users.id] }),
}));

export type NewFamilyDraftRow = typeof newFamilyDrafts.$inferSelect;
