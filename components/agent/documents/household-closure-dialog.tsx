"use client";

import { AlertDialog } from "radix-ui";
import { useEffect, useState } from "react";
import { FormMessage, SubmitButton, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { householdClosureSchema } from "@/lib/documents/schemas";

/**
 * "Clôturer le dossier" (or "Rouvrir le dossier" once closed) behind a confirmation: closing starts the retention
 * period after which the household's documents are deleted.
 */
export function HouseholdClosureDialog({
  action,
  householdId,
  householdName,
  closedOn,
  retentionMonths,
}: {
  /** closeHouseholdAction, or reopenHouseholdAction when the file is closed; bound by the page. */
  action: FormAction;
  householdId: string;
  householdName: string;
  /** "12/01/2027" when the file is closed. */
  closedOn: string | null;
  retentionMonths: number;
}) {
  const [open, setOpen] = useState(false);
  const { form, state, pending, onSubmit } = useActionForm(householdClosureSchema, action, { householdId });
  const closing = closedOn === null;
  const verb = closing ? "Clôturer le dossier" : "Rouvrir le dossier";

  useEffect(() => {
    if (state?.ok) setOpen(false);
  }, [state]);

  return (
    <>
      {state?.ok ? <FormMessage state={state} /> : null}
      <AlertDialog.Root open={open} onOpenChange={setOpen}>
        <AlertDialog.Trigger asChild>
          <button type="button" className={closing ? "button button--danger" : "button button--secondary"}>
            {verb}
          </button>
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="dialog-overlay" />
          <AlertDialog.Content className="dialog">
            <AlertDialog.Title asChild>
              <h2>{verb} ?</h2>
            </AlertDialog.Title>
            <AlertDialog.Description>
              {closing
                ? `Le dossier de la famille ${householdName} sera clôturé : ses pièces justificatives seront supprimées ${retentionMonths} mois après la clôture, sauf s'il est rouvert d'ici là.`
                : `Le dossier de la famille ${householdName}, clôturé le ${closedOn}, sera rouvert : ses pièces justificatives ne seront plus supprimées.`}
            </AlertDialog.Description>
            {state && !state.ok ? <FormMessage state={state} /> : null}
            <form onSubmit={onSubmit} noValidate>
              <input type="hidden" {...form.register("householdId")} />
              <div className="button-row">
                <SubmitButton pending={pending}>{verb}</SubmitButton>
                <AlertDialog.Cancel asChild>
                  <button type="button" className="button button--secondary">
                    Annuler
                  </button>
                </AlertDialog.Cancel>
              </div>
            </form>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </>
  );
}
