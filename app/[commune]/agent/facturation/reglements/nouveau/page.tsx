import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PaymentForm } from "@/components/agent/billing/payment-form";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { findHouseholdName, listOpenInvoicesOfHousehold } from "@/lib/billing/agent-invoices";
import { balanceCents, invoiceStatusLabel } from "@/lib/billing/status";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { recordPaymentAction } from "./actions";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Enregistrer un règlement" };

/** A counter payment for a household of this commune (?famille=<id>); another commune's household is a 404. */
export default async function NewPaymentPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const { commune } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.invoices(slug) });
  const householdId = z.uuid().safeParse((await searchParams).famille);
  if (!householdId.success) notFound();
  const db = await getDb();
  const household = await findHouseholdName(db, { communeId: commune.id, householdId: householdId.data });
  if (!household) notFound();
  const open = await listOpenInvoicesOfHousehold(db, { communeId: commune.id, householdId: household.id });
  const invoicesHref = routes.agent.invoices(slug, { famille: household.id });
  const householdLink = (
    <Link href={routes.agent.household(slug, household.id)}>Dossier de la famille {household.name}</Link>
  );

  return (
    <>
      <Breadcrumbs items={breadcrumbs.agentBilling(slug, "Enregistrer un règlement")} />
      <h1>Enregistrer un règlement – Famille {household.name}</h1>
      {open.length === 0 ? (
        <>
          <p role="status">La famille {household.name} n&apos;a aucune facture à régler auprès de la régie.</p>
          <p className="button-row">
            <Link href={invoicesHref}>Factures de la famille {household.name}</Link>
            {householdLink}
          </p>
        </>
      ) : (
        <PaymentForm
          action={recordPaymentAction.bind(null, slug)}
          householdId={household.id}
          idempotencyKey={randomUUID()}
          today={todayInParis()}
          invoices={open.map((invoice) => ({
            id: invoice.id,
            reference: invoice.reference,
            issuer: invoice.issuer,
            issuedOn: invoice.issuedOn,
            dueOn: invoice.dueOn,
            amountCents: invoice.amountCents,
            balanceCents: balanceCents(invoice),
            statusLabel: invoiceStatusLabel(invoice),
          }))}
          after={
            <p className="button-row">
              <Link href={invoicesHref}>Factures de la famille {household.name}</Link>
              {householdLink}
              {/* A full load: a new form, with a new key. */}
              <a href={routes.agent.newPayment(slug, household.id)}>Enregistrer un autre règlement</a>
            </p>
          }
        />
      )}
    </>
  );
}
