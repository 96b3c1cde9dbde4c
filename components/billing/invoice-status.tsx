import type { InvoiceStatus } from "@/lib/billing/status";
import styles from "./billing.module.css";

const statusBadge: Record<InvoiceStatus, string> = {
  to_pay: "badge badge--danger",
  partially_paid: "badge badge--danger",
  direct_debit: "badge",
  paid: "badge badge--success",
  treasury: "badge",
  cancelled: "badge",
};

/** What the badge of an invoice shows (invoiceBadge in lib/billing/status.ts writes it from the invoice). */
export interface InvoiceBadge {
  status: InvoiceStatus;
  label: string;
  treasuryContact: string | null;
}

/** The invoice's status; at the treasury, where to pay it now. */
export function InvoiceStatusBadge({ status, label, treasuryContact }: InvoiceBadge) {
  return (
    <>
      <span className={statusBadge[status]}>{label}</span>
      {status === "treasury" ? (
        <span className={styles.hint}>
          Ne peut plus être réglée ici : à régler auprès de{" "}
          {treasuryContact ?? "la trésorerie dont relève votre commune"}.
        </span>
      ) : null}
    </>
  );
}
