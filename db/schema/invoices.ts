import { relations } from "drizzle-orm";
import { date, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { communeIdColumn, createdAtColumn } from "./columns";
import { guardians, householdIdColumn, households } from "./households";

export const invoiceStatusEnum = pgEnum("invoice_status", ["to_pay", "paid", "treasury"]);

/** An invoice of the town to a household. Also a way to subscribe (code émission + référence + montant + code personnel). */
export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    householdId: householdIdColumn(),
    payerGuardianId: uuid("payer_guardian_id").references(() => guardians.id, { onDelete: "set null" }),
    /** Code émission printed in the invoice footer. */
    emissionCode: text("emission_code").notNull(),
    /** Référence de la facture (its number). */
    reference: text("reference").notNull(),
    issuer: text("issuer").notNull(),
    issuedOn: date("issued_on").notNull(),
    dueOn: date("due_on").notNull(),
    amountCents: integer("amount_cents").notNull(),
    status: invoiceStatusEnum("status").notNull().default("to_pay"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("invoices_commune_emission_reference_uq").on(t.communeId, t.emissionCode, t.reference),
    index("invoices_household_idx").on(t.householdId),
  ],
);

export const invoicesRelations = relations(invoices, ({ one }) => ({
  household: one(households, { fields: [invoices.householdId], references: [households.id] }),
  payer: one(guardians, { fields: [invoices.payerGuardianId], references: [guardians.id] }),
}));

export type Invoice = typeof invoices.$inferSelect;
