import { z } from "zod";

/** The guides' rule, shown as the hint under "Mot de passe" and used as the error message. */
export const PASSWORD_RULE =
  "Le mot de passe doit contenir au moins 8 caractères, dont au moins 1 chiffre, 1 minuscule et 1 majuscule";

export const PASSWORD_MIN_LENGTH = 8;
// argon2 would hash anything, but a bound keeps a megabyte "password" from costing server time.
export const PASSWORD_MAX_LENGTH = 128;

/** Letters of any alphabet count ("é" is a lower-case letter), hence the Unicode classes. */
export function meetsPasswordRule(password: string): boolean {
  return (
    password.length >= PASSWORD_MIN_LENGTH &&
    /\d/.test(password) &&
    /\p{Ll}/u.test(password) &&
    /\p{Lu}/u.test(password)
  );
}

/** A new password (sign-up, reset, change): usable on the client and on the server. */
export const newPasswordField = () =>
  z
    .string({ error: "Le mot de passe est obligatoire." })
    .min(1, "Le mot de passe est obligatoire.")
    .max(PASSWORD_MAX_LENGTH, `Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`)
    .refine((password) => password.length === 0 || meetsPasswordRule(password), `${PASSWORD_RULE}.`);
