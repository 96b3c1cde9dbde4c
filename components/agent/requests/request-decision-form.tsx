"use client";

import { useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { decideRequestsSchema } from "@/lib/agents/requests-schemas";
import { DecisionFields } from "./decision-fields";
import { DecisionReport } from "./decision-report";

/**
 * "Accepter" / "Refuser" on a request's page. Stays mounted once the request is decided (`open` false) so the
 * result — or "already processed by another agent" — remains on screen after the page refreshes.
 */
export function RequestDecisionForm({
  action,
  requestId,
  open,
}: {
  action: FormAction;
  requestId: string;
  open: boolean;
}) {
  const { form, state, pending, onSubmit } = useActionForm(decideRequestsSchema, action, {
    requestIds: requestId,
    message: "",
  });
  return (
    <>
      <DecisionReport state={state} />
      {open ? (
        <form className="form" aria-labelledby="decision-titre" onSubmit={onSubmit} noValidate>
          <h2 id="decision-titre">Décision</h2>
          <input type="hidden" {...form.register("requestIds")} />
          <DecisionFields form={form} pending={pending} acceptLabel="Accepter" refuseLabel="Refuser" />
        </form>
      ) : null}
    </>
  );
}
