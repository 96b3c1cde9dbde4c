import { z } from "zod";
import { checkBrandColor } from "./brand-color";

/** Empty: none (the portal's colour, the commune's name, no opening hours). */
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} : ${max} caractères au plus.`)
    .transform((value) => value || null);

/** "Identité de la commune": its colour (checked against WCAG AA), its mails' sender name and opening hours. */
export const communeLookSchema = z.object({
  brandColor: z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (!value) return null;
      const checked = checkBrandColor(value);
      if (checked.ok) return checked.color;
      ctx.addIssue({ code: "custom", message: checked.message });
      return z.NEVER;
    }),
  mailSenderName: optionalText(100, "Nom de l'expéditeur"),
  contactHours: optionalText(200, "Horaires d'ouverture"),
});

export type CommuneLook = z.output<typeof communeLookSchema>;
