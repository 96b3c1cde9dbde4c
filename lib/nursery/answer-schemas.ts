import { z } from "zod";
import { pastDate } from "@/lib/family-file/schemas";
import { requiredText } from "@/lib/validation/fields";

/* The family's answer to a proposed place: the same schemas validate the forms in the browser and on the server. */

export const offerAnswerSchema = z.object({
  householdId: z.uuid({ error: "Le dossier famille est introuvable." }),
  applicationId: z.uuid({ error: "Demande introuvable." }),
});

/** Accepting for a child that was to be born: its birth, to create it in the family file. */
export const acceptWithBirthSchema = offerAnswerSchema.extend({
  firstName: requiredText("Le prénom", 60),
  sex: z.enum(["F", "M"], { error: "Indiquez s'il s'agit d'une fille ou d'un garçon." }),
  birthDate: pastDate("La date de naissance"),
});

export type AcceptWithBirthInput = z.input<typeof acceptWithBirthSchema>;
