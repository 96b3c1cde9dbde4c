import { relations, sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { invoices, payfipModeEnum, payments, regies } from "./billing";
import { communeIdColumn, createdAtColumn } from "./columns";
import { householdIdColumn, households } from "./households";
import { users } from "./users";

/*
 * Paiement en ligne: a family's card payment of one invoice through PayFiP. The attempt is written before the
 * service is called and settled only on what the service itself answers (never on the browser's return or the
 * notification's body), so a payment is never lost and never counted twice.
 */

/**
 * - opening: written, PayFiP not yet asked for an idOp (a crash here is closed as failed by the job);
 * - open: the family is on PayFiP's card page, or its result is not known yet (P5);
 * - paid / refused / cancelled: PayFiP's final answer (P or V / R or Z / A);
 * - expired: still unknown an hour after it began, closed by the job;
 * - failed: PayFiP refused to open it or could not be reached.
 */
export const onlinePaymentStateEnum = pgEnum("online_payment_state", [
  "opening",
  "open",
  "paid",
  "refused",
  "cancelled",
  "expired",
  "failed",
]);

/** Why an agent must look at a paid attempt. */
export const onlinePaymentFlagEnum = pgEnum("online_payment_flag", [
  // Paid an amount other than the one asked: recorded as paid, to be checked.
  "amount_mismatch",
  // Paid, but the invoice could not take it (cancelled, at the treasury, or the balance was settled meanwhile):
  // no règlement was recorded; the agent records or refunds it.
  "not_recorded",
]);

export const onlinePayments = pgTable(
  "online_payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    householdId: householdIdColumn(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "restrict" }),
    regieId: uuid("regie_id")
      .notNull()
      .references(() => regies.id, { onDelete: "restrict" }),
    /** The subscriber who clicked "Payer en ligne". */
    startedByUserId: uuid("started_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** PayFiP's operation id, once creerPaiementSecurise answered. */
    idOp: text("id_op"),
    /** What PayFiP was sent: the invoice reference (refdet), its year (exer), the amount, the payer's mail, saisie. */
    refdet: text("refdet").notNull(),
    exer: integer("exer").notNull(),
    amountCents: integer("amount_cents").notNull(),
    email: text("email").notNull(),
    mode: payfipModeEnum("mode").notNull(),
    state: onlinePaymentStateEnum("state").notNull().default("opening"),
    /** PayFiP's resultrans (P, V, R, Z, A) and numauto, once known. */
    resultCode: text("result_code"),
    authorizationNumber: text("authorization_number"),
    /** What PayFiP says was paid (its `montant`), and when (dattrans + heurtrans, Paris time). */
    paidCents: integer("paid_cents"),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    /** The règlement recorded for it (null when not paid, or flagged not_recorded). */
    paymentId: uuid("payment_id").references(() => payments.id, { onDelete: "restrict" }),
    flag: onlinePaymentFlagEnum("flag"),
    flagResolvedAt: timestamp("flag_resolved_at", { withTimezone: true }),
    flagResolvedByUserId: uuid("flag_resolved_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The service's last error ("P5 : …", "Service injoignable"), for the agent. */
    lastError: text("last_error"),
    checkCount: integer("check_count").notNull().default(0),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("online_payments_id_op_uq").on(t.idOp),
    // One attempt at a time per invoice: a second click resumes the open one, never opens another.
    uniqueIndex("online_payments_one_open_uq").on(t.invoiceId).where(sql`${t.state} in ('opening', 'open')`),
    index("online_payments_commune_idx").on(t.communeId, t.createdAt),
    index("online_payments_household_idx").on(t.householdId, t.createdAt),
    index("online_payments_pending_idx").on(t.createdAt).where(sql`${t.state} in ('opening', 'open')`),
    check("online_payments_amount_ck", sql`${t.amountCents} > 0`),
  ],
);

export const onlinePaymentsRelations = relations(onlinePayments, ({ one }) => ({
  household: one(households, { fields: [onlinePayments.householdId], references: [households.id] }),
  invoice: one(invoices, { fields: [onlinePayments.invoiceId], references: [invoices.id] }),
  regie: one(regies, { fields: [onlinePayments.regieId], references: [regies.id] }),
  payment: one(payments, { fields: [onlinePayments.paymentId], references: [payments.id] }),
}));

/**
 * The PayFiP simulator's own records: what the service would hold. Not commune data (it stands for the DGFiP's
 * server), read and written only by lib/payfip/simulator.
 */
export const payfipSimulatorOperations = pgTable("payfip_simulator_operations", {
  idOp: text("id_op").primaryKey(),
  numcli: text("numcli").notNull(),
  exer: text("exer").notNull(),
  refdet: text("refdet").notNull(),
  amountCents: integer("amount_cents").notNull(),
  email: text("email").notNull(),
  object: text("object").notNull().default(""),
  mode: text("mode").notNull(),
  notificationUrl: text("notification_url").notNull(),
  returnUrl: text("return_url").notNull(),
  createdAt: createdAtColumn(),
  /** The card page's choice: P paid, R refused, A abandoned; null while the payer has not chosen. */
  resultCode: text("result_code"),
  paidCents: integer("paid_cents"),
  authorizationNumber: text("authorization_number"),
  /** When the payer chose (by the portal's clock: dattrans / heurtrans). */
  decidedAt: timestamp("decided_at", { withTimezone: true }),
  /** Until then the web service answers P5 (result not known yet), as the real one may for 15–20 minutes. */
  resultKnownAt: timestamp("result_known_at", { withTimezone: true }),
  notificationsSent: integer("notifications_sent").notNull().default(0),
});

export type OnlinePayment = typeof onlinePayments.$inferSelect;
export type OnlinePaymentState = (typeof onlinePaymentStateEnum.enumValues)[number];
export type OnlinePaymentFlag = (typeof onlinePaymentFlagEnum.enumValues)[number];
export type PayfipMode = (typeof payfipModeEnum.enumValues)[number];
export type PayfipSimulatorOperation = typeof payfipSimulatorOperations.$inferSelect;
