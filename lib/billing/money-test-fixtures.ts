// Test support for the integration tests of payments, credit notes and the treasury (not used by the app): issued
// invoices written directly, as a monthly run would leave them.
import type { Db } from "@/db/client";
import { invoiceLines, invoices, regies } from "@/db/schema";

let counter = 0;

/** A régie with its delays (due 20 days after issue, treasury 30 days after that unless said otherwise). */
export async function insertTestRegie(db: Db, communeId: string, overrides: Partial<typeof regies.$inferInsert> = {}) {
  const [row] = await db
    .insert(regies)
    .values({ communeId, name: "Régie enfance jeunesse", code: `R${++counter}`, ...overrides })
    .returning();
  return row!;
}

/**
 * An issued invoice of a household with one line of `amountCents` (one day at that price) for the child named,
 * numbered uniquely. Dates, régie, payments and facts (direct debit, treasury, cancellation) can be set.
 */
export async function insertTestInvoice(
  db: Db,
  params: {
    communeId: string;
    householdId: string;
    amountCents: number;
    childName?: string;
    activityLabel?: string;
    issuedOn?: string;
    dueOn?: string;
  } & Partial<
    Pick<typeof invoices.$inferInsert, "regieId" | "paidCents" | "directDebitOn" | "treasuryOn" | "cancelledOn">
  >,
) {
  const n = ++counter;
  const issuedOn = params.issuedOn ?? "2027-01-05";
  const [invoice] = await db
    .insert(invoices)
    .values({
      communeId: params.communeId,
      householdId: params.householdId,
      regieId: params.regieId ?? null,
      payerName: "Mme Claire TEST",
      payerAddress: "1 rue de la Mairie 38330 Démo",
      emissionCode: "2026-12-TEST",
      reference: `FT-${String(n).padStart(6, "0")}-${Date.now().toString(36)}`,
      issuer: "Régie enfance jeunesse",
      issuedOn,
      dueOn: params.dueOn ?? "2027-01-25",
      period: "2026-12-01",
      amountCents: params.amountCents,
      paidCents: params.paidCents ?? 0,
      directDebitOn: params.directDebitOn ?? null,
      treasuryOn: params.treasuryOn ?? null,
      cancelledOn: params.cancelledOn ?? null,
    })
    .returning();
  await db.insert(invoiceLines).values({
    communeId: params.communeId,
    householdId: params.householdId,
    invoiceId: invoice!.id,
    childName: params.childName ?? "Léa TEST",
    activityLabel: params.activityLabel ?? "2/Repas Sco — École Jules Ferry",
    month: "2026-12-01",
    kind: "slot",
    quantity: 1,
    unitCents: params.amountCents,
    amountCents: params.amountCents,
  });
  return invoice!;
}
