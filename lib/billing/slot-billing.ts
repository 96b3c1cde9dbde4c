import type { BookingStatus } from "@/db/schema/planning";

/*
 * What a child's day at an activity costs, by the state of its slot (the planning's legend): a day that holds a
 * place is billed, an absence declared within the deadline is not, a late absence is ("absence facturée"), and
 * nothing is billed on a closure day. One pure rule, used by the monthly run and its régularisations.
 */

export type BilledKind = "slot" | "late_absence";

/** Why a day is not billed: only the first two are worth a word on the invoice. */
export type UnbilledReason = "absence_in_time" | "absence_justified" | "closure" | "not_booked";

export type SlotBilling = { billed: true; kind: BilledKind } | { billed: false; reason: UnbilledReason };

/** Statuses of a day the child had a place on (billed unless closed, or absent in time). */
const HELD: readonly BookingStatus[] = ["booked", "absence_requested", "absent_billed", "absent"];

/** The statuses of an absence: a medical certificate makes any of them a justified absence. */
const ABSENCES: readonly BookingStatus[] = ["absence_requested", "absent_billed", "absent"];

/**
 * The billing of one slot. `closed`: the commune or the activity is closed that day.
 * - booked → billed; absence_requested → billed (the place is held until the town accepts the absence, which
 *   later gives a régularisation);
 * - absent_billed → billed as a late absence;
 * - absent → not billed (absence prévenue dans les délais);
 * - requested, waiting, refused, cancelled → not billed (never booked);
 * - any of them on a closure day → not billed;
 * - an absence (asked, accepted or late) `justified` by a medical certificate → never billed.
 */
export function slotBilling(status: BookingStatus, closed: boolean, justified = false): SlotBilling {
  if (!HELD.includes(status)) return { billed: false, reason: "not_booked" };
  if (closed) return { billed: false, reason: "closure" };
  if (justified && ABSENCES.includes(status)) return { billed: false, reason: "absence_justified" };
  switch (status) {
    case "absent":
      return { billed: false, reason: "absence_in_time" };
    case "absent_billed":
      return { billed: true, kind: "late_absence" };
    default:
      return { billed: true, kind: "slot" };
  }
}

/** The statuses that may be billed: the only ones a run needs to read. */
export const BILLABLE_STATUSES = ["booked", "absence_requested", "absent_billed"] as const satisfies BookingStatus[];

/** The statuses a run reads: the billable ones, and those an invoice's note explains. */
export const INVOICED_STATUSES = [...HELD];
