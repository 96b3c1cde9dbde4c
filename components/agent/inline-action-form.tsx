"use client";

import { z } from "zod";
import { FormMessage, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";

// Nothing is typed in: the hidden fields go as they are and the server action validates them.
const noVisibleFields = z.object({});

/** A one-button form (e.g. "Désactiver" on a table row) posting hidden fields to a server action. */
export function InlineActionForm({
  action,
  fields,
  label,
  accessibleLabel,
  danger = false,
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  /** The full name of the button when the label alone is ambiguous in a table ("Désactiver le compte de …"). */
  accessibleLabel?: string;
  danger?: boolean;
}) {
  const { state, pending, onSubmit } = useActionForm(noVisibleFields, action);
  return (
    <form onSubmit={onSubmit} noValidate>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        className={`button button--small${danger ? " button--danger" : " button--secondary"}`}
        disabled={pending}
        aria-busy={pending || undefined}
        aria-label={accessibleLabel}
      >
        {label}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
