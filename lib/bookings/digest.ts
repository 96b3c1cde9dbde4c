import "server-only";
import { and, asc, eq, gte, lt, max, ne, notExists, sql } from "drizzle-orm";
import { createElement } from "react";
import type { Db } from "@/db/client";
import {
  activities,
  bookingEvents,
  bookings,
  children,
  communes,
  digestDeliveries,
  digestRuns,
  requests,
} from "@/db/schema";
import BookingDecisionsDigest, {
  bookingDecisionsDigestSubject,
  type DigestLine,
  digestDecision,
} from "@/emails/booking-decisions-digest";
import type { MailCommune } from "@/emails/mail-layout";
import { currentTime } from "@/lib/clock";
import { mailCommune, mailCommuneColumns } from "@/lib/communes/mail-commune";
import { addressedTo, RECIPIENT_GREETING } from "@/lib/mail/recipient";
import { enqueueRenderedMails, renderMail } from "@/lib/mail/send-mail";
import { type DigestWindow, dueWindowEnds, windowEndingAt } from "@/lib/planning/digest-windows";
import { activityLabel } from "@/lib/planning/labels";
import { routes } from "@/lib/routes/paths";
import { recipientsByHousehold } from "@/lib/subscriptions/recipients";
import { absoluteUrl } from "@/lib/urls";

/*
 * The accusé de traitement digests: at 13:02 and 18:02 Paris, one mail per household listing the town's and
 * the portal's decisions on its days during the window that just ended. Safe to run anywhere, any number of
 * times, concurrently: a digest_deliveries row is claimed (INSERT … ON CONFLICT DO NOTHING) in the same
 * transaction that enqueues the household's mails, so only the run that inserted it sends.
 */

/** Windows caught up after an outage, at most (3 days); older decisions stay visible in Mes demandes. */
const MAX_CATCH_UP = 6;
/** Households per transaction: short transactions, bounded statement size. */
const BATCH_SIZE = 200;

interface HouseholdDigest {
  householdId: string;
  communeId: string;
  commune: MailCommune & { slug: string };
  lines: DigestLine[];
}

/**
 * Queues the digests of every due window not done yet (catching up missed ones); returns the windows run and mails
 * queued. With `latestWindowOnly`, runs just the window due at `now`, done or not: it then mails only the households
 * not mailed for it yet (a demo or test instance told to jump to a time, whose decisions keep coming after that).
 */
export async function runDecisionDigests(
  db: Db,
  now = currentTime(),
  options: { maxCatchUp?: number; latestWindowOnly?: boolean } = {},
): Promise<{ windows: number; mails: number }> {
  const [last] = options.latestWindowOnly
    ? []
    : await db.select({ windowEnd: max(digestRuns.windowEnd) }).from(digestRuns);
  const ends = dueWindowEnds(last?.windowEnd ?? null, now, options.maxCatchUp ?? MAX_CATCH_UP);
  let mails = 0;
  // Oldest first: a window that fails stops the run, and the next run starts again from it.
  for (const end of ends) mails += await runWindow(db, windowEndingAt(end));
  return { windows: ends.length, mails };
}

async function runWindow(db: Db, window: DigestWindow): Promise<number> {
  const digests = await readHouseholdDigests(db, window);
  const recipients = await recipientsByHousehold(
    db,
    digests.map((digest) => digest.householdId),
  );
  let mailCount = 0;
  for (let i = 0; i < digests.length; i += BATCH_SIZE) {
    const batch = digests.slice(i, i + BATCH_SIZE);
    // Rendering (the costly part) happens outside the transaction; a concurrent run may render in vain, never send twice.
    const rendered = await Promise.all(batch.map((digest) => renderDigest(digest, window)));
    mailCount += await db.transaction(async (tx) => {
      const claimed = await tx
        .insert(digestDeliveries)
        .values(batch.map((d) => ({ householdId: d.householdId, windowEnd: window.end })))
        .onConflictDoNothing()
        .returning({ householdId: digestDeliveries.householdId });
      const ours = new Set(claimed.map((c) => c.householdId));
      const mails = batch.flatMap((digest, index) =>
        ours.has(digest.householdId)
          ? (recipients.get(digest.householdId) ?? []).map((recipient) => ({
              householdId: digest.householdId,
              communeId: digest.communeId,
              ...addressedTo(rendered[index]!, recipient),
            }))
          : [],
      );
      const ids = await enqueueRenderedMails(tx, mails);
      await linkDeliveriesToMails(
        tx,
        window.end,
        mails.map((mail, i) => ({ id: ids[i]!, householdId: mail.householdId })),
      );
      return mails.length;
    });
  }
  await db.insert(digestRuns).values({ windowEnd: window.end, mailCount }).onConflictDoNothing();
  return mailCount;
}

