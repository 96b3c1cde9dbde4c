import type { Metadata } from "next";
import { AgentSecondFactorForm } from "@/components/agent/agent-second-factor-form";
import { CreateStaffAccountForm } from "@/components/agent/create-staff-account-form";
import { StaffAccountActions } from "@/components/agent/staff-account-actions";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { DataTable } from "@/components/ui/data-table";
import type { User } from "@/db/schema";
import { staffRoleLabels } from "@/lib/agents/schemas";
import { listStaffAccounts } from "@/lib/agents/staff-accounts";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import {
  createStaffAccountAction,
  resendStaffInvitationAction,
  resetStaffSecondFactorAction,
  setAgentSecondFactorRequirementAction,
  setStaffAccountStatusAction,
} from "./actions";

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
  const accountActions = {
    resendInvitation: resendStaffInvitationAction.bind(null, slug),
    setStatus: setStaffAccountStatusAction.bind(null, slug),
    resetSecondFactor: resetStaffSecondFactorAction.bind(null, slug),
  };
  return (
    <>
      <Breadcrumbs items={breadcrumbs.agentSpace(slug, "Comptes agents")} />
      <h1>Comptes agents</h1>
      <DataTable
        label="Comptes agents"
        caption={`Comptes des agents et administrateurs de ${commune.name}`}
        hiddenCaption
        rows={accounts}
        columns={[
          { header: "Nom", cell: (account) => `${account.firstName} ${account.lastName}` },
          { header: "E-mail", cell: (account) => account.email },
          {
            header: "Rôle",
            cell: (account) => (account.role === "admin" ? staffRoleLabels.admin : staffRoleLabels.agent),
          },
          {
            header: "Statut",
            cell: (account) => (
              <span className={statusBadges[account.status].className}>{statusBadges[account.status].label}</span>
            ),
          },
          {
            header: "Double authentification",
            cell: (account) => (account.secondFactorSince ? "Activée" : "Non activée"),
          },
          {
            header: "Actions",
            cell: (account) =>
              account.id === user.id ? (
                "Votre compte"
              ) : (
                <StaffAccountActions actions={accountActions} account={account} />
              ),
          },
        ]}
      />
      <AgentSecondFactorForm
        action={setAgentSecondFactorRequirementAction.bind(null, slug)}
        required={commune.requireAgentSecondFactor}
      />
      <CreateStaffAccountForm action={createStaffAccountAction.bind(null, slug)} />
    </>
  );
}
