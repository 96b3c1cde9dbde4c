import type { Metadata } from "next";
import { AgentSecondFactorForm } from "@/components/agent/agent-second-factor-form";
import { CreateStaffAccountForm } from "@/components/agent/create-staff-account-form";
import { StaffAccountActions } from "@/components/agent/staff-account-actions";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { TableWrap } from "@/components/ui/table-wrap";
import type { User } from "@/db/schema";
import { staffRoleLabels } from "@/lib/agents/schemas";
import { listStaffAccounts } from "@/lib/agents/staff-accounts";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Comptes agents" };

const statusBadges: Record<User["status"], { label: string; className: string }> = {
  active: { label: "Actif", className: "badge badge--success" },
  pending: { label: "Invitation envoyée", className: "badge" },
  disabled: { label: "Désactivé", className: "badge badge--danger" },
};

/** Admins only: the commune's staff accounts, their invitations and their deactivation. */
export default async function StaffAccountsPage({ params }: Props) {
  const { commune: slug } = await params;
  const { commune, user } = await requireUser(slug, { roles: ["admin"], returnTo: routes.agent.staffAccounts(slug) });
  const accounts = await listStaffAccounts(await getDb(), { communeId: commune.id });
  return (
    <>
      <Breadcrumbs items={breadcrumbs.agentSpace(slug, "Comptes agents")} />
      <h1>Comptes agents</h1>
      <TableWrap label="Comptes agents">
        <table>
          <caption className="visually-hidden">Comptes des agents et administrateurs de {commune.name}</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">E-mail</th>
              <th scope="col">Rôle</th>
              <th scope="col">Statut</th>
              <th scope="col">Double authentification</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id}>
                <td>
                  {account.firstName} {account.lastName}
                </td>
                <td>{account.email}</td>
                <td>{account.role === "admin" ? staffRoleLabels.admin : staffRoleLabels.agent}</td>
                <td>
                  <span className={statusBadges[account.status].className}>{statusBadges[account.status].label}</span>
                </td>
                <td>{account.secondFactorSince ? "Activée" : "Non activée"}</td>
                <td>
                  {account.id === user.id ? "Votre compte" : <StaffAccountActions slug={slug} account={account} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <AgentSecondFactorForm slug={slug} required={commune.requireAgentSecondFactor} />
      <CreateStaffAccountForm slug={slug} />
    </>
  );
}
