import type { DocumentState } from "@/db/schema";
import type { IsoDay } from "@/lib/planning/days";
import type { DocumentDisplayState } from "./labels";

/*
 * The rules of a document's life, pure (unit tests beside them): what a family and an agent see of it, the expiry
 * an agent is offered, when a reminder is due, when a closed household's documents may be deleted.
 */

const SKELETON = "#12 skeleton: implemented by the domain branch";

/**
 * The state a screen shows: no current document → "missing"; "validated" whose expiresOn is before `today`
 * → "expired" (a document is valid through its expiry day); otherwise its stored state ("replaced" is never current).
 */
export function documentDisplayState(
  _current: { state: DocumentState; expiresOn: IsoDay | string | null } | null,
  _today: IsoDay,
): DocumentDisplayState {
  throw new Error(SKELETON);
}

/** Whether the household still has to hand this in: missing, refused or expired (counted in "N pièces à fournir"). */
export function isToProvide(_state: DocumentDisplayState): boolean {
  throw new Error(SKELETON);
}

/** The expiry date an agent is offered when validating: today + the type's validity in months (end-of-month safe); null when the type does not expire. */
export function defaultExpiryDate(_today: IsoDay, _validityMonths: number | null): IsoDay | null {
  throw new Error(SKELETON);
}

/** A validated document expiring within a month (today ≤ expiresOn ≤ today + 1 month) gets its one reminder. */
export function isExpiryReminderDue(_expiresOn: IsoDay | string | null, _today: IsoDay): boolean {
  throw new Error(SKELETON);
}

/** A household closed on closedAt may have its documents deleted once `retentionMonths` have passed. */
export function isRetentionOver(_closedAt: Date, _retentionMonths: number, _now: Date): boolean {
  throw new Error(SKELETON);
}
