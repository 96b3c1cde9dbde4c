"use client";

import { AlertDialog } from "radix-ui";
import { type ReactNode, useEffect, useState } from "react";
import { FormMessage, SubmitButton, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { householdTargetSchema } from "@/lib/households/schemas";

/**
 * An action on a household's file behind a confirmation ("Régénérer le code abonné", "Clôturer le dossier"…): the
 * trigger opens a dialog saying what will happen; the action's success closes it and is announced beside the trigger.
 */
export function HouseholdActionDialog({
  action,
  householdId,
  trigger,
  title,
  confirm,
  danger = false,
  children,
}: {
  /** Bound by the page to the commune; takes the household's id. */
  action: FormAction;
  householdId: string;
  trigger: string;
  title: string;
  confirm: string;
  /** A destructive action's trigger stands out. */
  danger?: boolean;
  /** What will happen, in the dialog. */
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const { form, state, pending, onSubmit } = useActionForm(householdTargetSchema, action, { householdId });

  useEffect(() => {
    if (state?.ok) setOpen(false);
  }, [state]);

  return (
    <>
      {state?.ok ? <FormMessage state={state} /> : null}
      <AlertDialog.Root open={open} onOpenChange={setOpen}>
        <AlertDialog.Trigger asChild>
          <button type="button" className={danger ? "button button--danger" : "button button--secondary"}>
            {trigger}
          </button>
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="dialog-overlay" />
          <AlertDialog.Content className="dialog">
            <AlertDialog.Title asChild>
              <h2>{title}</h2>
            </AlertDialog.Title>
            <AlertDialog.Description>{children}</AlertDialog.Description>
            {state && !state.ok ? <FormMessage state={state} /> : null}
            <form onSubmit={onSubmit} noValidate>
              <input type="hidden" {...form.register("householdId")} />
              <div className="button-row">
                <SubmitButton pending={pending}>{confirm}</SubmitButton>
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
