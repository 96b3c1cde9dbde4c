import type { BookingEventKind } from "@/db/schema/planning";
import type { DayNote } from "@/lib/planning/day-notes";
import type { IsoDay } from "@/lib/planning/days";
import type { SlotRequestKind } from "@/lib/planning/period";
import type { SlotAction, SlotState } from "@/lib/planning/slot-state";

/* What the bookings module hands to pages and client components (plain, serialisable data). */

export interface PlanningChild {
  id: string;
  firstName: string;
  lastName: string;
  /** One colour per child on the planning. */
  color: string;
}

export interface PlanningActivity {
  id: string;
  /** "1/Péri MATIN" */
  label: string;
  facility: string;
  color: string;
  startTime: string;
  endTime: string;
}

/** One child's day at one activity, as the planning shows it. */
export interface PlanningSlot {
  /** `${childId}:${activityId}:${day}` */
  key: string;
  /** Null while the day has never been requested ("inscrit, non réservé"). */
  bookingId: string | null;
  childId: string;
  activityId: string;
  day: IsoDay;
  startTime: string;
  endTime: string;
  state: SlotState;
  /** What a click on this state offers (null when nothing, e.g. on the waiting list). */
  action: SlotAction;
  /** Why that action is not possible now (past day, deadline past…), shown in the confirmation. */
  blockedReason: string | null;
  /** What the family must know before confirming, e.g. that a late absence will be billed. */
  warning: string | null;
  /** The reference of the pending or last request on this slot, e.g. "D2026-000124". */
  requestReference: string | null;
  /**
   * An absence with a medical certificate being checked or validated ("Absence justifiée"); a refused one no
   * longer justifies it. Billing waits for the validation (lib/billing/run/load.ts).
   */
  justified: boolean;
}

export interface PlanningData {
  from: IsoDay;
  to: IsoDay;
  children: PlanningChild[];
  activities: PlanningActivity[];
  slots: PlanningSlot[];
  /** Public and school holidays and the town's closures over the range. */
  dayNotes: DayNote[];
}

/** The period form's choices: each child, its active enrolments, their period and the activity's days and hours. */
export interface EnrolmentChoice {
  childId: string;
  childName: string;
  activityId: string;
  activityLabel: string;
  facility: string;
  startsOn: IsoDay;
  endsOn: IsoDay;
  weekdays: number[];
  startTime: string;
  endTime: string;
}

/** The outcome of one day of a request, as the result screen lists it date by date. */
export type DayOutcome =
  | "requested"
  | "booked"
  | "waiting"
  | "absence_requested"
  | "absent"
  | "absent_billed"
  | "refused";

export interface DayResult {
  day: IsoDay;
  outcome: DayOutcome;
  /** Why it was refused, or a note (e.g. "Absence hors délai : elle sera facturée."). */
  reason: string | null;
}

export interface SlotRequestInput {
  kind: SlotRequestKind;
  childId: string;
  activityId: string;
  from: IsoDay;
  to: IsoDay;
  /** ISO weekdays (1 = lundi). */
  weekdays: number[];
}

export interface SlotHistoryEntry {
  kind: BookingEventKind;
  label: string;
  side: "family" | "town" | "system";
  actorName: string | null;
  message: string | null;
  requestReference: string | null;
  at: Date;
}

/** What the period form gets back: each date's verdict and the request made, if any. */
export interface PeriodOutcome {
  days: DayResult[];
  request: { id: string; reference: string } | null;
}

/** The calendar feed's address, handed to the family once when the link is made. */
export interface FeedLink {
  feedUrl: string;
}
