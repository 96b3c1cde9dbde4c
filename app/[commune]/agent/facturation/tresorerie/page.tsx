import type { Metadata } from "next";
import { TreasuryForm, type TreasuryRow } from "@/components/agent/billing/treasury-form";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { listTreasuryEligible } from "@/lib/billing/treasury";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { formatDate, formatEuros } from "@/lib/format";
import { addDays } from "@/lib/planning/days";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { transmitToTreasuryAction } from "./actions";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Trésorerie" };

/** The invoices unpaid past their due date + the régie's delay, to transmit to the treasury in bulk. */
export default async function TreasuryPage({ params }: Props) {
  const { commune: slug } = await params;
  const { commune } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.treasury(slug) });
  const today = todayInParis();
  const { total, rows } = await listTreasuryEligible(await getDb(), { communeId: commune.id, today });
  const shown: TreasuryRow[] = rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    href: routes.agent.invoice(slug, row.id),
    householdName: row.householdName,
    householdHref: routes.agent.household(slug, row.householdId),
    issuedOn: formatDate(row.issuedOn),
    dueOn: formatDate(row.dueOn),
    transmissibleFrom: formatDate(addDays(row.dueOn, row.delayDays + 1)),
    amount: formatEuros(row.amountCents),
    balance: formatEuros(row.amountCents - row.paidCents),
  }));
  const caption =
    total > rows.length
      ? `Factures à transmettre (${total} au total, les ${rows.length} plus anciennes ci-dessous)`
      : `Factures à transmettre (${total})`;

  return (
    <>
      <Breadcrumbs items={breadcrumbs.agentBilling(slug, "Trésorerie")} />
      <h1>Trésorerie</h1>
      <p>
        Les factures impayées après leur échéance et le délai de leur régie, hors prélèvement. Une facture transmise en
        trésorerie n&apos;est plus payable auprès de la régie ni en ligne : la famille la règle auprès du comptable
        public.
      </p>
      <TreasuryForm action={transmitToTreasuryAction.bind(null, slug)} rows={shown} caption={caption} />
    </>
  );
}
