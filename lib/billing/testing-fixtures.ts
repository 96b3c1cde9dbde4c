import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  activities,
  creditNotes,
  type InvoiceLineKind,
  invoiceLines,
  invoiceNatures,
  invoices,
  type PaymentMethod,
  paymentAllocations,
  payments,
  regies,
  subscriptions,
  type TariffBracket,
  tariffs,
} from "@/db/schema";
import { insertFamily } from "@/lib/family-file/test-fixtures";

/*
 * Billing rows written directly, for every billing test (not used by the app): a subscribed household, a régie and
 * its natures, tariffs, issued invoices with their lines, payments with allocations (paidCents kept as the money
 * code keeps it), credit notes. Each takes the commune and lets a test set any column that matters to it.
 */

let counter = 0;
const next = () => ++counter;

/** A household with its payer, one child (Léa, born 2017), a subscribed family account and an agent. */
export async function insertBillingFamily(db: Db, communeId: string, name?: string) {
  const family = await insertFamily(db, communeId, name);
  await db.insert(subscriptions).values({
    communeId,
    userId: family.family.id,
    householdId: family.householdId,
    method: "subscriber_code",
  });
  return family;
}

/**
 * A régie ("Régie enfance 1", code "ENF1"… unless given) with its payment instructions and treasury contact; due
 * 20 days after issue, treasury 30 days after that unless said otherwise.
 */
export async function insertRegie(db: Db, values: { communeId: string } & Partial<typeof regies.$inferInsert>) {
  const n = next();
  const [row] = await db
    .insert(regies)
    .values({
      name: `Régie enfance ${n}`,
      code: `ENF${n}`,
      paymentInstructions: "Par chèque à l'ordre du Trésor public, ou en espèces à l'accueil de la mairie.",
      treasuryContact: "Service de gestion comptable de Vienne, 2 rue de la Paix, 38200 Vienne",
      ...values,
    })
    .returning();
  return row!;
}

/** A nature of the régie ("Restauration scolaire 3"… unless `label` is given), given to `activityIds` when listed. */
export async function insertNature(
  db: Db,
  values: { communeId: string; regieId: string; activityIds?: readonly string[] } & Partial<
    typeof invoiceNatures.$inferInsert
  >,
) {
  const { activityIds = [], ...columns } = values;
  const [row] = await db
    .insert(invoiceNatures)
    .values({ label: `Restauration scolaire ${next()}`, ...columns })
    .returning();
  if (activityIds.length > 0) {
    await db
      .update(activities)
      .set({ natureId: row!.id })
      .where(and(eq(activities.communeId, values.communeId), inArray(activities.id, [...activityIds])));
  }
  return row!;
}

/** Three brackets used by most tests: up to QF 600, up to 1200, above; the default price for an unknown QF. */
export const TEST_BRACKETS: TariffBracket[] = [
  { upToQuotient: 600, unitCents: 180 },
  { upToQuotient: 1200, unitCents: 350 },
  { upToQuotient: null, unitCents: 520 },
];

/** A tariff of the activity from `validFrom` (1 September 2026 unless given), with TEST_BRACKETS and 600 by default. */
export async function insertTariff(
  db: Db,
  values: { communeId: string; activityId: string } & Partial<typeof tariffs.$inferInsert>,
) {
  const [row] = await db
    .insert(tariffs)
    .values({ validFrom: "2026-09-01", brackets: TEST_BRACKETS, defaultUnitCents: 600, ...values })
    .returning();
  return row!;
}

/** One line of a test invoice: `quantity` × `unitCents`, for Léa MARTIN at the morning club unless said. */
export interface TestInvoiceLine {
  childId?: string | null;
  childName?: string;
  activityLabel?: string;
  natureId?: string | null;
  month?: string;
  kind?: InvoiceLineKind;
  quantity: number;
  unitCents: number;
  note?: string | null;
}

/**
 * An issued invoice, numbered uniquely; its amount is the sum of its lines (one line of the whole `amountCents`,
 * 10,00 € unless given, for `childName` and `activityLabel` when no line is given). Issued on 5 January 2027 and
 * due on the 25th unless said; an invoice given only its issue date is due that day. Payments, direct debit,
 * treasury and cancellation can be set as facts.
 */
