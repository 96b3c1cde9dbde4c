import type { IsoDay } from "@/lib/planning/days";

/*
 * How long an accepted crèche place lasts: from the offered start to the eve of school entry, which in France is
 * the September of the calendar year the child turns 3.
 */

/** The last day of the school year (1 September – 31 August) a day falls in. */
export function schoolYearEnd(day: IsoDay): IsoDay {
  const year = Number(day.slice(0, 4)) + (Number(day.slice(5, 7)) >= 9 ? 1 : 0);
  return `${year}-08-31`;
}

/**
 * The 31 August of the year the child turns 3; a child taken later than that (crèches keep children until 4)
 * stays until the end of the school year of its start.
 */
export function nurseryEnrolmentEnd(birthOn: IsoDay, startOn: IsoDay): IsoDay {
  const schoolEntryEve = `${Number(birthOn.slice(0, 4)) + 3}-08-31`;
  return schoolEntryEve >= startOn ? schoolEntryEve : schoolYearEnd(startOn);
}
