"use client";

import { type FormEvent, useActionState, useId, useState } from "react";
import { InlineActionForm } from "@/components/agent/inline-action-form";
import { FieldError, FormMessage, SubmitButton } from "@/components/ui/form-kit";
import type { ActionState, FormAction } from "@/lib/actions/state";
import { routes } from "@/lib/routes/paths";

// Kept in step with lib/family-file/photo-image.ts (a server-only module): checked here only to spare a 6 MB post.
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const TOO_LARGE = "La photo dépasse 5 Mo. Choisissez un fichier plus léger.";
const MISSING = "Choisissez une photo.";

/**
 * "Photo de l'enfant": the current photo, a file input to replace it and "Supprimer la photo". The change is
 * applied at once (no request to validate); the server checks the file's content and resizes it.
 */
export function ChildPhoto({
  slug,
  actions,
  childId,
  firstName,
  photo,
}: {
  slug: string;
  /** Bound to the commune by the page. */
  actions: { upload: FormAction; remove: FormAction };
  childId: string;
  firstName: string;
  photo: { updatedAt: Date | string } | null;
}) {
  const id = useId();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(actions.upload, null);
  const [localError, setLocalError] = useState<string | null>(null);
  const serverError = state && !state.ok ? state.fieldErrors.photo?.[0] : undefined;
  const error = localError ?? serverError;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const file = (event.currentTarget.elements.namedItem("photo") as HTMLInputElement | null)?.files?.[0];
    const problem = !file ? MISSING : file.size > MAX_UPLOAD_BYTES ? TOO_LARGE : null;
    setLocalError(problem);
    if (problem) event.preventDefault();
  }

  return (
    <div>
      {photo ? (
        <>
          <img
            src={routes.family.childPhoto(slug, childId, photo.updatedAt)}
            alt={firstName}
            width={160}
            height={160}
            style={{ objectFit: "cover", borderRadius: "0.5rem", display: "block", marginBottom: "0.75rem" }}
          />
          <InlineActionForm
            action={actions.remove}
            fields={{ childId }}
            label="Supprimer la photo"
            accessibleLabel={`Supprimer la photo de ${firstName}`}
            danger
          />
        </>
      ) : (
        <p>Aucune photo n&apos;a été ajoutée pour {firstName}.</p>
      )}
      <form action={formAction} onSubmit={onSubmit} noValidate style={{ marginTop: "1rem" }}>
        <input type="hidden" name="childId" value={childId} />
        <div className={`field${error ? " field--error" : ""}`}>
          <label htmlFor={id}>Photo de l&apos;enfant</label>
          <p className="field__hint" id={`${id}-hint`}>
            JPEG, PNG ou WebP, 5 Mo au plus
          </p>
          <input
            id={id}
            name="photo"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={() => setLocalError(null)}
          />
          <FieldError id={`${id}-error`} message={error} />
        </div>
        <SubmitButton pending={pending}>{photo ? "Remplacer la photo" : "Ajouter la photo"}</SubmitButton>
        <FormMessage state={localError ? null : state} />
      </form>
    </div>
  );
}
