import { z } from "zod";
import { normalizeRecoveryCode } from "./recovery-code-format";

// The second-factor forms' schemas, shared by the client (react-hook-form) and the server actions.

const CODE_FORMAT = "Saisissez le code à 6 chiffres affiché par votre application.";
const RECOVERY_CODE_FORMAT =
  "Un code de secours compte 16 caractères (lettres et chiffres), par exemple ABCD-EFGH-JK01-MNPQ.";

/** The page to go on to afterwards (checked again by the action). */
const retour = z.string().max(500).optional();

export const totpCodeSchema = z.object({
  code: z
    .string({ error: CODE_FORMAT })
    .transform((v) => v.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, CODE_FORMAT)),
  retour,
});

export const recoveryCodeSchema = z.object({
  recoveryCode: z
    .string({ error: RECOVERY_CODE_FORMAT })
    .refine((v) => normalizeRecoveryCode(v) !== null, RECOVERY_CODE_FORMAT),
  retour,
});
