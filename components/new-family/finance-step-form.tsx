"use client";

import { DocumentUploadField } from "@/components/documents/document-upload-field";
import { FormMessage, RadioGroupField, SubmitButton, TextField, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { RIB_FIELD } from "@/lib/documents/family-messages";
import { type FinanceStep, financeStepSchema } from "@/lib/new-family/schemas";
import { formatIban } from "@/lib/validation/iban";
import { useGoOnWhenSaved } from "./use-next-step";

type Props = {
  action: FormAction;
  saved: FinanceStep | undefined;
  guardians: { rank: 1 | 2; name: string }[];
  nextHref: string;
  /**
   * The RIB a direct debit comes with, when the commune asks for one (null: no RIB field): whether it is required,
   * and the name of the one this account already handed in (then the field only replaces it).
   */
  rib: { required: boolean; storedFileName: string | null } | null;
};

/** Step 2 "Mes informations financières". */
export function FinanceStepForm({ action, saved, guardians, nextHref, rib }: Props) {
  const { form, state, pending, onSubmit } = useActionForm(financeStepSchema, action, {
    payer: saved ? (String(saved.payer) as "1" | "2") : "1",
    benefitScheme: saved ? (saved.benefitScheme ?? "none") : undefined,
    allocataire: saved?.allocataire ? (String(saved.allocataire) as "1" | "2") : "1",
    allocataireNumber: saved?.allocataireNumber ?? "",
    directDebit: saved ? (saved.directDebit ? "yes" : "no") : undefined,
    iban: saved?.iban ? formatIban(saved.iban) : "",
    bic: saved?.bic ?? "",
    holderName: saved?.holderName ?? "",
  });
  const { errors } = form.formState;
  // The RIB's field is no field of the schema: its server error comes back under its name all the same.
  const ribError = (errors as Record<string, { message?: string } | undefined>)[RIB_FIELD]?.message;
  const scheme = form.watch("benefitScheme");
  const debit = form.watch("directDebit");
  useGoOnWhenSaved(state, nextHref);
  const guardianOptions = guardians.map((g) => ({ value: String(g.rank), label: `Responsable ${g.rank} : ${g.name}` }));

  return (
    <form className="form" aria-label="Mes informations financières" onSubmit={onSubmit} noValidate>
      <p className="form-required-note">Les champs marqués d&apos;un * sont obligatoires.</p>
      <FormMessage state={state} />
      <RadioGroupField
        legend="Responsable payeur (facture à son nom)"
        required
        options={guardianOptions}
        registration={form.register("payer")}
        error={errors.payer?.message}
      />
      <RadioGroupField
        legend="Êtes-vous allocataire CAF ou MSA ?"
        required
        options={[
          { value: "none", label: "Non" },
          { value: "CAF", label: "CAF" },
          { value: "MSA", label: "MSA" },
        ]}
        registration={form.register("benefitScheme")}
        error={errors.benefitScheme?.message}
      />
      {scheme === "CAF" || scheme === "MSA" ? (
        <>
          <RadioGroupField
            legend="Responsable allocataire"
            required
            options={guardianOptions}
            registration={form.register("allocataire")}
            error={errors.allocataire?.message}
          />
          <TextField
            label="Numéro d'allocataire"
            required
            autoComplete="off"
            registration={form.register("allocataireNumber")}
            error={errors.allocataireNumber?.message}
          />
        </>
      ) : null}
      <RadioGroupField
        legend="Souhaitez-vous être en prélèvement ?"
        required
        options={[
          { value: "yes", label: "Oui" },
          { value: "no", label: "Non" },
        ]}
        registration={form.register("directDebit")}
        error={errors.directDebit?.message}
      />
      {debit === "yes" ? (
        <fieldset>
          <legend>Compte à prélever</legend>
          <TextField
            label="IBAN"
            required
            autoComplete="off"
            hint="Par exemple FR76 3000 6000 0112 3456 7890 189"
            registration={form.register("iban")}
            error={errors.iban?.message}
          />
          <TextField
            label="BIC"
            required
            autoComplete="off"
            hint="8 ou 11 caractères, par exemple AGRIFRPP"
            registration={form.register("bic")}
            error={errors.bic?.message}
          />
          <TextField
            label="Titulaire du compte"
            required
            registration={form.register("holderName")}
            error={errors.holderName?.message}
          />
          {rib ? (
            <>
              {rib.storedFileName ? (
                <p>
                  RIB déposé : <strong>{rib.storedFileName}</strong>
                </p>
              ) : null}
              <DocumentUploadField
                label="RIB (PDF, JPEG ou PNG, 10 Mo maximum)"
                name={RIB_FIELD}
                error={ribError}
                required={rib.required && !rib.storedFileName}
                hint={
                  rib.storedFileName
                    ? "Pour le remplacer, joignez un autre fichier ; sinon, laissez ce champ vide."
                    : "Le relevé d'identité bancaire du compte à prélever, au nom du titulaire. Plusieurs fichiers (recto et verso, plusieurs pages) forment un seul document."
                }
              />
            </>
          ) : null}
        </fieldset>
      ) : null}
      <p className="button-row">
        <SubmitButton pending={pending}>Enregistrer et continuer</SubmitButton>
      </p>
    </form>
  );
}
