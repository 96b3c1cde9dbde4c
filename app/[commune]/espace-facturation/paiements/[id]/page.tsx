import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { z } from "zod";
import styles from "@/components/billing/billing.module.css";
import { InvoiceStatusBadge } from "@/components/billing/invoice-status";
import { type OnlineOffer, OnlinePaymentOffer } from "@/components/billing/online-payment-offer";
import { PayOnlineForm } from "@/components/billing/pay-online-form";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import type { Db } from "@/db/client";
import type { Commune } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import { findViewableInvoice, type InvoiceDetail } from "@/lib/billing/family/detail";
import { findHouseholdOnlinePayment, type OnlinePaymentView, openAttemptsByInvoice } from "@/lib/billing/online/reads";
import { checkOnlinePayment } from "@/lib/billing/online/settle";
import { CARD_PAGE_LIFETIME_MS } from "@/lib/billing/online/start";
import { balanceCents, invoiceBadge, invoiceStatus } from "@/lib/billing/status";
import { getDb } from "@/lib/db";
import { formatDateTime, formatEuros } from "@/lib/format";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { listSubscribedHouseholds } from "@/lib/subscriptions/households";
import { onlineOffers } from "../../_billing/online-offers";
import { payInvoiceOnline } from "../../actions";

type Props = { params: Promise<{ commune: string; id: string }> };

export const metadata: Metadata = { title: "Paiement en ligne – Espace facturation" };

/** An open attempt is asked about again on display once PayFiP was last asked this long ago. */
const RECHECK_AFTER_MS = 10_000;

/** The attempt, if it belongs to one of the households the account is subscribed to in this commune. */
async function findSubscribedAttempt(db: Db, p: { communeId: string; userId: string; attemptId: string }) {
  const households = await listSubscribedHouseholds(db, p);
  const found = await Promise.all(
    households.map((h) =>
      findHouseholdOnlinePayment(db, { communeId: p.communeId, householdId: h.id, attemptId: p.attemptId }),
    ),
  );
  return found.find((attempt) => attempt !== null) ?? null;
}

/**
 * "Paiement en ligne": where PayFiP's return leads, and the link beside an invoice whose payment is being
 * confirmed. Only the accounts subscribed to the attempt's household see it; anyone else gets the same 404.
 */
export default async function OnlinePaymentPage({ params }: Props) {
  const { commune: slug, id } = await params;
  const { commune, user } = await requireUser(slug, { returnTo: routes.billingOnlinePayment(slug, id) });
  const attemptId = z.uuid().safeParse(id);
  if (!attemptId.success) notFound();
  const db = await getDb();
  let attempt = await findSubscribedAttempt(db, { communeId: commune.id, userId: user.id, attemptId: attemptId.data });
  if (!attempt) notFound();
  const lastAsked = attempt.lastCheckedAt?.getTime() ?? 0;
  if (attempt.state === "open" && Date.now() - lastAsked > RECHECK_AFTER_MS) {
    await checkOnlinePayment(db, { attemptId: attempt.id });
    const reread = { communeId: commune.id, householdId: attempt.householdId, attemptId: attempt.id };
    attempt = (await findHouseholdOnlinePayment(db, reread)) ?? attempt;
  }
  const invoice = await findViewableInvoice(db, { communeId: commune.id, viewer: user, invoiceId: attempt.invoiceId });
  if (!invoice) notFound();
  const open = await openAttemptsByInvoice(db, { communeId: commune.id, householdId: invoice.householdId });
  const offer = onlineOffers([invoice], open).get(invoice.id);
  const paid = attempt.state === "paid";
  return (
    <>
      <Breadcrumbs items={breadcrumbs.billingInvoice(slug, invoice, "Paiement en ligne")} />
      <h1>Paiement en ligne</h1>
      <Outcome
        attempt={attempt}
        invoice={invoice}
        commune={commune}
        next={<NextStep slug={slug} attempt={attempt} invoice={invoice} offer={offer} />}
      />
      <dl className="facts">
        <dt>Facture</dt>
        <dd>
          <Link href={routes.billingInvoice(slug, invoice.id)}>n° {invoice.reference}</Link>
        </dd>
        <dt>Montant demandé</dt>
        <dd>{formatEuros(attempt.amountCents)}</dd>
        {paid ? (
          <>
            <dt>Montant payé</dt>
            <dd>{formatEuros(attempt.paidCents ?? attempt.amountCents)}</dd>
            {attempt.paidAt ? (
              <>
                <dt>Date du paiement</dt>
                <dd>{formatDateTime(attempt.paidAt)}</dd>
              </>
            ) : null}
            {attempt.authorizationNumber ? (
              <>
                <dt>Transaction</dt>
                <dd>n° {attempt.authorizationNumber}</dd>
              </>
            ) : null}
          </>
        ) : null}
        <dt>Solde à payer</dt>
        <dd>{formatEuros(balanceCents(invoice))}</dd>
        <dt>Statut de la facture</dt>
        <dd>
          <InvoiceStatusBadge {...invoiceBadge(invoice)} />
        </dd>
      </dl>
      <p className="button-row">
        <Link className="button button--secondary" href={routes.billingInvoice(slug, invoice.id)}>
          Voir la facture
        </Link>
        <Link className="button button--secondary" href={routes.billingPayments(slug, invoice.householdId)}>
          Mes règlements
        </Link>
      </p>
    </>
  );
}

