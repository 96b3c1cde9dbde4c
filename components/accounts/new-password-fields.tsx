"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { TextField } from "@/components/ui/form-kit";
import { PASSWORD_RULE } from "@/lib/accounts/password-policy";

type Props = {
  register: (name: "password" | "passwordConfirmation") => UseFormRegisterReturn;
  errors: { password?: { message?: string }; passwordConfirmation?: { message?: string } };
  label?: string;
};

/** "Mot de passe" + "Confirmation du mot de passe", with the rule as hint (sign-up, reset, change). */
export function NewPasswordFields({ register, errors, label = "Mot de passe" }: Props) {
  return (
    <>
      <TextField
        label={label}
        type="password"
        autoComplete="new-password"
        required
        hint={PASSWORD_RULE}
        registration={register("password")}
        error={errors.password?.message}
      />
      <TextField
        label="Confirmation du mot de passe"
        type="password"
        autoComplete="new-password"
        required
        registration={register("passwordConfirmation")}
        error={errors.passwordConfirmation?.message}
      />
    </>
  );
}
