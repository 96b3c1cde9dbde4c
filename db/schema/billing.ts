import { relations, sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { communeIdColumn, createdAtColumn } from "./columns";
import { communes } from "./communes";
import { children, guardians, householdIdColumn, households } from "./households";
import { activities } from "./planning";
import { users } from "./users";

/*
 * Facturation: the town's régies and tariffs, the monthly runs that turn the planning into invoices, and every euro
 * that moves afterwards. Money is integer cents. Nothing here is ever deleted or edited once issued: an invoice is
 * cancelled by a credit note, a payment by a cancellation with a reason; the running figures (paidCents) change in
 * the same transaction as the rows that explain them.
 */

/** PayFiP's `saisie` modes: T test, X activation, W production. */
export const payfipModeEnum = pgEnum("payfip_mode", ["T", "X", "W"]);

/** A régie de recettes: the town's cashier that issues invoices and collects them (the invoice's "Émetteur"). */
export const regies = pgTable(
  "regies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    /** "Régie enfance jeunesse": printed as the invoice's issuer. */
    name: text("name").notNull(),
    /** "CANT": ends the invoices' code émission ("2026-10-CANT"). */
    code: text("code").notNull(),
    /** PayFiP client number (numcli), for online payment; null until the town has one. */
    payfipClientNumber: text("payfip_client_number"),
    /** PayFiP's `saisie`: T test, X activation (the DGFiP's acceptance run), W production. */
    payfipMode: payfipModeEnum("payfip_mode").notNull().default("T"),
    /**
     * Where PayFiP is reached: its base address, under which sit the web service (`/services/securite`) and the
     * card page (`/paiementws.web`). A path ("/simulateur-payfip/tpa") is this portal's own simulator.
     */
    payfipServiceUrl: text("payfip_service_url").notNull().default("https://www.payfip.gouv.fr/tpa"),
    /** Days between an invoice's issue and its due date. */
    dueDays: integer("due_days").notNull().default(20),
    /** Days after the due date before an unpaid invoice may be transmitted to the treasury. */
    treasuryDelayDays: integer("treasury_delay_days").notNull().default(30),
    /** "Comment payer": printed on the invoice and shown beside it. */
    paymentInstructions: text("payment_instructions").notNull().default(""),
    /** Where an invoice transmitted to the treasury is paid (the public accountant's name and address). */
    treasuryContact: text("treasury_contact").notNull().default(""),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("regies_commune_code_uq").on(t.communeId, t.code),
    check("regies_delays_ck", sql`${t.dueDays} >= 0 and ${t.treasuryDelayDays} >= 0`),
  ],
);

/** Nature de facture ("Restauration scolaire", "Périscolaire"…): what the family filters by; an activity has one. */
export const invoiceNatures = pgTable(
  "invoice_natures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    regieId: uuid("regie_id")
      .notNull()
      .references(() => regies.id, { onDelete: "restrict" }),
    label: text("label").notNull(),
    /** Childcare for the tax credit's attestation de frais de garde; false for meals ("frais de nourriture exclus"). */
    childcare: boolean("childcare").notNull().default(true),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex("invoice_natures_commune_label_uq").on(t.communeId, t.label)],
);

/** One bracket of a tariff: up to this quotient familial (inclusive; null = above every other bracket). */
export type TariffBracket = { upToQuotient: number | null; unitCents: number };

/**
 * The price of one slot of an activity from a date on, by quotient familial bracket. A new school year adds a
 * tariff with a later validFrom, so invoices of the old year keep the old prices.
 */
export const tariffs = pgTable(
  "tariffs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    validFrom: date("valid_from").notNull(),
    brackets: jsonb("brackets").$type<TariffBracket[]>().notNull(),
    /** The unit price when the household's quotient familial is unknown. */
    defaultUnitCents: integer("default_unit_cents").notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("tariffs_activity_valid_from_uq").on(t.activityId, t.validFrom),
    check("tariffs_default_ck", sql`${t.defaultUnitCents} >= 0`),
  ],
);

/** A régie's monthly invoicing run: at most one per régie and month, so a second start issues nothing. */
export const billingRuns = pgTable(
  "billing_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    regieId: uuid("regie_id")
      .notNull()
      .references(() => regies.id, { onDelete: "restrict" }),
    /** First day of the month invoiced. */
    period: date("period").notNull(),
    emissionCode: text("emission_code").notNull(),
    issuedOn: date("issued_on").notNull(),
    dueOn: date("due_on").notNull(),
    invoiceCount: integer("invoice_count").notNull().default(0),
    totalCents: integer("total_cents").notNull().default(0),
    issuedByUserId: uuid("issued_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Bookings changed after this instant in an invoiced month give régularisation lines on a later run. */
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex("billing_runs_regie_period_uq").on(t.regieId, t.period)],
);

/** Gap-free numbers per commune and series ("F2027" invoices, "AV2027" credit notes, "OP2027" payments). */
export const numberCounters = pgTable(
  "number_counters",
  {
    communeId: communeIdColumn(),
    series: text("series").notNull(),
    last: integer("last").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.communeId, t.series] })],
);

