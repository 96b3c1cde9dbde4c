"use client";

import { type FormEvent, useActionState, useId, useState } from "react";
import { FieldError, FormMessage, SubmitButton, TextField, useActionForm } from "@/components/ui/form-kit";
import type { ActionState, FormAction } from "@/lib/actions/state";
import { communeLookSchema } from "@/lib/communes/look-schema";

/** "Couleur principale", "Nom de l'expéditeur des e-mails", "Horaires d'ouverture". */
export function CommuneLookForm({
  action,
  look,
}: {
  action: FormAction;
  look: { brandColor: string | null; mailSenderName: string | null; contactHours: string | null };
}) {
  const { form, state, pending, onSubmit } = useActionForm(communeLookSchema, action, {
    brandColor: look.brandColor ?? "",
    mailSenderName: look.mailSenderName ?? "",
    contactHours: look.contactHours ?? "",
  });
  const { errors } = form.formState;
  return (
    <form className="form" aria-label="Couleur et e-mails" onSubmit={onSubmit} noValidate>
      <FormMessage state={state} />
      <TextField
        label="Couleur principale"
        hint="Code hexadécimal, par exemple #1d4f91. Le texte blanc doit rester lisible dessus (contraste d'au moins 4,5:1) : une couleur trop claire est refusée. Vide : la couleur du portail."
        registration={form.register("brandColor")}
        error={errors.brandColor?.message}
      />
      <TextField
        label="Nom de l'expéditeur des e-mails"
        hint="Le nom que les familles voient comme expéditeur, par exemple « Ville de Démo ». Vide : le nom de la commune."
        registration={form.register("mailSenderName")}
        error={errors.mailSenderName?.message}
      />
      <TextField
        label="Horaires d'ouverture du service"
        hint="Affichés à la fin de chaque e-mail, avec l'adresse et le téléphone du service."
        registration={form.register("contactHours")}
        error={errors.contactHours?.message}
      />
      <div className="button-row">
        <SubmitButton pending={pending}>Enregistrer</SubmitButton>
      </div>
    </form>
  );
}

// Kept in step with lib/communes/logo.ts (a server-only module): checked here only to spare a large post.
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
const TOO_LARGE = "Le logo dépasse 2 Mo. Choisissez un fichier plus léger.";
const MISSING = "Choisissez un logo.";

/** "Logo": a PNG or JPEG file; the server checks its content and resizes it. */
export function CommuneLogoForm({ action, hasLogo }: { action: FormAction; hasLogo: boolean }) {
  const id = useId();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  const [localError, setLocalError] = useState<string | null>(null);
  const error = localError ?? (state && !state.ok ? state.fieldErrors.logo?.[0] : undefined);
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const file = (event.currentTarget.elements.namedItem("logo") as HTMLInputElement | null)?.files?.[0];
    const problem = !file ? MISSING : file.size > MAX_UPLOAD_BYTES ? TOO_LARGE : null;
    setLocalError(problem);
    if (problem) event.preventDefault();
  }

  return (
    <form className="form" aria-label="Logo" action={formAction} onSubmit={onSubmit} noValidate>
      <div className={`field${error ? " field--error" : ""}`}>
        <label htmlFor={id}>Logo de la commune</label>
        <p className="field__hint" id={`${id}-hint`}>
          PNG ou JPEG, 2 Mo au plus ; affiché en haut de chaque page et de chaque e-mail.
        </p>
        <input
          id={id}
          name="logo"
          type="file"
          accept="image/png,image/jpeg"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={() => setLocalError(null)}
        />
        <FieldError id={`${id}-error`} message={error} />
      </div>
      <div className="button-row">
        <SubmitButton pending={pending}>{hasLogo ? "Remplacer le logo" : "Enregistrer le logo"}</SubmitButton>
      </div>
      <FormMessage state={localError ? null : state} />
    </form>
  );
}
