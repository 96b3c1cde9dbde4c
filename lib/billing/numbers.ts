import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { numberCounters } from "@/db/schema";
import { creditNoteSeries, invoiceSeries, operationSeries } from "./number-formats";

/**
 * The next number of a series, gap-free: call it inside the transaction that writes the numbered row. The counter's
 * row lock makes concurrent writers take turns, and a rolled-back transaction gives its number back.
 */
async function nextInSeries(tx: Db, params: { communeId: string; series: string; count?: number }): Promise<number> {
  const count = params.count ?? 1;
  const [row] = await tx
    .insert(numberCounters)
    .values({ communeId: params.communeId, series: params.series, last: count })
    .onConflictDoUpdate({
      target: [numberCounters.communeId, numberCounters.series],
      set: { last: sql`${numberCounters.last} + ${count}` },
    })
    .returning({ last: numberCounters.last });
  return row!.last;
}

/** "F2027-000123": the invoice's référence, per commune and year of issue. */
export async function nextInvoiceNumber(tx: Db, params: { communeId: string; year: number }): Promise<string> {
  const series = invoiceSeries(params.year);
  return series.format(await nextInSeries(tx, { communeId: params.communeId, series: series.name }));
}

/** `count` consecutive invoice numbers in one statement (a monthly run numbers all its invoices at once). */
export async function nextInvoiceNumbers(
  tx: Db,
  params: { communeId: string; year: number; count: number },
): Promise<string[]> {
  if (params.count <= 0) return [];
  const series = invoiceSeries(params.year);
  const last = await nextInSeries(tx, { communeId: params.communeId, series: series.name, count: params.count });
  return Array.from({ length: params.count }, (_, i) => series.format(last - params.count + 1 + i));
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
