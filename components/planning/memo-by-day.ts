import type { IsoDay } from "@/lib/planning/days";

/** Days remembered by one memo before it starts afresh (a school year is ~365): bounds a long-lived server's memory. */
export const MEMO_MAX_DAYS = 2000;

/**
 * `words` of a day, computed once per day: a planning says the same few days on every slot, and date-fns parsing
 * and formatting is costly (on the server Next wraps Date). `words` must depend on the day alone.
 */
export function memoByDay(words: (day: IsoDay) => string): (day: IsoDay) => string {
  const known = new Map<IsoDay, string>();
  return (day) => {
    let said = known.get(day);
    if (said === undefined) {
      said = words(day);
      if (known.size >= MEMO_MAX_DAYS) known.clear();
      known.set(day, said);
    }
    return said;
  };
}
