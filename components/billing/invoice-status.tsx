import { type InvoiceFacts, type InvoiceStatus, invoiceStatus, invoiceStatusLabel } from "@/lib/billing/status";
import styles from "./billing.module.css";

const statusBadge: Record<InvoiceStatus, string> = {
  to_pay: "badge badge--danger",
  partially_paid: "badge badge--danger",
  direct_debit: "badge",
  paid: "badge badge--success",
  treasury: "badge",
  cancelled: "badge",
};

/** The invoice's status; at the treasury, where to pay it now. */
export function InvoiceStatusBadge({ invoice }: { invoice: InvoiceFacts & { treasuryContact: string | null } }) {
  const status = invoiceStatus(invoice);
  return (
    <>
      <span className={statusBadge[status]}>{invoiceStatusLabel(invoice)}</span>
      {status === "treasury" ? (
        <span className={styles.hint}>
          Ne peut plus être réglée ici : à régler auprès de{" "}
          {invoice.treasuryContact ?? "la trésorerie dont relève votre commune"}.
        </span>
      ) : null}
    </>
  );
}