/**
 * An invoice of the town to a household. Also a way to subscribe (code émission + référence + montant + code
 * personnel). Its balance is amountCents − paidCents until a credit note cancels it.
 */
export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    householdId: householdIdColumn(),
    /** Null only for invoices imported without a régie; `issuer` keeps the name either way. */
    regieId: uuid("regie_id").references(() => regies.id, { onDelete: "restrict" }),
    runId: uuid("run_id").references(() => billingRuns.id, { onDelete: "restrict" }),
    payerGuardianId: uuid("payer_guardian_id").references(() => guardians.id, { onDelete: "set null" }),
    /** The payer as printed when the invoice was issued ("Mme Claire MARTIN"), and their postal address. */
    payerName: text("payer_name"),
    payerAddress: text("payer_address"),
    /** Code émission printed in the invoice footer. */
    emissionCode: text("emission_code").notNull(),
    /** Référence de la facture (its number, "F2027-000123"). */
    reference: text("reference").notNull(),
    issuer: text("issuer").notNull(),
    issuedOn: date("issued_on").notNull(),
    dueOn: date("due_on").notNull(),
    /** First day of the month invoiced; null for an imported invoice. */
    period: date("period"),
    amountCents: integer("amount_cents").notNull(),
    /** Sum of the live allocations of payments to this invoice, kept in the same transaction as they change. */
    paidCents: integer("paid_cents").notNull().default(0),
    /** The household pays by SEPA direct debit: the day the amount is taken ("Prélèvement le …"). */
    directDebitOn: date("direct_debit_on"),
    /** Transmise en trésorerie: no longer payable at the régie nor online. */
    treasuryOn: date("treasury_on"),
    /** Cancelled by its credit note on that day. */
    cancelledOn: date("cancelled_on"),
    /** The due-date reminder went out (at most one per invoice). */
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("invoices_commune_emission_reference_uq").on(t.communeId, t.emissionCode, t.reference),
    uniqueIndex("invoices_commune_reference_uq").on(t.communeId, t.reference),
    // A run invoices a household once, whatever happens.
    uniqueIndex("invoices_run_household_uq").on(t.runId, t.householdId).where(sql`${t.runId} is not null`),
    index("invoices_household_issued_idx").on(t.householdId, t.issuedOn),
    index("invoices_commune_due_idx").on(t.communeId, t.dueOn),
    check("invoices_paid_ck", sql`${t.paidCents} >= 0 and ${t.paidCents} <= ${t.amountCents}`),
    check("invoices_amount_ck", sql`${t.amountCents} > 0`),
  ],
);

/** slot: the month's billed days; late_absence: absences facturées; regularisation: a past month corrected. */
export const invoiceLineKindEnum = pgEnum("invoice_line_kind", ["slot", "late_absence", "regularisation"]);

/** One line of an invoice: a child's days at an activity in a month, at one unit price. */
export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    householdId: householdIdColumn(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "restrict" }),
    childId: uuid("child_id").references(() => children.id, { onDelete: "set null" }),
    /** As printed: "Léa MARTIN". */
    childName: text("child_name").notNull(),
    activityId: uuid("activity_id").references(() => activities.id, { onDelete: "set null" }),
    /** As printed: "1/Péri MATIN — École Jean Moulin". */
    activityLabel: text("activity_label").notNull(),
    natureId: uuid("nature_id").references(() => invoiceNatures.id, { onDelete: "set null" }),
    /** First day of the month the days belong to (a régularisation names the month it corrects). */
    month: date("month").notNull(),
    kind: invoiceLineKindEnum("kind").notNull(),
    /** Days (negative for a régularisation that gives days back). */
    quantity: integer("quantity").notNull(),
    unitCents: integer("unit_cents").notNull(),
    amountCents: integer("amount_cents").notNull(),
    /** Why, in the family's words: "2 absences prévenues dans les délais, non facturées". */
    note: text("note"),
  },
  (t) => [
    index("invoice_lines_invoice_idx").on(t.invoiceId),
    index("invoice_lines_household_month_idx").on(t.householdId, t.month),
    check("invoice_lines_amount_ck", sql`${t.amountCents} = ${t.quantity} * ${t.unitCents}`),
  ],
);

/** An avoir: cancels one unpaid invoice entirely (an issued invoice is never edited). */
export const creditNotes = pgTable(
  "credit_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    householdId: householdIdColumn(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "restrict" }),
    /** "AV2027-000001". */
    reference: text("reference").notNull(),
    issuedOn: date("issued_on").notNull(),
    amountCents: integer("amount_cents").notNull(),
    reason: text("reason").notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("credit_notes_invoice_uq").on(t.invoiceId),
    uniqueIndex("credit_notes_commune_reference_uq").on(t.communeId, t.reference),
    index("credit_notes_household_idx").on(t.householdId),
    check("credit_notes_amount_ck", sql`${t.amountCents} > 0`),
  ],
);

