import { z } from "zod";
import type { PendingDay } from "@/lib/bookings/agent-views";
import { type IsoDay, isIsoDay } from "@/lib/planning/days";

/** The inbox's query string: an activity and a day; anything malformed is ignored (never an error page). */
export const bookingInboxSearchParams = z.object({
  activite: z.uuid().optional().catch(undefined),
  jour: z.string().refine(isIsoDay).optional().catch(undefined),
});

export type BookingInboxSearch = z.output<typeof bookingInboxSearchParams>;

/**
 * The activity and day to show: the ones asked for; else the activity's first day with pending requests (or
 * today); else the commune's first day with pending requests; else nothing.
 */
export function selectedDay(
  search: BookingInboxSearch,
  pendingDays: readonly PendingDay[],
  today: IsoDay,
): { activityId: string; day: IsoDay } | null {
  if (search.activite) {
    const day = search.jour ?? pendingDays.find((pending) => pending.activityId === search.activite)?.day ?? today;
    return { activityId: search.activite, day };
  }
  const first = pendingDays[0];
  return first ? { activityId: first.activityId, day: first.day } : null;
}
