import { z } from "zod";
import { todayInParis } from "@/lib/clock";
import { dayField } from "@/lib/validation/fields";

/* The forms of the planning, shared by the browser (react-hook-form) and the server action. */

const isoDay = (missing: string) => dayField({ missing, invalid: "Date invalide (jj/mm/aaaa)." });

/** A checkbox group: FormData gives nothing, one string or several. */
const weekdayList = z.preprocess(
  (v) => (v === undefined || v === "" || v === false ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number().int().min(1).max(7)).min(1, "Cochez au moins un jour de la semaine.").max(7),
);

export const slotRequestSchema = z
  .object({
    kind: z.enum(["booking", "absence"], { error: "Type de demande inconnu." }),
    childId: z.uuid({ error: "Sélectionnez un enfant." }),
    activityId: z.uuid({ error: "Sélectionnez une activité." }),
    from: isoDay("Saisissez la date de début."),
    to: isoDay("Saisissez la date de fin."),
    weekdays: weekdayList,
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.from > value.to) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: "La date de fin doit être postérieure ou égale à la date de début.",
      });
    }
    if (value.from && value.from < todayInParis()) {
      ctx.addIssue({ code: "custom", path: ["from"], message: "La date de début ne peut pas être dans le passé." });
    }
  });

export type SlotRequestForm = z.input<typeof slotRequestSchema>;
export type SlotRequestValues = z.output<typeof slotRequestSchema>;

/** Cancelling one pending day from the planning. */
export const cancelSlotSchema = z.object({ bookingId: z.uuid({ error: "Créneau introuvable." }) });
