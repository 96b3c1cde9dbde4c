import type { Activity, BookingStatus } from "@/db/schema";
import type { IsoDay } from "@/lib/planning/days";

/**
 * The status of each day of a new booking request, from the places already taken on it: beyond capacity it joins
 * the waiting list; within it, it waits for the town, or is booked at once where the activity accepts
 * automatically (and then takes its place, counted in `taken` for the following days' decisions).
 */
export function newDayStatuses(
  activity: Pick<Activity, "capacity" | "autoAccept">,
  days: readonly IsoDay[],
  taken: Map<IsoDay, number>,
): Map<IsoDay, BookingStatus> {
  return new Map(
    days.map((day): [IsoDay, BookingStatus] => {
      const used = taken.get(day) ?? 0;
      if (activity.capacity !== null && used >= activity.capacity) return [day, "waiting"];
      if (!activity.autoAccept) return [day, "requested"];
      taken.set(day, used + 1);
      return [day, "booked"];
    }),
  );
}