export const paymentMethodEnum = pgEnum("payment_method", [
  "card_online",
  "cheque",
  "cash",
  "direct_debit",
  "cesu",
  "transfer",
]);

/** A règlement: money received, allocated to one or several invoices of one household. Cancelled, never deleted. */
export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    householdId: householdIdColumn(),
    /** N° Opération: "2027000042". */
    operationNumber: text("operation_number").notNull(),
    method: paymentMethodEnum("method").notNull(),
    receivedOn: date("received_on").notNull(),
    /** "Chèque n° 1234567", "Règlement en ligne - Transaction n° 3fe56d". */
    description: text("description").notNull(),
    amountCents: integer("amount_cents").notNull(),
    /** Set by the form that records it: a second submission of the same form records nothing. */
    idempotencyKey: text("idempotency_key"),
    /** The payment service's reference (PayFiP idOp): a notification received twice records one payment. */
    externalReference: text("external_reference"),
    recordedByUserId: uuid("recorded_by_user_id").references(() => users.id, { onDelete: "set null" }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledByUserId: uuid("cancelled_by_user_id").references(() => users.id, { onDelete: "set null" }),
    cancelReason: text("cancel_reason"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("payments_commune_operation_uq").on(t.communeId, t.operationNumber),
    uniqueIndex("payments_commune_idempotency_uq").on(t.communeId, t.idempotencyKey),
    uniqueIndex("payments_commune_external_uq").on(t.communeId, t.externalReference),
    index("payments_household_idx").on(t.householdId, t.receivedOn),
    check("payments_amount_ck", sql`${t.amountCents} > 0`),
    check("payments_cancel_reason_ck", sql`${t.cancelledAt} is null or ${t.cancelReason} is not null`),
  ],
);

/** How much of a payment settles which invoice (the sum of a payment's allocations is its amount). */
export const paymentAllocations = pgTable(
  "payment_allocations",
  {
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id, { onDelete: "restrict" }),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "restrict" }),
    communeId: communeIdColumn(),
    householdId: householdIdColumn(),
    amountCents: integer("amount_cents").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.paymentId, t.invoiceId] }),
    index("payment_allocations_invoice_idx").on(t.invoiceId),
    check("payment_allocations_amount_ck", sql`${t.amountCents} > 0`),
  ],
);

export const regiesRelations = relations(regies, ({ one, many }) => ({
  commune: one(communes, { fields: [regies.communeId], references: [communes.id] }),
  natures: many(invoiceNatures),
}));

export const invoiceNaturesRelations = relations(invoiceNatures, ({ one }) => ({
  regie: one(regies, { fields: [invoiceNatures.regieId], references: [regies.id] }),
}));

export const tariffsRelations = relations(tariffs, ({ one }) => ({
  activity: one(activities, { fields: [tariffs.activityId], references: [activities.id] }),
}));

export const billingRunsRelations = relations(billingRuns, ({ one, many }) => ({
  regie: one(regies, { fields: [billingRuns.regieId], references: [regies.id] }),
  invoices: many(invoices),
}));

export const invoicesRelations = relations(invoices, ({ one, many }) => ({
  household: one(households, { fields: [invoices.householdId], references: [households.id] }),
  payer: one(guardians, { fields: [invoices.payerGuardianId], references: [guardians.id] }),
  regie: one(regies, { fields: [invoices.regieId], references: [regies.id] }),
  run: one(billingRuns, { fields: [invoices.runId], references: [billingRuns.id] }),
  lines: many(invoiceLines),
  allocations: many(paymentAllocations),
  creditNote: one(creditNotes),
}));

export const invoiceLinesRelations = relations(invoiceLines, ({ one }) => ({
  invoice: one(invoices, { fields: [invoiceLines.invoiceId], references: [invoices.id] }),
}));

export const creditNotesRelations = relations(creditNotes, ({ one }) => ({
  invoice: one(invoices, { fields: [creditNotes.invoiceId], references: [invoices.id] }),
}));

export const paymentsRelations = relations(payments, ({ many }) => ({
  allocations: many(paymentAllocations),
}));

export const paymentAllocationsRelations = relations(paymentAllocations, ({ one }) => ({
  payment: one(payments, { fields: [paymentAllocations.paymentId], references: [payments.id] }),
  invoice: one(invoices, { fields: [paymentAllocations.invoiceId], references: [invoices.id] }),
}));

export type Regie = typeof regies.$inferSelect;
export type InvoiceNature = typeof invoiceNatures.$inferSelect;
export type Tariff = typeof tariffs.$inferSelect;
export type BillingRun = typeof billingRuns.$inferSelect;
export type Invoice = typeof invoices.$inferSelect;
export type InvoiceLine = typeof invoiceLines.$inferSelect;
export type InvoiceLineKind = (typeof invoiceLineKindEnum.enumValues)[number];
export type CreditNote = typeof creditNotes.$inferSelect;
export type Payment = typeof payments.$inferSelect;
export type PaymentMethod = (typeof paymentMethodEnum.enumValues)[number];
export type PaymentAllocation = typeof paymentAllocations.$inferSelect;
