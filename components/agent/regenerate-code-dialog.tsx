"use client";

import { AlertDialog } from "radix-ui";
import { useEffect, useState } from "react";
import { FormMessage, SubmitButton, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { householdTargetSchema } from "@/lib/households/schemas";

/** "Régénérer le code abonné" behind a confirmation: the old code stops working for new subscriptions. */
export function RegenerateCodeDialog({
  action,
  householdId,
  householdName,
}: {
  action: FormAction;
  householdId: string;
  householdName: string;
}) {
  const [open, setOpen] = useState(false);
  const { form, state, pending, onSubmit } = useActionForm(householdTargetSchema, action, {
    householdId,
  });

  useEffect(() => {
    if (state?.ok) setOpen(false);
  }, [state]);

  return (
    <>
      {state?.ok ? <FormMessage state={state} /> : null}
      <AlertDialog.Root open={open} onOpenChange={setOpen}>
        <AlertDialog.Trigger asChild>
          <button type="button" className="button button--secondary">
            Régénérer le code abonné
          </button>
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="dialog-overlay" />
          <AlertDialog.Content className="dialog">
            <AlertDialog.Title asChild>
              <h2>Régénérer le code abonné ?</h2>
            </AlertDialog.Title>
            <AlertDialog.Description>
              Un nouveau code abonné sera attribué à la famille {householdName}. L&apos;ancien code ne permettra plus de
              s&apos;abonner ; les comptes déjà abonnés gardent leur accès. Pensez à transmettre le nouveau code à la
              famille.
            </AlertDialog.Description>
            {state && !state.ok ? <FormMessage state={state} /> : null}
            <form onSubmit={onSubmit} noValidate>
              <input type="hidden" {...form.register("householdId")} />
              <div className="button-row">
                <SubmitButton pending={pending}>Régénérer le code</SubmitButton>
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
