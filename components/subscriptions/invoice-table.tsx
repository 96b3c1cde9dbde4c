import { DataTable } from "@/components/ui/data-table";
import type { Invoice } from "@/db/schema";
import { type InvoiceFacts, type InvoiceStatus, invoiceStatus, invoiceStatusLabel } from "@/lib/billing/status";
import { formatDate, formatEuros } from "@/lib/format";

type InvoiceRow = Pick<Invoice, "id" | "reference" | "issuer" | "issuedOn" | "dueOn"> &
  InvoiceFacts & {
    householdName: string;
  };

const statusBadge: Record<InvoiceStatus, string> = {
  to_pay: "badge badge--danger",
  partially_paid: "badge badge--danger",
  direct_debit: "badge",
  paid: "badge badge--success",
  treasury: "badge",
  cancelled: "badge",
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
        <DataTable
          label="Historique des factures"
          caption="Historique des factures, de la plus récente à la plus ancienne"
          hiddenCaption
          rows={invoices}
          columns={[
            { header: "Date", cell: (invoice) => formatDate(invoice.issuedOn) },
            { header: "Numéro", cell: (invoice) => invoice.reference },
            ...(showHousehold
              ? [{ header: "Dossier famille", cell: (invoice: InvoiceRow) => `Famille ${invoice.householdName}` }]
              : []),
            { header: "Échéance", cell: (invoice) => formatDate(invoice.dueOn) },
            { header: "Émetteur", cell: (invoice) => invoice.issuer },
            { header: "Montant", cell: (invoice) => formatEuros(invoice.amountCents) },
            {
              header: "Statut",
              cell: (invoice) => (
                <span className={statusBadge[invoiceStatus(invoice)]}>{invoiceStatusLabel(invoice)}</span>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
