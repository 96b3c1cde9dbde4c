import type { Role } from "@/db/schema";

/**
 * Where a session stands with the second factor: not concerned, done for this session, waiting for a code
 * ("verify") or for the account to enrol ("enrol"), or a password-only session left waiting too long ("expired").
 */
export type SecondFactorState = "not_needed" | "done" | "verify" | "enrol" | "expired";

/** A session that passed the password but not the second factor must finish within this time, or log in again. */
export const PENDING_SECOND_FACTOR_SECONDS = 10 * 60;

type Account = { role: Role; communeRequiresAgents: boolean; factorConfirmed: boolean };

/** Admins always need the second factor; agents when their commune requires it or once they enrolled of their own accord; families never. */
export function needsSecondFactor(p: Account): boolean {
  return p.role === "admin" || (p.role === "agent" && (p.communeRequiresAgents || p.factorConfirmed));
}

/** Evaluated on every request, so a commune that starts requiring the factor also catches the live sessions. */
export function secondFactorState(
  p: Account & { sessionVerified: boolean; sessionCreatedAt: Date; now: Date },
): SecondFactorState {
  if (!needsSecondFactor(p)) return "not_needed";
  if (p.sessionVerified) return "done";
  if (p.now.getTime() - p.sessionCreatedAt.getTime() > PENDING_SECOND_FACTOR_SECONDS * 1000) return "expired";
  return p.factorConfirmed ? "verify" : "enrol";
}

/** A signed-in session: the pages and actions of the portal accept it. */
export function isSignedIn(state: SecondFactorState): boolean {
  return state === "not_needed" || state === "done";
}

/** Staff with no confirmed factor may enrol: at a login that requires it, or of their own accord. */
export function mayEnrol(role: Role, state: SecondFactorState): boolean {
  return role !== "family" && (state === "enrol" || state === "not_needed");
}
