import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  children,
  guardians,
  households,
  invoiceLines,
  invoiceNatures,
  paymentAllocations,
  payments,
  subscriptions,
} from "@/db/schema";
import { preparedPerDatabase } from "@/lib/database/prepared";
import { type AttestationResult, computeChildcareAttestation } from "./attestation";
import { type FamilyBillingScope, subscribedBy } from "./scope";

/*
 * The data of the "Attestation de frais de garde" of a household and a year (the rule is in attestation.ts), and
 * the years it is offered for.
 */

export interface ChildcareAttestation extends AttestationResult {
  householdName: string;
  /** The household's payer (else its first responsable), as the attestation is addressed. */
  payerName: string | null;
  payerAddress: string | null;
}

export async function loadChildcareAttestation(
  db: Db,
  params: FamilyBillingScope & { year: number },
): Promise<ChildcareAttestation | null> {
  const { communeId, householdId, year } = params;
  const [household] = await db
    .select({ name: households.name })
    .from(households)
    .innerJoin(subscriptions, subscribedBy(households.id, params))
    .where(and(eq(households.id, householdId), eq(households.communeId, communeId)));
  if (!household) return null;
  const [payers, kids, allocations] = await Promise.all([
    db
      .select({
        civility: guardians.civility,
        firstName: guardians.firstName,
        lastName: guardians.lastName,
        addressLine: guardians.addressLine,
        postcode: guardians.postcode,
        city: guardians.city,
      })
      .from(guardians)
      .where(and(eq(guardians.householdId, householdId), eq(guardians.communeId, communeId)))
      .orderBy(desc(guardians.isPayer), asc(guardians.rank))
      .limit(1),
    db
      .select({
        id: children.id,
        firstName: children.firstName,
        lastName: children.lastName,
        birthDate: children.birthDate,
      })
      .from(children)
      .where(and(eq(children.householdId, householdId), eq(children.communeId, communeId))),
    db
      .select({ invoiceId: paymentAllocations.invoiceId, amountCents: paymentAllocations.amountCents })
      .from(paymentAllocations)
      .innerJoin(
        payments,
        and(eq(payments.id, paymentAllocations.paymentId), eq(payments.communeId, paymentAllocations.communeId)),
      )
      .where(
        and(
          eq(paymentAllocations.communeId, communeId),
          eq(paymentAllocations.householdId, householdId),
          isNull(payments.cancelledAt),
          gte(payments.receivedOn, `${year}-01-01`),
          lte(payments.receivedOn, `${year}-12-31`),
        ),
      ),
  ]);
  const invoiceIds = [...new Set(allocations.map((a) => a.invoiceId))];
  const lines =
    invoiceIds.length === 0
      ? []
      : await db
          .select({
            invoiceId: invoiceLines.invoiceId,
            childId: invoiceLines.childId,
            amountCents: invoiceLines.amountCents,
            childcare: invoiceNatures.childcare,
          })
          .from(invoiceLines)
          .leftJoin(
            invoiceNatures,
            and(eq(invoiceNatures.id, invoiceLines.natureId), eq(invoiceNatures.communeId, communeId)),
          )
          .where(
            and(
              eq(invoiceLines.communeId, communeId),
              eq(invoiceLines.householdId, householdId),
              inArray(invoiceLines.invoiceId, invoiceIds),
            ),
          );
  const result = computeChildcareAttestation({
    year,
    children: kids.map((kid) => ({
      id: kid.id,
      name: `${kid.firstName} ${kid.lastName.toLocaleUpperCase("fr-FR")}`,
      birthDate: kid.birthDate,
    })),
    lines: lines.map((line) => ({
      invoiceId: line.invoiceId,
      childId: line.childId,
      amountCents: line.amountCents,
      childcare: line.childcare ?? true,
    })),
    allocations,
  });
  const payer = payers[0];
  return {
    ...result,
    householdName: household.name,
    payerName: payer
      ? `${payer.civility === "MME" ? "Mme" : "M."} ${payer.firstName} ${payer.lastName.toLocaleUpperCase("fr-FR")}`
      : null,
    payerAddress: payer
      ? [payer.addressLine, [payer.postcode, payer.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") || null
      : null,
  };
}

const paymentYear = sql<number>`extract(year from ${payments.receivedOn})::int`;

/** The years the household paid something in before a day: built once, Mes factures reads it on every view. */
const householdPaymentYearsBefore = preparedPerDatabase((db) =>
  db
    .selectDistinct({ year: paymentYear })
    .from(payments)
    .innerJoin(
      subscriptions,
      subscribedBy(payments.householdId, {
        communeId: sql.placeholder("communeId"),
        userId: sql.placeholder("userId"),
      }),
    )
    .where(
      and(
        eq(payments.communeId, sql.placeholder("communeId")),
        eq(payments.householdId, sql.placeholder("householdId")),
        isNull(payments.cancelledAt),
        lt(payments.receivedOn, sql.placeholder("before")),
      ),
    )
    .prepare("household_payment_years_before"),
);

/**
 * The years Mes factures offers an attestation for: from January on, the year just ended, and every earlier year
 * the household paid something in (newest first).
 */
export async function listAttestationYears(
  db: Db,
  params: FamilyBillingScope & { currentYear: number },
): Promise<number[]> {
  const rows = await householdPaymentYearsBefore(db).execute({
    communeId: params.communeId,
    userId: params.userId,
    householdId: params.householdId,
    before: `${params.currentYear - 1}-01-01`,
  });
  const years = new Set([params.currentYear - 1, ...rows.map((r) => Number(r.year))]);
  return [...years].sort((a, b) => b - a);
}
