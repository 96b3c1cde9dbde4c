import { z } from "zod";

/** Validation of the agents' request forms, shared by the browser (react-hook-form) and the server actions. */

export const MESSAGE_MAX_LENGTH = 2000;
export const MAX_REQUESTS_PER_DECISION = 100;
export const REFUSAL_MESSAGE_REQUIRED = "Saisissez le message expliquant le refus à la famille.";
export const NO_REQUEST_SELECTED = "Sélectionnez au moins une demande.";

/** Checkboxes give nothing, one value or several (FormData) — or false / an array (react-hook-form). */
const requestIdList = z.preprocess(
  (value) => (Array.isArray(value) ? value : typeof value === "string" && value ? [value] : []),
  z
    .array(z.uuid("Demande introuvable."))
    .min(1, NO_REQUEST_SELECTED)
    .max(MAX_REQUESTS_PER_DECISION, `Sélectionnez au plus ${MAX_REQUESTS_PER_DECISION} demandes à la fois.`),
);

const familyMessage = z
  .string()
  .trim()
  .max(MESSAGE_MAX_LENGTH, `Le message ne doit pas dépasser ${MESSAGE_MAX_LENGTH} caractères.`);

/** "Accepter" / "Refuser" one request (its page) or a selection (the inbox): a refusal needs a message. */
export const decideRequestsSchema = z
  .object({
    requestIds: requestIdList,
    decision: z.enum(["accepted", "refused"], "Choisissez d'accepter ou de refuser."),
    message: familyMessage.optional().default(""),
  })
  .refine((input) => input.decision === "accepted" || input.message.length > 0, {
    path: ["message"],
    message: REFUSAL_MESSAGE_REQUIRED,
  });

export type DecideRequestsInput = z.output<typeof decideRequestsSchema>;

/** "Envoyer un message" on a request, without deciding it. */
export const townMessageSchema = z.object({
  requestId: z.uuid("Demande introuvable."),
  message: familyMessage.min(1, "Saisissez le message à envoyer à la famille."),
});
