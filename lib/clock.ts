import { e2eMode } from "@/lib/e2e-mode";
import { type IsoDay, parisDay } from "@/lib/planning/days";

/*
 * The portal's clock: the time and the day in Paris for everything that goes by the calendar (today, booking
 * deadlines, school days, digest windows, the year of a reference, a birth date not in the future). It is the
 * machine's clock, but for an end-to-end server started on a fixed instant (server/e2e-mode.mjs), so that every
 * test runs whatever the real day. In the browser it is the browser's clock.
 * Security timers (sessions, tokens, second-factor codes, throttling, captchas) and the mail queue do not use it:
 * they follow the machine's real time, which a fixed clock must never bend.
 */

export function currentTime(): Date {
  return new Date(Date.now() + (e2eMode()?.clockOffsetMs ?? 0));
}

/** Today in Paris, "yyyy-MM-dd". */
export function todayInParis(): IsoDay {
  return parisDay(currentTime());
}
