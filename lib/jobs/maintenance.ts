import "server-only";
import { lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { spentCaptchas } from "@/db/schema";
import { purgeEndedSessions } from "@/lib/auth/sessions";
import { checkOpenOnlinePayments } from "@/lib/billing/online/jobs";
import { sendInvoiceReminders } from "@/lib/billing/reminders";
import { runDecisionDigests } from "@/lib/bookings/digest";
import { currentTime } from "@/lib/clock";
import { purgeClosedHouseholdDocuments, sendDocumentExpiryReminders } from "@/lib/documents/jobs";
import { deliverPendingMail } from "@/lib/mail/send-mail";
import { runNurseryJobs } from "@/lib/nursery/jobs";
import { purgeRateLimitBuckets } from "@/lib/rate-limit";

/**
 * Idempotent housekeeping, safe to run concurrently: sends the due accusé de traitement digests and the day's
 * invoice due-date reminders (each invoice once, from 08:00) and the documents' expiry reminders (each document once,
 * from 08:00), the crèche applications' jobs (unanswered offers back to the commission, unconfirmed applications
 * lapsed, confirmation reminders), deletes the documents of households closed past their retention, asks PayFiP again about the open online payments,
 * retries due mails and drops expired counters and long-ended sessions. Called every minute in-process and every
 * 5 minutes by the cron route.
 * The digests and reminders go by the portal's clock, or by `simulatedNow` (a demo or test instance trying a digest window: see
 * the cron route); the rest by the machine's real time, so a simulated instant never ends live sessions.
 */
export async function runMaintenance(
  db: Db,
  simulatedNow?: Date,
): Promise<{
  mailsAttempted: number;
  digests: { windows: number; mails: number } | null;
  reminders: { mails: number; invoices: number } | null;
  onlinePayments: { checked: number; closed: number } | null;
  documentReminders: number | null;
  documentsPurged: number | null;
  nursery: { offersExpired: number; lapsed: number; reminders: number } | null;
}> {
  // First, so the digests go out in this same run; a failing digest must not stop mail retries (it is retried next run).
  const digests = await runDecisionDigests(db, simulatedNow ?? currentTime(), {
    latestWindowOnly: simulatedNow !== undefined,
  }).catch((error: unknown) => {
    console.error("decision digests failed", error);
    return null;
  });
  // Before the deliveries too; a failure is logged and retried next run (an invoice is claimed only with its mails).
  const reminders = await sendInvoiceReminders(db, simulatedNow ?? currentTime()).catch((error: unknown) => {
    console.error("invoice reminders failed", error);
    return null;
  });
  // Before the deliveries too, so a payment's receipt leaves in this run; PayFiP's timers are real time.
  const onlinePayments = await checkOpenOnlinePayments(db, new Date()).catch((error: unknown) => {
    console.error("online payment checks failed", error);
    return null;
  });
  // Before the deliveries too; each document is claimed only with its mails, so a failure is retried next run.
  const documentReminders = await sendDocumentExpiryReminders(db, { now: simulatedNow ?? currentTime() }).catch(
    (error: unknown) => {
      console.error("document expiry reminders failed", error);
      return null;
    },
  );
  // Before the deliveries too; each application moves or is claimed only with its mail, so a failure is retried next run.
  const nursery = await runNurseryJobs(db, { now: simulatedNow ?? currentTime() }).catch((error: unknown) => {
    console.error("nursery jobs failed", error);
    return null;
  });
  // The retention goes by real time, like the sessions: a simulated instant never deletes documents.
  const documentsPurged = await purgeClosedHouseholdDocuments(db, { now: new Date() }).catch((error: unknown) => {
    console.error("document retention purge failed", error);
    return null;
  });
  const now = new Date();
  const mailsAttempted = await deliverPendingMail(db, { now });
  await purgeRateLimitBuckets(db, now.getTime());
  await purgeEndedSessions(db, now);
  await db.delete(spentCaptchas).where(lt(spentCaptchas.expiresAt, now));
  return { mailsAttempted, digests, reminders, onlinePayments, documentReminders, documentsPurged, nursery };
}
