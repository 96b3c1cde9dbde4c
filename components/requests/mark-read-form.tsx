"use client";

import { type ReactNode, useActionState } from "react";
import { FormMessage } from "@/components/ui/form-feedback";
import type { FormAction } from "@/lib/actions/state";

/** Wraps the list so its row tick boxes go with "Marquer la sélection comme lue" / "Tout marquer comme lu". */
export function MarkReadForm({
  action,
  householdId,
  children,
}: {
  action: FormAction;
  householdId: string;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="householdId" value={householdId} />
      <FormMessage state={state} />
      {children}
      <div className="button-row">
        <button type="submit" name="scope" value="all" className="button button--secondary" disabled={pending}>
          Tout marquer comme lu
        </button>
        <button type="submit" name="scope" value="selection" className="button button--secondary" disabled={pending}>
          Marquer la sélection comme lue
        </button>
      </div>
    </form>
  );
}