export async function insertInvoice(
  db: Db,
  p: {
    communeId: string;
    householdId: string;
    regieId?: string | null;
    payerGuardianId?: string | null;
    reference?: string;
    emissionCode?: string;
    issuedOn?: string;
    dueOn?: string;
    amountCents?: number;
    childName?: string;
    activityLabel?: string;
    lines?: TestInvoiceLine[];
  } & Partial<Pick<typeof invoices.$inferInsert, "paidCents" | "directDebitOn" | "treasuryOn" | "cancelledOn">>,
) {
  const n = next();
  const issuedOn = p.issuedOn ?? "2027-01-05";
  const dueOn = p.dueOn ?? p.issuedOn ?? "2027-01-25";
  const lines: TestInvoiceLine[] = p.lines ?? [
    { quantity: 1, unitCents: p.amountCents ?? 1000, childName: p.childName, activityLabel: p.activityLabel },
  ];
  const amountCents = lines.reduce((sum, l) => sum + l.quantity * l.unitCents, 0);
  const [invoice] = await db
    .insert(invoices)
    .values({
      communeId: p.communeId,
      householdId: p.householdId,
      regieId: p.regieId ?? null,
      payerGuardianId: p.payerGuardianId ?? null,
      payerName: "Mme Claire MARTIN",
      payerAddress: "12 rue des Écoles, 38330 Saint-Ismier",
      emissionCode: p.emissionCode ?? `${issuedOn.slice(0, 7)}-ENF`,
      reference: p.reference ?? `F${issuedOn.slice(0, 4)}-${String(n).padStart(6, "0")}`,
      issuer: "Régie enfance jeunesse",
      issuedOn,
      dueOn,
      period: `${issuedOn.slice(0, 7)}-01`,
      amountCents,
      paidCents: p.paidCents ?? 0,
      directDebitOn: p.directDebitOn ?? null,
      treasuryOn: p.treasuryOn ?? null,
      cancelledOn: p.cancelledOn ?? null,
    })
    .returning();
  await db.insert(invoiceLines).values(
    lines.map((line) => ({
      communeId: p.communeId,
      householdId: p.householdId,
      invoiceId: invoice!.id,
      childId: line.childId ?? null,
      childName: line.childName ?? "Léa MARTIN",
      activityLabel: line.activityLabel ?? "1/Péri MATIN",
      natureId: line.natureId ?? null,
      month: line.month ?? `${issuedOn.slice(0, 7)}-01`,
      kind: line.kind ?? ("slot" as const),
      quantity: line.quantity,
      unitCents: line.unitCents,
      amountCents: line.quantity * line.unitCents,
      note: line.note ?? null,
    })),
  );
  return invoice!;
}

/** A payment and its allocations; a live one adds to the invoices' paidCents, as recording a payment does. */
export async function insertPayment(
  db: Db,
  p: {
    communeId: string;
    householdId: string;
    method?: PaymentMethod;
    receivedOn: string;
    description?: string;
    allocations: { invoiceId: string; amountCents: number }[];
    cancelReason?: string;
  },
) {
  const n = next();
  const amountCents = p.allocations.reduce((sum, a) => sum + a.amountCents, 0);
  const [payment] = await db
    .insert(payments)
    .values({
      communeId: p.communeId,
      householdId: p.householdId,
      operationNumber: `${p.receivedOn.slice(0, 4)}${String(n).padStart(6, "0")}`,
      method: p.method ?? "cheque",
      receivedOn: p.receivedOn,
      description: p.description ?? `Chèque n° ${1000000 + n}`,
      amountCents,
      cancelledAt: p.cancelReason ? new Date() : null,
      cancelReason: p.cancelReason ?? null,
    })
    .returning();
  await db.insert(paymentAllocations).values(
    p.allocations.map((a) => ({
      paymentId: payment!.id,
      invoiceId: a.invoiceId,
      communeId: p.communeId,
      householdId: p.householdId,
      amountCents: a.amountCents,
    })),
  );
  if (!p.cancelReason)
    for (const a of p.allocations)
      await db
        .update(invoices)
        .set({ paidCents: sql`${invoices.paidCents} + ${a.amountCents}` })
        .where(eq(invoices.id, a.invoiceId));
  return payment!;
}

/** The avoir of an unpaid invoice, cancelling it. */
export async function insertCreditNote(
  db: Db,
  p: { communeId: string; householdId: string; invoiceId: string; amountCents: number; issuedOn: string },
) {
  const [note] = await db
    .insert(creditNotes)
    .values({
      ...p,
      reference: `AV${p.issuedOn.slice(0, 4)}-${String(next()).padStart(6, "0")}`,
      reason: "Facture émise par erreur",
    })
    .returning();
  await db.update(invoices).set({ cancelledOn: p.issuedOn }).where(eq(invoices.id, p.invoiceId));
  return note!;
}
