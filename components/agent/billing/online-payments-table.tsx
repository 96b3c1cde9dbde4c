"use client";

import { useActionState } from "react";
import { DataTable } from "@/components/ui/data-table";
import { FocusedFormMessage } from "@/components/ui/form-feedback";
import { Link } from "@/components/ui/link";
import type { FormAction } from "@/lib/actions/state";
import styles from "./billing.module.css";

/** An online payment attempt, ready to show. */
export interface OnlinePaymentRow {
  id: string;
  createdAt: string;
  householdName: string;
  householdHref: string;
  invoiceReference: string;
  invoiceHref: string;
  amount: string;
  paid: string;
  state: string;
  /** "P : Payé par carte", then "Transaction n° 123456" when PayFiP gave one. */
  result: string | null;
  transaction: string | null;
  idOp: string | null;
  lastCheck: string;
  lastError: string | null;
  flag: string | null;
  /** "Vérifié le 12/01/2027 à 09:30": the agent cleared the flag. */
  flagResolved: string | null;
}

/**
 * The attempts, flagged ones first, each flag with its "Marquer comme vérifié". The result is shown above the table
 * and takes the focus: the verified row's button disappears.
 */
export function OnlinePaymentsTable({
  action,
  rows,
  caption,
}: {
  action: FormAction;
  rows: OnlinePaymentRow[];
  caption: string;
}) {
  const [state, resolve, pending] = useActionState(action, null);

  return (
    <>
      <FocusedFormMessage state={state} />
      <DataTable
        label="Paiements en ligne"
        caption={caption}
        rows={rows}
        columns={[
          { header: "Date", cell: (row) => row.createdAt },
          { header: "Famille", cell: (row) => <Link href={row.householdHref}>Famille {row.householdName}</Link> },
          {
            header: "Facture",
            rowHeader: true,
            cell: (row) => <Link href={row.invoiceHref}>{row.invoiceReference}</Link>,
          },
          { header: "Montant demandé", className: styles.amount, cell: (row) => row.amount },
          { header: "Montant payé", className: styles.amount, cell: (row) => row.paid },
          { header: "État", cell: (row) => row.state },
          {
            header: "Résultat",
            cell: (row) =>
              row.result ? (
                <>
                  {row.result}
                  {row.transaction ? <span className={styles.detail}>{row.transaction}</span> : null}
                </>
              ) : (
                "–"
              ),
          },
          {
            header: "Identifiant PayFiP",
            className: styles.identifier,
            cell: (row) => row.idOp ?? "–",
          },
          {
            header: "Dernière vérification",
            cell: (row) => (
              <>
                {row.lastCheck}
                {row.lastError ? <span className={styles.detail}>{row.lastError}</span> : null}
              </>
            ),
          },
          {
            header: "Signalement",
            className: styles.flagColumn,
            cell: (row) => {
              if (!row.flag) return "–";
              return (
                <>
                  <span className={row.flagResolved ? undefined : styles.flag}>{row.flag}</span>
                  {row.flagResolved ? (
                    <span className={styles.detail}>{row.flagResolved}</span>
                  ) : (
                    <form action={resolve} className={styles.rowAction}>
                      <input type="hidden" name="attemptId" value={row.id} />
                      <button
                        type="submit"
                        className="button button--small button--secondary"
                        disabled={pending}
                        aria-busy={pending || undefined}
                        aria-label={`Marquer comme vérifié le paiement en ligne de la facture ${row.invoiceReference}`}
                      >
                        Marquer comme vérifié
                      </button>
                    </form>
                  )}
                </>
              );
            },
          },
        ]}
      />
    </>
  );
}
