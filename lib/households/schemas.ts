import { z } from "zod";

/** The household an agent acts on; its commune is checked by the data access, never taken from here. */
export const householdTargetSchema = z.object({
  householdId: z.uuid("Dossier famille introuvable."),
});
