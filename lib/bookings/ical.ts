import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { createEvents, type EventAttributes, type EventStatus } from "ics";
import type { Db } from "@/db/client";
import {
  activities,
  type BookingStatus,
  bookings,
  calendarFeeds,
  children,
  communes,
  households,
  requests,
} from "@/db/schema";
import { hashToken } from "@/lib/accounts/token-hash";
import { recordAudit } from "@/lib/audit/record";
import { currentTime } from "@/lib/clock";
import { type IsoDay, parisDay, parisInstant } from "@/lib/planning/days";
import { activityLabel } from "@/lib/planning/labels";
import { SLOT_STATE_LABELS } from "@/lib/planning/slot-state";

/*
 * A household's private iCalendar feed: a calendar app subscribes to a secret URL and sees the children's days.
 * The token is the only credential, so only its SHA-256 is kept; a new link replaces the old one, revoking
 * deletes it. The feed is read-only and shows nothing but that household's own days.
 */

type Scope = { communeId: string; householdId: string };

/** 32 random bytes in base64url: 43 characters. Anything else is not worth a database lookup. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Days a calendar shows: held, asked for, waiting or absent. Refused and cancelled days are not events. */
const FEED_STATUSES = [
  "booked",
  "requested",
  "waiting",
  "absence_requested",
  "absent",
  "absent_billed",
] as const satisfies readonly BookingStatus[];
type FeedStatus = (typeof FEED_STATUSES)[number];

const EVENT_STATUS: Record<FeedStatus, EventStatus> = {
  booked: "CONFIRMED",
  requested: "TENTATIVE",
  waiting: "TENTATIVE",
  absence_requested: "TENTATIVE",
  absent: "CANCELLED",
  absent_billed: "CANCELLED",
};

const PRODUCT_ID = "-//Portail Famille//Planning des activites//FR";

/**
 * Creates the household's feed, or replaces its token (the old link stops working at once). Returns the new
 * token, to show once; null when the household is not of this commune.
 */
export async function createCalendarFeed(db: Db, p: Scope & { actorUserId: string }): Promise<string | null> {
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashToken(token);
  return db.transaction(async (tx) => {
    const [household] = await tx
      .select({ id: households.id })
      .from(households)
      .where(and(eq(households.id, p.householdId), eq(households.communeId, p.communeId)));
    if (!household) return null;
    await tx
      .insert(calendarFeeds)
      .values({ householdId: household.id, communeId: p.communeId, tokenHash, createdByUserId: p.actorUserId })
      .onConflictDoUpdate({
        target: calendarFeeds.householdId,
        set: { tokenHash, createdByUserId: p.actorUserId, createdAt: sql`now()` },
        where: eq(calendarFeeds.communeId, p.communeId),
      });
    await recordAudit(tx, {
      communeId: p.communeId,
      actorUserId: p.actorUserId,
      action: "calendar_feed.created",
      targetType: "household",
      targetId: household.id,
      details: { householdId: household.id },
    });
    return token;
  });
}

/** Deletes the household's feed; true when there was one. */
export async function revokeCalendarFeed(db: Db, p: Scope & { actorUserId: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .delete(calendarFeeds)
      .where(and(eq(calendarFeeds.householdId, p.householdId), eq(calendarFeeds.communeId, p.communeId)))
      .returning({ householdId: calendarFeeds.householdId });
    if (rows.length === 0) return false;
    await recordAudit(tx, {
      communeId: p.communeId,
      actorUserId: p.actorUserId,
      action: "calendar_feed.revoked",
      targetType: "household",
      targetId: p.householdId,
      details: { householdId: p.householdId },
    });
    return true;
  });
}

/** Whether the household has a live link, and since when (the link itself cannot be shown again). */
export async function findCalendarFeed(db: Db, p: Scope): Promise<{ createdAt: Date } | null> {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.householdId, p.householdId), eq(calendarFeeds.communeId, p.communeId)));
  return row ?? null;
}

function shiftMonths(day: IsoDay, months: number): IsoDay {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * The iCalendar text of the feed this token opens, covering one month back to six months ahead; null for an
 * unknown or revoked token (the route answers 404).
 */
export async function buildCalendarFeed(db: Db, p: { token: string; now?: Date }): Promise<string | null> {
  if (!TOKEN_SHAPE.test(p.token)) return null;
  const [feed] = await db
    .select({
      communeId: calendarFeeds.communeId,
      householdId: calendarFeeds.householdId,
      householdName: households.name,
      communeName: communes.name,
    })
    .from(calendarFeeds)
    .innerJoin(
      households,
      and(eq(households.id, calendarFeeds.householdId), eq(households.communeId, calendarFeeds.communeId)),
    )
    .innerJoin(communes, eq(communes.id, calendarFeeds.communeId))
    .where(eq(calendarFeeds.tokenHash, hashToken(p.token)));
  if (!feed) return null;

  const today = parisDay(p.now ?? currentTime());
  const days = await db
    .select({
      id: bookings.id,
      day: bookings.date,
      status: bookings.status,
      updatedAt: bookings.updatedAt,
      reference: requests.reference,
      childFirstName: children.firstName,
      activityCode: activities.code,
      activityName: activities.name,
      facility: activities.facility,
      startTime: activities.startTime,
      endTime: activities.endTime,
    })
    .from(bookings)
    .innerJoin(
      children,
      and(
        eq(children.id, bookings.childId),
        eq(children.communeId, feed.communeId),
        eq(children.householdId, feed.householdId),
      ),
    )
    .innerJoin(activities, and(eq(activities.id, bookings.activityId), eq(activities.communeId, feed.communeId)))
    .leftJoin(requests, and(eq(requests.id, bookings.requestId), eq(requests.communeId, feed.communeId)))
    .where(
      and(
        eq(bookings.communeId, feed.communeId),
        eq(bookings.householdId, feed.householdId),
        inArray(bookings.status, [...FEED_STATUSES]),
        gte(bookings.date, shiftMonths(today, -1)),
        lte(bookings.date, shiftMonths(today, 6)),
      ),
    )
    .orderBy(asc(bookings.date), asc(activities.startTime), asc(children.firstName));

  const events = days.map((d): EventAttributes => {
    const status = d.status as FeedStatus;
    const state = SLOT_STATE_LABELS[status];
    const title = `${d.childFirstName} — ${activityLabel({ code: d.activityCode, name: d.activityName })}`;
    return {
      // Stable per slot: a status change updates the same event in the subscriber's calendar.
      uid: `${d.id}@portail-famille`,
      // A calendar app rarely shows STATUS: anything but a held place says what it is in the title.
      title: status === "booked" ? title : `${title} (${state})`,
      description: d.reference ? `${state} – demande ${d.reference}` : state,
      location: d.facility,
      status: EVENT_STATUS[status],
      start: parisInstant(d.day, d.startTime).getTime(),
      startInputType: "utc",
      startOutputType: "utc",
      end: parisInstant(d.day, d.endTime).getTime(),
      endInputType: "utc",
      endOutputType: "utc",
      lastModified: d.updatedAt.getTime(),
    };
  });
  const { error, value } = createEvents(events, {
    productId: PRODUCT_ID,
    method: "PUBLISH",
    calName: `Planning – Famille ${feed.householdName} (${feed.communeName})`,
  });
  if (error || value === null) throw error ?? new Error("iCalendar feed could not be built");
  return value;
}
