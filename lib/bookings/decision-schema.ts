import { z } from "zod";
import { MESSAGE_MAX_LENGTH, NO_REQUEST_SELECTED, REFUSAL_MESSAGE_REQUIRED } from "@/lib/agents/requests-schemas";

/** Most pending lines of one activity's day an agent can tick at once. */
export const MAX_BOOKINGS_PER_DECISION = 200;

/** Checkboxes give nothing, one value or several (FormData) — or false / an array (react-hook-form). */
const bookingIdList = z.preprocess(
  (value) => (Array.isArray(value) ? value : typeof value === "string" && value ? [value] : []),
  z
    .array(z.uuid("Demande introuvable."))
    .min(1, NO_REQUEST_SELECTED)
    .max(MAX_BOOKINGS_PER_DECISION, `Sélectionnez au plus ${MAX_BOOKINGS_PER_DECISION} demandes à la fois.`),
);

/** "Accepter" / "Refuser" the selected booking and absence requests of a day: a refusal needs a message. */
export const bookingDecisionSchema = z
  .object({
    bookingIds: bookingIdList,
    decision: z.enum(["accept", "refuse"], "Choisissez d'accepter ou de refuser."),
    message: z
      .string()
      .trim()
      .max(MESSAGE_MAX_LENGTH, `Le message ne doit pas dépasser ${MESSAGE_MAX_LENGTH} caractères.`)
      .optional()
      .default(""),
  })
  .refine((input) => input.decision === "accept" || input.message.length > 0, {
    path: ["message"],
    message: REFUSAL_MESSAGE_REQUIRED,
  });
