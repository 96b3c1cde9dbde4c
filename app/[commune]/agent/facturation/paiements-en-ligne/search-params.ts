import { z } from "zod";
import type { OnlinePaymentState } from "@/db/schema/online-payments";
import { isIsoDay } from "@/lib/planning/days";
import { searchQuery } from "@/lib/validation/fields";

/** The list's "État" filter: every state, or one (an attempt being opened counts as "En cours" with the open ones). */
export const ONLINE_PAYMENT_STATE_FILTERS = {
  all: "Tous",
  open: "En cours",
  paid: "Payés",
  refused: "Refusés",
  cancelled: "Abandonnés",
  expired: "Expirés",
  failed: "Échecs",
} as const satisfies Record<"all" | Exclude<OnlinePaymentState, "opening">, string>;

const stateCodes = Object.keys(ONLINE_PAYMENT_STATE_FILTERS) as [
  keyof typeof ONLINE_PAYMENT_STATE_FILTERS,
  ...(keyof typeof ONLINE_PAYMENT_STATE_FILTERS)[],
];

const day = z.string().refine(isIsoDay).optional().catch(undefined);

/** The list's query string; anything malformed falls back to its default (never an error page). */
export const onlinePaymentSearchParams = z.object({
  etat: z.enum(stateCodes).catch("all"),
  signales: z
    .literal("1")
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  du: day,
  au: day,
  q: searchQuery(),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
