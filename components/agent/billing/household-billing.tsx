import { Link } from "@/components/ui/link";
import { formatEuros } from "@/lib/format";
import { routes } from "@/lib/routes/paths";
import styles from "./billing.module.css";

/** The "Facturation" section of the agents' household page: what is due, and where to see and settle it. */
export function HouseholdBilling({
  slug,
  householdId,
  summary,
}: {
  slug: string;
  householdId: string;
  summary: { invoiceCount: number; openCount: number; dueHereCents: number; atTreasuryCents: number };
}) {
  return (
    <section aria-labelledby="facturation-famille">
      <h2 id="facturation-famille">Facturation</h2>
      {summary.invoiceCount === 0 ? (
        <p>Aucune facture pour cette famille.</p>
      ) : (
        <dl className="facts">
          <dt>Solde à payer</dt>
          <dd className={styles.total}>
            {formatEuros(summary.dueHereCents)}
            {summary.openCount > 0 ? ` (${summary.openCount} facture${summary.openCount > 1 ? "s" : ""})` : null}
          </dd>
          {summary.atTreasuryCents > 0 ? (
            <>
              <dt>Transmis en trésorerie</dt>
              <dd>{formatEuros(summary.atTreasuryCents)}, à régler auprès du comptable public</dd>
            </>
          ) : null}
        </dl>
      )}
      <p className="button-row">
        {summary.openCount > 0 ? (
          <Link className="button" href={routes.agent.newPayment(slug, householdId)}>
            Enregistrer un règlement
          </Link>
        ) : null}
        {summary.invoiceCount > 0 ? (
          <Link href={routes.agent.invoices(slug, { famille: householdId })}>
            Voir les factures de la famille ({summary.invoiceCount})
          </Link>
        ) : null}
      </p>
    </section>
  );
}
