import type { ActionState } from "@/lib/actions/state";
import type { DayResult } from "@/lib/bookings/types";

/*
 * What the planning's actions hand back to their own form on top of ActionState: it travels inside the same
 * object, so the shared action wrapper and form kit (which read ok/message/fieldErrors) stay unchanged.
 */

/** Each date's verdict and the request made, if any (the period form). */
export interface PeriodOutcome {
  days: DayResult[];
  request: { id: string; reference: string } | null;
}

export interface ActionExtras {
  period?: PeriodOutcome;
  /** The calendar feed's address, returned once on creation and never stored. */
  feedUrl?: string;
}

export function withExtras(state: ActionState, extras: ActionExtras): ActionState {
  const result: ActionState & ActionExtras = { ...state!, ...extras };
  return result;
}

export function extrasOf(state: ActionState): ActionExtras {
  return (state as (ActionState & ActionExtras) | null) ?? {};
}
