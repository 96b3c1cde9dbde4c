import "server-only";
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  activities,
  type BookingEventKind,
  type BookingStatus,
  bookingEvents,
  bookings,
  children,
  requests,
} from "@/db/schema";
import { type IsoDay, isIsoDay } from "@/lib/planning/days";
import { activityLabel, BOOKING_EVENT_LABELS } from "@/lib/planning/labels";
import { SLOT_STATE_LABELS, slotState } from "@/lib/planning/slot-state";
import { BOOKING_REQUEST_TYPES } from "@/lib/requests/types";

/*
 * "Détail de ma demande" of a booking or absence request: its period, structure, activity and every day it
 * asked for with that day's state — the refused ones included, with their reason (nothing disappears).
 */

export interface BookingRequestDay {
  day: IsoDay;
  label: string;
  /** Why it was refused, or the town's message on that day. */
  reason: string | null;
  /** The reference of a later request that changed this day since (an absence after a booking…). */
  laterReference: string | null;
}

export interface BookingRequestDetail {
  childName: string | null;
  activityLabel: string | null;
  facility: string | null;
  from: IsoDay | null;
  to: IsoDay | null;
  days: BookingRequestDay[];
}

/** The payload the booking flow writes; read defensively, a missing part shows as empty rather than failing. */
const payloadSchema = z.object({
  childId: z.string().catch(""),
  activityId: z.string().catch(""),
  from: z.string().nullable().catch(null),
  to: z.string().nullable().catch(null),
  days: z.array(z.string().refine(isIsoDay)).catch([]),
  refused: z.array(z.object({ day: z.string(), reason: z.string().nullable().catch(null) })).catch([]),
});

const isUuid = (value: string) => z.uuid().safeParse(value).success;

function statusLabel(status: BookingStatus): string {
  return status === "cancelled" ? "Annulé" : SLOT_STATE_LABELS[slotState(status)];
}

async function loadDetail(db: Db, where: SQL): Promise<BookingRequestDetail | null> {
  const [row] = await db
    .select({
      id: requests.id,
      communeId: requests.communeId,
      householdId: requests.householdId,
      payload: requests.payload,
      childFirstName: children.firstName,
      childLastName: children.lastName,
      activityCode: activities.code,
      activityName: activities.name,
      facility: activities.facility,
    })
    .from(requests)
    .leftJoin(
      children,
      and(
        sql`${children.id}::text = ${requests.payload}->>'childId'`,
        eq(children.communeId, requests.communeId),
        eq(children.householdId, requests.householdId),
      ),
    )
    .leftJoin(
      activities,
      and(
        sql`${activities.id}::text = ${requests.payload}->>'activityId'`,
        eq(activities.communeId, requests.communeId),
      ),
    )
    .where(and(where, inArray(requests.type, [...BOOKING_REQUEST_TYPES])));
  if (!row?.householdId) return null;
  const payload = payloadSchema.parse(row.payload ?? {});
  const scope = and(eq(bookings.communeId, row.communeId), eq(bookings.householdId, row.householdId));

  // The slots this request asked for, with the request that last acted on each; and this request's own events
  // on them (its per-day decisions and messages), oldest first.
  const [slots, events] = await Promise.all([
    payload.days.length && isUuid(payload.childId) && isUuid(payload.activityId)
      ? db
          .select({
            id: bookings.id,
            day: bookings.date,
            status: bookings.status,
            requestId: bookings.requestId,
            lastReference: requests.reference,
          })
          .from(bookings)
          .leftJoin(requests, and(eq(requests.id, bookings.requestId), eq(requests.communeId, bookings.communeId)))
          .where(
            and(
              scope,
              eq(bookings.childId, payload.childId),
              eq(bookings.activityId, payload.activityId),
              inArray(bookings.date, payload.days),
            ),
          )
      : [],
    db
      .select({ bookingId: bookingEvents.bookingId, kind: bookingEvents.kind, message: bookingEvents.message })
      .from(bookingEvents)
      .where(
        and(
          eq(bookingEvents.communeId, row.communeId),
          eq(bookingEvents.householdId, row.householdId),
          eq(bookingEvents.requestId, row.id),
        ),
      )
      // Events of one transaction share a timestamp: the enum's order (requested, …, decisions) breaks the tie.
      .orderBy(asc(bookingEvents.createdAt), asc(bookingEvents.kind)),
  ]);
  const lastEvent = new Map<string, { kind: BookingEventKind; message: string | null }>();
  for (const e of events) lastEvent.set(e.bookingId, e);

  const days = new Map<IsoDay, BookingRequestDay>();
  for (const { day, reason } of payload.refused) days.set(day, { day, label: "Refusé", reason, laterReference: null });
  for (const slot of slots) {
    // A day refused at submission may be another request's slot (that is why it was refused): not this one's.
    if (days.has(slot.day)) continue;
    const event = lastEvent.get(slot.id);
    const stillOurs = slot.requestId === row.id;
    days.set(slot.day, {
      day: slot.day,
      // While this request is the slot's last, its status says it all; after a later request, what this one decided.
      label: stillOurs || !event ? statusLabel(slot.status) : BOOKING_EVENT_LABELS[event.kind],
      reason: event?.message ?? null,
      laterReference: stillOurs ? null : slot.lastReference,
    });
  }
  // A slot removed since (its child or activity deleted) still shows as a line.
  for (const day of payload.days)
    if (!days.has(day)) days.set(day, { day, label: "Créneau supprimé", reason: null, laterReference: null });

  return {
    childName: row.childFirstName ? `${row.childFirstName} ${row.childLastName}` : null,
    activityLabel:
      row.activityName === null ? null : activityLabel({ code: row.activityCode ?? "", name: row.activityName }),
    facility: row.facility,
    from: payload.from,
    to: payload.to,
    days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
  };
}

/** For the family: a booking request of its household; null for any other request, household or commune. */
export function getHouseholdBookingRequestDays(
  db: Db,
  p: { communeId: string; householdId: string; requestId: string },
) {
  return loadDetail(
    db,
    and(eq(requests.id, p.requestId), eq(requests.communeId, p.communeId), eq(requests.householdId, p.householdId))!,
  );
}

/** For the commune's agents: a booking request of the commune; null for another commune's. */
export function getCommuneBookingRequestDays(db: Db, p: { communeId: string; requestId: string }) {
  return loadDetail(db, and(eq(requests.id, p.requestId), eq(requests.communeId, p.communeId))!);
}
