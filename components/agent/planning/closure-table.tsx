"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormMessage } from "@/components/ui/form-kit";
import { TableWrap } from "@/components/ui/table-wrap";
import { removeClosuresAction } from "@/lib/activities/actions";
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
export function ClosureTable({ slug, periods }: { slug: string; periods: ClosurePeriod[] }) {
  const [state, remove, pending] = useActionState(removeClosuresAction, null);
  const result = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state) result.current?.focus();
  }, [state]);

  return (
    <>
      <div ref={result} tabIndex={-1}>
        <FormMessage state={state} />
      </div>
      {periods.length === 0 ? (
        <p>Aucune fermeture à venir.</p>
      ) : (
        <TableWrap label="Fermetures à venir">
          <table>
            <caption>Fermetures à venir ({periods.length})</caption>
            <thead>
              <tr>
                <th scope="col">Période</th>
                <th scope="col">Libellé</th>
                <th scope="col">Type</th>
                <th scope="col">Activité</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {periods.map((period) => {
                const when = describePeriod(period);
                return (
                  <tr key={period.closureIds[0]}>
                    <td>{when.charAt(0).toUpperCase() + when.slice(1)}</td>
                    <td>{period.label}</td>
                    <td>{CLOSURE_KIND_LABELS[period.kind]}</td>
                    <td>{period.activityLabel ?? "Toutes les activités"}</td>
                    <td>
                      <form action={remove}>
                        <input type="hidden" name="commune" value={slug} />
                        <input type="hidden" name="closureIds" value={period.closureIds.join(",")} />
                        <button
                          type="submit"
                          className="button button--small button--danger"
                          disabled={pending}
                          aria-busy={pending || undefined}
                          aria-label={`Supprimer la fermeture « ${period.label} » ${when}`}
                        >
                          Supprimer
                        </button>
                      </form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
