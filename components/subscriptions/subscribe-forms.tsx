import { SubscribeByCodeForm } from "./subscribe-by-code-form";
import { SubscribeByInvoiceForm } from "./subscribe-by-invoice-form";
import styles from "./subscribe-forms.module.css";

/** "Avec une de vos factures" — Ou — "Avec votre code abonné", as in the guide. */
export function SubscribeForms({ slug, cancelHref }: { slug: string; cancelHref: string }) {
  return (
    <div className={styles.layout}>
      <SubscribeByInvoiceForm slug={slug} cancelHref={cancelHref} />
      <p className={styles.separator} aria-hidden="true">
        Ou
      </p>
      <SubscribeByCodeForm slug={slug} cancelHref={cancelHref} />
    </div>
  );
}
