import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Facturation" };

/** The agents' billing pages. */
export default async function AgentBillingPage({ params }: Props) {
  const { commune: slug } = await params;
  await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.billing(slug) });
  return (
    <>
      <Breadcrumbs items={breadcrumbs.agentBilling(slug)} />
      <h1>Facturation</h1>
      <ul className="tiles">
        <li>
          <Link className="tile" href={routes.agent.invoices(slug)}>
            <span className="tile__title">Factures</span>
            <span className="tile__text">
              Rechercher une facture, voir ses lignes et ses règlements, enregistrer un règlement, annuler par un avoir.
            </span>
          </Link>
        </li>
        <li>
          <Link className="tile" href={routes.agent.treasury(slug)}>
            <span className="tile__title">Trésorerie</span>
            <span className="tile__text">Transmettre en trésorerie les factures impayées après leur échéance.</span>
          </Link>
        </li>
      </ul>
    </>
  );
}
