import "server-only";
import { lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { spentCaptchas } from "@/db/schema";
import { deliverPendingMail } from "@/lib/mail/send-mail";
import { purgeRateLimitBuckets } from "@/lib/rate-limit";

/** Idempotent housekeeping, safe to run concurrently: retries due mails and drops expired counters. */
export async function runMaintenance(db: Db, now = new Date()): Promise<{ mailsAttempted: number }> {
  const mailsAttempted = await deliverPendingMail(db, { now });
  await purgeRateLimitBuckets(db, now.getTime());
  await db.delete(spentCaptchas).where(lt(spentCaptchas.expiresAt, now));
  return { mailsAttempted };
}
