"use client";

import { useActionState } from "react";
import { DataTable } from "@/components/ui/data-table";
import { FocusedFormMessage } from "@/components/ui/form-feedback";
import type { FormAction } from "@/lib/actions/state";
import type { ClosurePeriod } from "@/lib/activities/closures";
import { CLOSURE_KIND_LABELS } from "@/lib/activities/labels";
import { formatDate } from "@/lib/format";

function describePeriod(period: ClosurePeriod): string {
  return period.from === period.to
    ? `le ${formatDate(period.from)}`
    : `du ${formatDate(period.from)} au ${formatDate(period.to)}`;
}

/**
 * The coming closures, one line per period, each with its "Supprimer". The result is shown above the table and
 * takes the focus: the removed line (and its button) disappears.
 */
export function ClosureTable({ action, periods }: { action: FormAction; periods: ClosurePeriod[] }) {
  const [state, remove, pending] = useActionState(action, null);

  return (
    <>
      <FocusedFormMessage state={state} />
      {periods.length === 0 ? (
        <p>Aucune fermeture à venir.</p>
      ) : (
        <DataTable
          label="Fermetures à venir"
          caption={`Fermetures à venir (${periods.length})`}
          rows={periods}
          rowKey={(period) => period.closureIds[0]!}
          columns={[
            {
              header: "Période",
              cell: (period) => {
                const when = describePeriod(period);
                return when.charAt(0).toUpperCase() + when.slice(1);
              },
            },
            { header: "Libellé", cell: (period) => period.label },
            { header: "Type", cell: (period) => CLOSURE_KIND_LABELS[period.kind] },
            { header: "Activité", cell: (period) => period.activityLabel ?? "Toutes les activités" },
            {
              header: "Action",
              cell: (period) => (
                <form action={remove}>
                  <input type="hidden" name="closureIds" value={period.closureIds.join(",")} />
                  <button
                    type="submit"
                    className="button button--small button--danger"
                    disabled={pending}
                    aria-busy={pending || undefined}
                    aria-label={`Supprimer la fermeture « ${period.label} » ${describePeriod(period)}`}
                  >
                    Supprimer
                  </button>
                </form>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