const inWindow = (window: DigestWindow) =>
  and(
    ne(bookingEvents.side, "family"),
    gte(bookingEvents.createdAt, window.from),
    lt(bookingEvents.createdAt, window.until),
  );

/** Every decision of the window, across communes, of the households not yet mailed for it — one query. */
async function readHouseholdDigests(db: Db, window: DigestWindow): Promise<HouseholdDigest[]> {
  const rows = await db
    .select({
      householdId: bookingEvents.householdId,
      communeId: bookingEvents.communeId,
      commune: mailCommuneColumns,
      kind: bookingEvents.kind,
      message: bookingEvents.message,
      bookingStatus: bookings.status,
      day: bookings.date,
      activity: { code: activities.code, name: activities.name, startTime: activities.startTime },
      childFirstName: children.firstName,
      childLastName: children.lastName,
      requestType: requests.type,
    })
    .from(bookingEvents)
    .innerJoin(bookings, eq(bookings.id, bookingEvents.bookingId))
    .innerJoin(children, eq(children.id, bookings.childId))
    .innerJoin(activities, eq(activities.id, bookings.activityId))
    .innerJoin(communes, eq(communes.id, bookingEvents.communeId))
    .leftJoin(requests, eq(requests.id, bookingEvents.requestId))
    .where(
      and(
        inWindow(window),
        notExists(
          db
            .select({ one: sql`1` })
            .from(digestDeliveries)
            .where(
              and(
                eq(digestDeliveries.householdId, bookingEvents.householdId),
                eq(digestDeliveries.windowEnd, window.end),
              ),
            ),
        ),
      ),
    )
    .orderBy(
      asc(bookingEvents.householdId),
      asc(bookings.date),
      asc(activities.startTime),
      asc(children.firstName),
      asc(bookingEvents.createdAt),
    );

  const digests = new Map<string, HouseholdDigest>();
  for (const row of rows) {
    let digest = digests.get(row.householdId);
    if (!digest) {
      digest = { householdId: row.householdId, communeId: row.communeId, commune: mailCommune(row.commune), lines: [] };
      digests.set(row.householdId, digest);
    }
    digest.lines.push({
      day: row.day,
      startTime: row.activity.startTime,
      // Booked or declared absent: as its request says, else as the event does.
      kind:
        row.requestType === "booking.absence" || (!row.requestType && row.kind.startsWith("absence"))
          ? "absence"
          : "booking",
      childName: `${row.childFirstName} ${row.childLastName}`,
      activityLabel: activityLabel(row.activity),
      decision: digestDecision(row.kind, row.bookingStatus),
      message: row.message,
    });
  }
  return [...digests.values()];
}

/** One render per household (not per recipient): filled with each account's name (lib/mail/recipient.ts). */
async function renderDigest(digest: HouseholdDigest, window: DigestWindow) {
  const rendered = await renderMail(
    createElement(BookingDecisionsDigest, {
      commune: digest.commune,
      greetingName: RECIPIENT_GREETING,
      from: window.from,
      to: window.end,
      lines: digest.lines,
      myRequestsUrl: absoluteUrl(routes.citizen.requests(digest.commune.slug)),
    }),
  );
  return {
    subject: bookingDecisionsDigestSubject(digest.commune.name),
    template: "booking-decisions-digest",
    ...rendered,
  };
}

/** Records which mail carried each household's digest (its first recipient's). */
async function linkDeliveriesToMails(
  tx: Db,
  windowEnd: Date,
  mails: readonly { id: string; householdId: string }[],
): Promise<void> {
  const firstMail = new Map<string, string>();
  for (const mail of mails) if (!firstMail.has(mail.householdId)) firstMail.set(mail.householdId, mail.id);
  if (firstMail.size === 0) return;
  const pairs = sql.join(
    [...firstMail].map(([householdId, mailId]) => sql`(${householdId}::uuid, ${mailId}::uuid)`),
    sql`, `,
  );
  await tx.execute(sql`
    update ${digestDeliveries} set mail_id = v.mail_id
    from (values ${pairs}) as v(household_id, mail_id)
    where ${digestDeliveries.householdId} = v.household_id and ${digestDeliveries.windowEnd} = ${windowEnd.toISOString()}::timestamptz`);
}
