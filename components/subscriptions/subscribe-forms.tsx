import type { FormAction } from "@/lib/actions/state";
import { SubscribeByCodeForm } from "./subscribe-by-code-form";
import { SubscribeByInvoiceForm } from "./subscribe-by-invoice-form";
import styles from "./subscribe-forms.module.css";

/** "Avec une de vos factures" — Ou — "Avec votre code abonné", as in the guide; actions bound by the page. */
export function SubscribeForms({
  actions,
  cancelHref,
}: {
  actions: { byInvoice: FormAction; byCode: FormAction };
  cancelHref: string;
}) {
  return (
    <div className={styles.layout}>
      <SubscribeByInvoiceForm action={actions.byInvoice} cancelHref={cancelHref} />
      <p className={styles.separator} aria-hidden="true">
        Ou
      </p>
      <SubscribeByCodeForm action={actions.byCode} cancelHref={cancelHref} />
    </div>
  );
}
