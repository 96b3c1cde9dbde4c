"use client";

import { type FormEvent, startTransition, useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form-feedback";
import type { ActionState, FormAction } from "@/lib/actions/state";
import { DocumentUploadField } from "./document-upload-field";

/** "Déposer une pièce justificative": the document's files and "Envoyer"; success leads back to the list. */
export function DepositForm({
  action,
  householdId,
  typeId,
  childId,
}: {
  /** uploadDocument, bound to the commune by the page. */
  action: FormAction;
  householdId: string;
  typeId: string;
  childId?: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  const error = state && !state.ok ? state.fieldErrors.files?.[0] : undefined;
  // Sent by hand so that a refused file leaves the chosen pages in place (a form action would reset the form).
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };
  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="typeId" value={typeId} />
      {childId ? <input type="hidden" name="childId" value={childId} /> : null}
      <DocumentUploadField label="Fichier (PDF, JPEG ou PNG, 10 Mo maximum)" name="files" error={error} required />
      <div className="button-row">
        <SubmitButton pending={pending}>Envoyer</SubmitButton>
      </div>
    </form>
  );
}
