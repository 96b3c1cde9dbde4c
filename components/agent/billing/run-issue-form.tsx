"use client";

import { z } from "zod";
import { FormMessage, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";

// The régie and the month are those of the preview above the button: hidden, checked again by the server.
const noVisibleFields = z.object({});

/** "Émettre les factures" of the month previewed on the page. */
export function RunIssueForm({
  action,
  regieId,
  month,
  summary,
}: {
  action: FormAction;
  regieId: string;
  month: string;
  /** What the click does, said before the button ("12 factures pour un total de …"). */
  summary: string;
}) {
  const { state, pending, onSubmit } = useActionForm(noVisibleFields, action);
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <input type="hidden" name="regieId" value={regieId} />
      <input type="hidden" name="month" value={month} />
      <p id="emission-resume">{summary}</p>
      <div className="button-row">
        <button
          type="submit"
          className="button"
          disabled={pending}
          aria-busy={pending || undefined}
          aria-describedby="emission-resume"
        >
          {pending ? "Émission en cours…" : "Émettre les factures"}
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
