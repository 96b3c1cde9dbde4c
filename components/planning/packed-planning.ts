import type { PlanningData, PlanningSlot } from "@/lib/bookings/types";
import type { IsoDay } from "@/lib/planning/days";
import { SLOT_STATES, type SlotAction } from "@/lib/planning/slot-state";

/*
 * The planning as the page hands it to the calendar (a client component): every slot's data is embedded in the
 * page, so each slot is sent as a short row instead of an object repeating its child's and activity's ids, its
 * key, hours and sentences (a month of three children was 89 KB of the page's 110 KB). Pure, both sides.
 */

/**
 * A slot: child and activity by their rank in the lists, day, state by its rank in SLOT_STATES, action, the ranks
 * of its blocked reason and warning in `texts` (-1: none), booking id, request reference, justified (1) or not (0).
 */
type PackedSlot = [
  child: number,
  activity: number,
  day: IsoDay,
  state: number,
  action: SlotAction,
  blockedReason: number,
  warning: number,
  bookingId: string | null,
  requestReference: string | null,
  justified: 0 | 1,
];

export type PackedPlanning = Omit<PlanningData, "slots"> & {
  /** The distinct sentences of the slots (a reason is the same for many days). */
  texts: string[];
  slots: PackedSlot[];
};

/** The planning in rows; slots of a child or activity not in the lists are left out (nothing draws them). */
export function packPlanning({ slots, ...rest }: PlanningData): PackedPlanning {
  const children = new Map(rest.children.map((c, rank) => [c.id, rank]));
  const activities = new Map(rest.activities.map((a, rank) => [a.id, rank]));
  const texts = new Map<string, number>();
  const text = (value: string | null) => {
    if (value === null) return -1;
    const rank = texts.get(value) ?? texts.size;
    texts.set(value, rank);
    return rank;
  };
  const packed: PackedSlot[] = [];
  for (const slot of slots) {
    const child = children.get(slot.childId);
    const activity = activities.get(slot.activityId);
    if (child === undefined || activity === undefined) continue;
    packed.push([
      child,
      activity,
      slot.day,
      SLOT_STATES.indexOf(slot.state),
      slot.action,
      text(slot.blockedReason),
      text(slot.warning),
      slot.bookingId,
      slot.requestReference,
      slot.justified ? 1 : 0,
    ]);
  }
  return { ...rest, texts: [...texts.keys()], slots: packed };
}

/** The planning as loadPlanning gave it (for the slots it kept). */
export function unpackPlanning({ texts, slots, ...rest }: PackedPlanning): PlanningData {
  return {
    ...rest,
    slots: slots.map(
      ([child, activity, day, state, action, blockedReason, warning, bookingId, requestReference, justified]) => {
        const { id: childId } = rest.children[child]!;
        const { id: activityId, startTime, endTime } = rest.activities[activity]!;
        return {
          key: `${childId}:${activityId}:${day}`,
          bookingId,
          childId,
          activityId,
          day,
          startTime,
          endTime,
          state: SLOT_STATES[state]!,
          action,
          blockedReason: texts[blockedReason] ?? null,
          warning: texts[warning] ?? null,
          requestReference,
          justified: justified === 1,
        } satisfies PlanningSlot;
      },
    ),
  };
}
