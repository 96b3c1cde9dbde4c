import { TableWrap } from "@/components/ui/table-wrap";
import type { Invoice } from "@/db/schema";
import { formatDate, formatEuros } from "@/lib/format";
import { invoiceStatusLabels } from "@/lib/households/invoices";

type InvoiceRow = Pick<Invoice, "id" | "reference" | "issuer" | "issuedOn" | "dueOn" | "amountCents" | "status"> & {
  householdName: string;
};

const statusBadge: Record<Invoice["status"], string> = {
  to_pay: "badge badge--danger",
  paid: "badge badge--success",
  treasury: "badge",
};

/** "Historique des factures (n résultats)"; the household column only when the account follows several. */
export function InvoiceTable({ invoices, showHousehold }: { invoices: InvoiceRow[]; showHousehold: boolean }) {
  const count = `${invoices.length} résultat${invoices.length > 1 ? "s" : ""}`;
  return (
    <section aria-labelledby="historique-factures">
      <h2 id="historique-factures">Historique des factures ({count})</h2>
      {invoices.length === 0 ? (
        <p>Aucune facture n&apos;a encore été émise pour votre dossier famille.</p>
      ) : (
        <TableWrap label="Historique des factures">
          <table>
            <caption className="visually-hidden">
              Historique des factures, de la plus récente à la plus ancienne
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Numéro</th>
                {showHousehold ? <th scope="col">Dossier famille</th> : null}
                <th scope="col">Échéance</th>
                <th scope="col">Émetteur</th>
                <th scope="col">Montant</th>
                <th scope="col">Statut</th>
              </tr>
            </thead>
            <tbody>
              {invoices.map((invoice) => (
                <tr key={invoice.id}>
                  <td>{formatDate(invoice.issuedOn)}</td>
                  <td>{invoice.reference}</td>
                  {showHousehold ? <td>Famille {invoice.householdName}</td> : null}
                  <td>{formatDate(invoice.dueOn)}</td>
                  <td>{invoice.issuer}</td>
                  <td>{formatEuros(invoice.amountCents)}</td>
                  <td>
                    <span className={statusBadge[invoice.status]}>{invoiceStatusLabels[invoice.status]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
