import { z } from "zod";
import { captchaField } from "@/lib/captcha/field";
import { checkbox, civilityField, emailField, requiredText } from "@/lib/validation/fields";
import { newPasswordField, PASSWORD_MAX_LENGTH } from "./password-policy";

// The account forms' schemas, shared by the client (react-hook-form) and the server actions.

const PASSWORDS_DIFFER = "Les deux mots de passe ne correspondent pas.";

/** A new password typed twice. Field names: `password`, `passwordConfirmation`. */
const newPasswordPair = {
  password: newPasswordField(),
  passwordConfirmation: z.string({ error: "Confirmez le mot de passe." }).min(1, "Confirmez le mot de passe."),
};

/** Checked even when other fields are invalid, so every error shows at once. */
const confirmationMatches = <S extends z.ZodType<{ password: string; passwordConfirmation: string }>>(schema: S) =>
  schema.refine((v) => v.password === v.passwordConfirmation, {
    path: ["passwordConfirmation"],
    message: PASSWORDS_DIFFER,
    when: ({ value }) => {
      const { password, passwordConfirmation } = (value ?? {}) as Record<string, unknown>;
      return (
        typeof password === "string" && typeof passwordConfirmation === "string" && passwordConfirmation.length > 0
      );
    },
  });

/** An e-mailed token, carried in a hidden field. */
const tokenField = () => z.string({ error: "Lien invalide." }).min(1, "Lien invalide.").max(200, "Lien invalide.");

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => v || undefined);

export const signUpSchema = confirmationMatches(
  z.object({
    civility: civilityField(),
    lastName: requiredText("Le nom"),
    firstName: requiredText("Le prénom"),
    email: emailField(),
    ...newPasswordPair,
    subscriberCode: optionalText(40, "Ce code abonné est inconnu. Vérifiez-le ou laissez le champ vide."),
    acceptTerms: checkbox().refine(Boolean, "Vous devez accepter les conditions d'utilisation."),
    captcha: captchaField(),
  }),
);

export const loginSchema = z.object({
  email: emailField(),
  password: z
    .string({ error: "Le mot de passe est obligatoire." })
    .min(1, "Le mot de passe est obligatoire.")
    .max(PASSWORD_MAX_LENGTH, "Identifiant ou mot de passe incorrect."),
  /** Where to go after logging in (`?retour=`), checked by safeReturnPath. */
  retour: z.string().max(2000).optional(),
  /** Only once the server asked for it (an account after repeated failures); checked by authenticate(). */
  captcha: z.string().max(10_000).optional(),
});

/** "Mot de passe oublié" and "Recevoir un nouveau lien d'activation". */
export const emailWithCaptchaSchema = z.object({ email: emailField(), captcha: captchaField() });

export const activationSchema = z.object({ jeton: tokenField() });

export const resetPasswordSchema = confirmationMatches(z.object({ jeton: tokenField(), ...newPasswordPair }));

export const changePasswordSchema = confirmationMatches(
  z.object({
    currentPassword: z
      .string({ error: "Saisissez votre mot de passe actuel." })
      .min(1, "Saisissez votre mot de passe actuel.")
      .max(PASSWORD_MAX_LENGTH, "Le mot de passe actuel est incorrect."),
    ...newPasswordPair,
  }),
);
