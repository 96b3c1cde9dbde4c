import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type BillingRun, billingRuns, communes, invoiceLines, invoices } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { currentTime } from "@/lib/clock";
import { mailCommune, mailCommuneColumns } from "@/lib/communes/mail-commune";
import { formatDate, formatEuros } from "@/lib/format";
import { enqueueRenderedMails, type RenderedMail } from "@/lib/mail/send-mail";
import { parisDay } from "@/lib/planning/days";
import { routes } from "@/lib/routes/paths";
import { absoluteUrl } from "@/lib/urls";
import { nextInvoiceNumbers } from "../numbers";
import { dueDate, emissionCode, monthLabel, monthOf, type Period, yearOf } from "../periods";
import { computeRun, type RunAnomalies } from "./compute";
import { prepareInvoiceMails } from "./invoice-mails";
import { loadRunInputs } from "./load";
import { findRegie } from "./preview";

/*
 * Issuing a régie's month, in one transaction. Its billing_runs row comes first: the unique (régie, month) makes a
 * second start — or a concurrent one, which waits on that row — issue nothing. Then every invoice is numbered in
 * one statement (gap-free: the numbers roll back with the rest), inserted in chunks with its lines, and its
 * "facture disponible" mail queued in the outbox. The month is read inside the transaction, after the run's row.
 */

export type IssueRunResult =
  | { ok: true; run: BillingRun; mailCount: number; anomalies: RunAnomalies }
  | { ok: false; reason: "regie_not_found" | "future_month" | "already_issued" | "nothing_to_invoice" };

/** Rows per INSERT: well below PostgreSQL's 65,535 parameters, small enough for PGlite. */
const INVOICE_CHUNK = 500;
const LINE_CHUNK = 1000;
const MAIL_CHUNK = 200;

class NothingToInvoice extends Error {}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Issues the invoices of `period` (a first day of month, not after the current month) for the régie.
 * Nothing is written when there is nothing to invoice, so the month can be run again once tariffs are set.
 */
export async function issueRun(
  db: Db,
  p: { communeId: string; regieId: string; period: Period; userId: string | null; now?: Date },
): Promise<IssueRunResult> {
  const now = p.now ?? currentTime();
  const issuedOn = parisDay(now);
  if (p.period > monthOf(issuedOn)) return { ok: false, reason: "future_month" };
  const regie = await findRegie(db, p);
  if (!regie) return { ok: false, reason: "regie_not_found" };
  const [commune] = await db.select(mailCommuneColumns).from(communes).where(eq(communes.id, p.communeId));
  const dueOn = dueDate(issuedOn, regie.dueDays);
  const code = emissionCode(p.period, regie.code);
  // The mails are rendered before the transaction, once for the whole run (invoice-mails.ts).
  const buildMail = await prepareInvoiceMails({
    communeId: p.communeId,
    commune: mailCommune(commune!),
    periodLabel: monthLabel(p.period),
    issuer: regie.name,
    dueDate: formatDate(dueOn),
    directDebitDate: formatDate(dueOn),
    invoiceUrl: (invoiceId) => absoluteUrl(routes.billingInvoice(commune!.slug, invoiceId)),
  });

  try {
    return await db.transaction(async (tx): Promise<IssueRunResult> => {
      const [run] = await tx
        .insert(billingRuns)
        .values({
          communeId: p.communeId,
          regieId: regie.id,
          period: p.period,
          emissionCode: code,
          issuedOn,
          dueOn,
          issuedByUserId: p.userId,
          // The app's clock, like the bookings' updatedAt it is compared with for régularisations.
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (!run) return { ok: false, reason: "already_issued" };

      const computation = computeRun(
        await loadRunInputs(tx, { communeId: p.communeId, regieId: regie.id, period: p.period }),
      );
      const bills = computation.households.filter((household) => household.invoiced);
      if (bills.length === 0) throw new NothingToInvoice();
      const numbers = await nextInvoiceNumbers(tx, {
        communeId: p.communeId,
        year: yearOf(issuedOn),
        count: bills.length,
      });

      const invoiceIds = new Map<string, string>();
      for (const chunk of chunks(
        bills.map((bill, i) => ({ bill, reference: numbers[i]! })),
        INVOICE_CHUNK,
      )) {
        const rows = await tx
          .insert(invoices)
          .values(
            chunk.map(({ bill, reference }) => ({
              communeId: p.communeId,
              householdId: bill.householdId,
              regieId: regie.id,
              runId: run.id,
              payerGuardianId: bill.payer?.guardianId ?? null,
              payerName: bill.payer?.name ?? null,
              payerAddress: bill.payer?.address ?? null,
              emissionCode: code,
              reference,
              issuer: regie.name,
              issuedOn,
              dueOn,
              period: p.period,
              amountCents: bill.totalCents,
              directDebitOn: bill.directDebit ? dueOn : null,
            })),
          )
          .returning({ id: invoices.id, householdId: invoices.householdId });
        for (const row of rows) invoiceIds.set(row.householdId, row.id);
      }

      const lineRows = bills.flatMap((bill) =>
        bill.lines.map((line) => ({
          communeId: p.communeId,
          householdId: bill.householdId,
          invoiceId: invoiceIds.get(bill.householdId)!,
          childId: line.childId,
          childName: line.childName,
          activityId: line.activityId,
          activityLabel: line.activityLabel,
          natureId: line.natureId,
          month: line.month,
          kind: line.kind,
          quantity: line.quantity,
          unitCents: line.unitCents,
          amountCents: line.amountCents,
          note: line.note,
        })),
      );
      for (const chunk of chunks(lineRows, LINE_CHUNK)) await tx.insert(invoiceLines).values(chunk);

      const [issued] = await tx
        .update(billingRuns)
        .set({ invoiceCount: bills.length, totalCents: computation.totalCents })
        .where(eq(billingRuns.id, run.id))
        .returning();

      const mails: RenderedMail[] = bills.flatMap((bill, i) =>
        bill.payer?.email
          ? [
              buildMail(
                bill.payer.email,
                {
                  greetingName: bill.payer.name,
                  reference: numbers[i]!,
                  amount: formatEuros(bill.totalCents),
                  invoiceId: invoiceIds.get(bill.householdId)!,
                },
                bill.directDebit,
              ),
            ]
          : [],
      );
      for (const chunk of chunks(mails, MAIL_CHUNK)) await enqueueRenderedMails(tx, chunk);

      if (p.userId)
        await recordAudit(tx, {
          communeId: p.communeId,
          actorUserId: p.userId,
          action: "billing.run_issued",
          targetType: "billing_run",
          targetId: run.id,
          details: { emissionCode: code, invoiceCount: bills.length, totalCents: computation.totalCents },
        });
      return { ok: true, run: issued!, mailCount: mails.length, anomalies: computation.anomalies };
    });
  } catch (error) {
    if (error instanceof NothingToInvoice) return { ok: false, reason: "nothing_to_invoice" };
    throw error;
  }
}
