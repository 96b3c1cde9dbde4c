import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
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
} from "@/db/schema";
import { insertFamily } from "@/lib/family-file/test-fixtures";

/*
 * Billing rows written directly, for the family side's tests: a régie and its natures, invoices with lines,
 * payments with allocations (paidCents kept as the money code keeps it), credit notes.
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

export async function insertRegie(db: Db, communeId: string, overrides: Partial<typeof regies.$inferInsert> = {}) {
  const [row] = await db
    .insert(regies)
    .values({
      communeId,
      name: "Régie enfance jeunesse",
      code: `R${next()}`,
      paymentInstructions: "Par chèque à l'ordre du Trésor public, ou en espèces à l'accueil de la mairie.",
      treasuryContact: "Service de gestion comptable de Vienne, 2 rue de la Paix, 38200 Vienne",
      ...overrides,
    })
    .returning();
  return row!;
}

export async function insertNature(
  db: Db,
  p: { communeId: string; regieId: string; label: string; childcare?: boolean },
) {
  const [row] = await db.insert(invoiceNatures).values(p).returning();
  return row!;
}

export interface FixtureLine {
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

/** An issued invoice; its amount is the sum of its lines (one line of the whole amount when none is given). */
export async function insertInvoice(
  db: Db,
  p: {
    communeId: string;
    householdId: string;
    regieId?: string | null;
    payerGuardianId?: string | null;
    reference?: string;
    emissionCode?: string;
    issuedOn: string;
    dueOn?: string;
    amountCents?: number;
    lines?: FixtureLine[];
    directDebitOn?: string | null;
    treasuryOn?: string | null;
  },
) {
  const n = next();
  const lines: FixtureLine[] = p.lines ?? [{ quantity: 1, unitCents: p.amountCents ?? 1000 }];
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
      emissionCode: p.emissionCode ?? `${p.issuedOn.slice(0, 7)}-ENF`,
      reference: p.reference ?? `F${p.issuedOn.slice(0, 4)}-${String(n).padStart(6, "0")}`,
      issuer: "Régie enfance jeunesse",
      issuedOn: p.issuedOn,
      dueOn: p.dueOn ?? p.issuedOn,
      period: `${p.issuedOn.slice(0, 7)}-01`,
      amountCents,
      directDebitOn: p.directDebitOn ?? null,
      treasuryOn: p.treasuryOn ?? null,
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
      month: line.month ?? `${p.issuedOn.slice(0, 7)}-01`,
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
