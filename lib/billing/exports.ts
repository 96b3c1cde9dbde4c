import "server-only";
import { and, asc, desc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  type BillingRun,
  bankAccounts,
  billingRuns,
  households,
  invoiceLines,
  invoiceNatures,
  invoices,
  regies,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { buildCsv, type CsvCell } from "./csv";
import { INVOICE_LINE_KIND_LABELS } from "./line-labels";

/*
 * What leaves the portal for the town's accounting: a run's invoice lines for the accounting software, and the
 * month's direct-debit batch for the treasury. Both are scoped by commune; the direct-debit batch is the one place
 * the whole IBAN leaves the portal, so every download of it is written to the audit trail first.
 */

export type RunListItem = BillingRun & { regieName: string; regieCode: string; directDebitCount: number };

/** The commune's runs, latest month first, with how many invoices of each are paid by direct debit. */
export async function listRuns(db: Db, params: { communeId: string; limit?: number }): Promise<RunListItem[]> {
  const directDebitCount = sql<number>`(
    select count(*)::int from ${invoices}
    where ${invoices.runId} = ${billingRuns.id}
      and ${invoices.communeId} = ${billingRuns.communeId}
      and ${invoices.directDebitOn} is not null
      and ${invoices.cancelledOn} is null
  )`;
  const rows = await db
    .select({ run: billingRuns, regieName: regies.name, regieCode: regies.code, directDebitCount })
    .from(billingRuns)
    .innerJoin(regies, eq(regies.id, billingRuns.regieId))
    .where(eq(billingRuns.communeId, params.communeId))
    .orderBy(desc(billingRuns.period), asc(regies.name))
    .limit(params.limit ?? 120);
  return rows.map((row) => ({
    ...row.run,
    regieName: row.regieName,
    regieCode: row.regieCode,
    directDebitCount: row.directDebitCount,
  }));
}

async function findRun(db: Db, params: { communeId: string; runId: string }) {
  const [row] = await db
    .select()
    .from(billingRuns)
    .where(and(eq(billingRuns.communeId, params.communeId), eq(billingRuns.id, params.runId)));
  return row ?? null;
}

export type CsvFile = { filename: string; content: string; rows: number };

/** "01/2027": the month of a first-of-month day. */
const monthOf = (day: string) => `${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** "21/02/2027" from a date column, as formatDate writes it, without parsing (tens of thousands of cells). */
const dayOf = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

export const ACCOUNTING_HEADER = [
  "Mois facturé",
  "Code émission",
  "N° facture",
  "Date d'émission",
  "Échéance",
  "Famille",
  "Payeur",
  "Adresse du payeur",
  "Enfant",
  "Activité",
  "Nature",
  "Mois de la prestation",
  "Type de ligne",
  "Quantité",
  "Prix unitaire",
  "Montant",
] as const;

/**
 * The run for the accounting software: one row per invoice line, every invoice the run issued (a later credit note
 * is the accounting's own cancellation, not a change to this file). Null when the run is not of this commune.
 */
export async function accountingExport(db: Db, params: { communeId: string; runId: string }): Promise<CsvFile | null> {
  const run = await findRun(db, params);
  if (!run) return null;
  const rows = await db
    .select({
      reference: invoices.reference,
      issuedOn: invoices.issuedOn,
      dueOn: invoices.dueOn,
      household: households.name,
      payerName: invoices.payerName,
      payerAddress: invoices.payerAddress,
      childName: invoiceLines.childName,
      activityLabel: invoiceLines.activityLabel,
      nature: invoiceNatures.label,
      month: invoiceLines.month,
      kind: invoiceLines.kind,
      quantity: invoiceLines.quantity,
      unitCents: invoiceLines.unitCents,
      amountCents: invoiceLines.amountCents,
    })
    .from(invoiceLines)
    .innerJoin(invoices, and(eq(invoices.id, invoiceLines.invoiceId), eq(invoices.communeId, params.communeId)))
    .innerJoin(households, eq(households.id, invoices.householdId))
    .leftJoin(invoiceNatures, eq(invoiceNatures.id, invoiceLines.natureId))
    .where(and(eq(invoiceLines.communeId, params.communeId), eq(invoices.runId, run.id)))
    .orderBy(
      asc(invoices.reference),
      asc(invoiceLines.childName),
      asc(invoiceLines.activityLabel),
      asc(invoiceLines.month),
      asc(invoiceLines.kind),
      asc(invoiceLines.id),
    );
  const cells = rows.map((row): CsvCell[] => [
    monthOf(run.period),
    run.emissionCode,
    row.reference,
    dayOf(row.issuedOn),
    dayOf(row.dueOn),
    row.household,
    row.payerName,
    row.payerAddress,
    row.childName,
    row.activityLabel,
    row.nature,
    monthOf(row.month),
    INVOICE_LINE_KIND_LABELS[row.kind],
    row.quantity,
    { cents: row.unitCents },
    { cents: row.amountCents },
  ]);
  return {
    filename: `ecritures-${run.emissionCode}.csv`,
    content: buildCsv(ACCOUNTING_HEADER, cells),
    rows: cells.length,
  };
}

export const DIRECT_DEBIT_HEADER = [
  "Code émission",
  "N° facture",
  "Famille",
  "Payeur",
  "Titulaire du compte",
  "IBAN",
  "BIC",
  "Montant",
  "Date de prélèvement",
  "Échéance",
  "Référence du mandat",
  "Anomalie",
] as const;

/**
 * The mandate reference (RUM) of a household: stable for the life of the mandate (a regenerated code abonné would
 * change it) and no credential (the code abonné lets anyone subscribe to the household). 34 characters of the 35
 * SEPA allows.
 */
export function mandateReference(householdId: string): string {
  return `PF${householdId.replaceAll("-", "").toUpperCase()}`;
}

/**
 * The run's direct-debit batch: each invoice of the run paid by direct debit, not cancelled, with a balance, and the
 * household's bank account as it is today, whole IBAN included. The download is audited in the same transaction as
 * the read. Null when the run is not of this commune.
 */
export async function directDebitExport(
  db: Db,
  params: { communeId: string; runId: string; actorUserId: string },
): Promise<CsvFile | null> {
  return db.transaction(async (tx) => {
    const run = await findRun(tx, params);
    if (!run) return null;
    const rows = await tx
      .select({
        householdId: invoices.householdId,
        reference: invoices.reference,
        household: households.name,
        payerName: invoices.payerName,
        amountCents: invoices.amountCents,
        paidCents: invoices.paidCents,
        directDebitOn: invoices.directDebitOn,
        dueOn: invoices.dueOn,
        holderName: bankAccounts.holderName,
        iban: bankAccounts.iban,
        bic: bankAccounts.bic,
        stillDirectDebit: bankAccounts.directDebit,
      })
      .from(invoices)
      .innerJoin(households, eq(households.id, invoices.householdId))
      .leftJoin(
        bankAccounts,
        and(eq(bankAccounts.householdId, invoices.householdId), eq(bankAccounts.communeId, params.communeId)),
      )
      .where(
        and(
          eq(invoices.communeId, params.communeId),
          eq(invoices.runId, run.id),
          isNotNull(invoices.directDebitOn),
          isNull(invoices.cancelledOn),
          gt(invoices.amountCents, invoices.paidCents),
        ),
      )
      .orderBy(asc(invoices.reference));
    const cells = rows.map((row): CsvCell[] => [
      run.emissionCode,
      row.reference,
      row.household,
      row.payerName,
      row.holderName,
      row.iban,
      row.bic,
      { cents: row.amountCents - row.paidCents },
      row.directDebitOn ? dayOf(row.directDebitOn) : null,
      dayOf(row.dueOn),
      mandateReference(row.householdId),
      !row.iban
        ? "IBAN manquant"
        : row.stillDirectDebit
          ? null
          : "Le dossier famille n'est plus en prélèvement depuis l'émission",
    ]);
    await recordAudit(tx, {
      communeId: params.communeId,
      actorUserId: params.actorUserId,
      action: "billing.direct_debit_exported",
      targetType: "billing_run",
      targetId: run.id,
      details: { emissionCode: run.emissionCode, period: run.period, count: rows.length },
    });
    return {
      filename: `prelevements-${run.emissionCode}.csv`,
      content: buildCsv(DIRECT_DEBIT_HEADER, cells),
      rows: cells.length,
    };
  });
}
