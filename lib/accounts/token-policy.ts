import type { TokenPurpose } from "@/db/schema";

/** Activation links last 24 h (the guides' "valable 24 heures"), password-reset links 1 h. */
export const tokenLifetimeMs: Record<TokenPurpose, number> = {
  activation: 24 * 60 * 60 * 1000,
  password_reset: 60 * 60 * 1000,
};
