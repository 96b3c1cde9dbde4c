import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { numberCounters } from "@/db/schema";
import { creditNoteSeries, invoiceSeries, operationSeries } from "./number-formats";

/**
 * The next number of a series, gap-free: call it inside the transaction that writes the numbered row. The counter's
 * row lock makes concurrent writers take turns, and a rolled-back transaction gives its number back.
 */
async function nextInSeries(tx: Db, params: { communeId: string; series: string }): Promise<number> {
  const [row] = await tx
    .insert(numberCounters)
    .values({ communeId: params.communeId, series: params.series, last: 1 })
    .onConflictDoUpdate({
      target: [numberCounters.communeId, numberCounters.series],
      set: { last: sql`${numberCounters.last} + 1` },
    })
    .returning({ last: numberCounters.last });
  return row!.last;
}

/** "F2027-000123": the invoice's référence, per commune and year of issue. */
export async function nextInvoiceNumber(tx: Db, params: { communeId: string; year: number }): Promise<string> {
  const series = invoiceSeries(params.year);
  return series.format(await nextInSeries(tx, { communeId: params.communeId, series: series.name }));
}

/** "AV2027-000004": a credit note's number. */
export async function nextCreditNoteNumber(tx: Db, params: { communeId: string; year: number }): Promise<string> {
  const series = creditNoteSeries(params.year);
  return series.format(await nextInSeries(tx, { communeId: params.communeId, series: series.name }));
}

/** "2027000042": a payment's N° Opération. */
export async function nextOperationNumber(tx: Db, params: { communeId: string; year: number }): Promise<string> {
  const series = operationSeries(params.year);
  return series.format(await nextInSeries(tx, { communeId: params.communeId, series: series.name }));
}
