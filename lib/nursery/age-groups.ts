import type { NurseryAgeGroup } from "@/db/schema/nursery";
import type { IsoDay } from "@/lib/planning/days";

/*
 * A crèche's sections by the child's age in whole months at the start date: bébés under 12 months, moyens
 * under 24, grands until the 4th birthday (crèches take children up to school age; older is refused).
 */

export const AGE_GROUP_LABELS = {
  bebes: "Bébés (moins de 12 mois)",
  moyens: "Moyens (12 à 23 mois)",
  grands: "Grands (24 mois et plus)",
} as const satisfies Record<NurseryAgeGroup, string>;

export const AGE_GROUPS = Object.keys(AGE_GROUP_LABELS) as NurseryAgeGroup[];

/** The oldest a child may be at the start date, in months (excluded). */
export const MAX_AGE_MONTHS = 48;

const parts = (day: IsoDay) => day.split("-").map(Number) as [number, number, number];

/**
 * Whole months from birth to `on` (not before the birth): a month is complete on the same day-of-month, or on the
 * last day of a shorter month (born 31 January → one month on 28 February).
 */
export function ageInMonths(birth: IsoDay, on: IsoDay): number {
  const [by, bm, bd] = parts(birth);
  const [oy, om, od] = parts(on);
  const months = (oy - by) * 12 + (om - bm);
  const lastDayOfMonth = new Date(Date.UTC(oy, om, 0)).getUTCDate();
  return od >= bd || od === lastDayOfMonth ? months : months - 1;
}

/** The section at `on`; null before the birth (expected dates included) or from the 4th birthday. */
export function ageGroupAt(birth: IsoDay, on: IsoDay): NurseryAgeGroup | null {
  if (on < birth) return null;
  const months = ageInMonths(birth, on);
  if (months < 12) return "bebes";
  if (months < 24) return "moyens";
  if (months < MAX_AGE_MONTHS) return "grands";
  return null;
}