/** What became of the payment, in the family's words, with what to do next. */
function Outcome({
  attempt,
  invoice,
  commune,
  next,
}: {
  attempt: OnlinePaymentView;
  invoice: InvoiceDetail;
  commune: Commune;
  next: ReactNode;
}) {
  switch (attempt.state) {
    case "paid":
      return (
        <Notice tone="success" title="Paiement accepté">
          {attempt.flag === "not_recorded" ? (
            <p>Votre paiement a bien été reçu ; la régie l&apos;affecte à votre facture.</p>
          ) : (
            <p>
              Votre paiement de {formatEuros(attempt.paidCents ?? attempt.amountCents)} a bien été reçu
              {attempt.authorizationNumber ? ` (Transaction n° ${attempt.authorizationNumber})` : ""}.{" "}
              {invoiceStatus(invoice) === "paid"
                ? `La facture n° ${invoice.reference} est maintenant payée.`
                : `Il reste ${formatEuros(balanceCents(invoice))} à payer sur la facture n° ${invoice.reference}.`}
            </p>
          )}
          <p>Un reçu vous a été envoyé à {attempt.email}.</p>
        </Notice>
      );
    case "refused":
      return (
        <Notice tone="error" title="Paiement refusé">
          <p>Le paiement par carte a été refusé. Aucun montant n&apos;a été débité.</p>
          {next}
        </Notice>
      );
    case "cancelled":
      return (
        <Notice tone="info" title="Paiement abandonné">
          <p>Vous avez abandonné le paiement. Aucun montant n&apos;a été débité.</p>
          {next}
        </Notice>
      );
    case "expired":
      return (
        <Notice tone="error" title="Paiement non confirmé">
          <p>
            Le service de paiement n&apos;a pas confirmé ce paiement : aucun règlement n&apos;a été enregistré. Si votre
            compte a pourtant été débité, contactez {commune.serviceSignature} : {commune.contactEmail}.
          </p>
          {next}
        </Notice>
      );
    case "failed":
      return (
        <Notice tone="error" title="Paiement en ligne indisponible">
          <p>
            Le paiement n&apos;a pas pu être ouvert : aucun montant n&apos;a été débité. Réessayez plus tard ou réglez
            par un autre moyen.
          </p>
          {next}
        </Notice>
      );
    default:
      return (
        <Notice tone="info" title="Paiement en cours de confirmation">
          <p>
            Le service de paiement de la DGFiP ne nous a pas encore transmis le résultat de votre paiement : cela peut
            prendre quelques minutes. N&apos;effectuez pas un second paiement. S&apos;il est accepté, il sera enregistré
            sur votre facture et un reçu vous sera envoyé par courriel.
          </p>
          {next}
        </Notice>
      );
  }
}

/**
 * After a refused, abandoned, expired or failed payment: try again (or the payment opened since); while it is
 * being confirmed: "Actualiser", and "Reprendre le paiement" while PayFiP's card page is still open.
 */
function NextStep({
  slug,
  attempt,
  invoice,
  offer,
}: {
  slug: string;
  attempt: OnlinePaymentView;
  invoice: InvoiceDetail;
  offer: OnlineOffer | undefined;
}) {
  const action = payInvoiceOnline.bind(null, slug);
  const forInvoice = <span className="visually-hidden"> de la facture {invoice.reference}</span>;
  if (attempt.state !== "open" && attempt.state !== "opening")
    return offer?.kind === "pay" ? (
      <PayOnlineForm action={action} invoiceId={invoice.id}>
        Réessayer le paiement{forInvoice}
      </PayOnlineForm>
    ) : (
      <OnlinePaymentOffer slug={slug} invoice={invoice} offer={offer} action={action} />
    );
  const resumable = attempt.state === "open" && Date.now() - attempt.createdAt.getTime() < CARD_PAGE_LIFETIME_MS;
  return (
    <div className={styles.payOnline}>
      <Link className="button button--secondary" href={routes.billingOnlinePayment(slug, attempt.id)}>
        Actualiser
      </Link>
      {resumable ? (
        <PayOnlineForm action={action} invoiceId={invoice.id}>
          Reprendre le paiement{forInvoice}
        </PayOnlineForm>
      ) : null}
    </div>
  );
}

function Notice({ tone, title, children }: { tone: "success" | "error" | "info"; title: string; children: ReactNode }) {
  const className = tone === "info" ? "notice" : `notice notice--${tone}`;
  return (
    <section className={className} aria-labelledby="resultat-paiement">
      <h2 id="resultat-paiement">{title}</h2>
      {children}
    </section>
  );
}
