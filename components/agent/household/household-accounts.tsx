import { DataTable } from "@/components/ui/data-table";
import { formatDate } from "@/lib/format";
import type { HouseholdDetail } from "@/lib/households/household-detail";
import { civilityLabels } from "@/lib/validation/fields";

const subscriptionMethodLabels = { subscriber_code: "Code abonné", invoice: "Facture", agent: "Par un agent" } as const;

/** "Comptes abonnés": the citizen accounts that follow the household, since when and how they subscribed. */
export function HouseholdAccounts({ household }: { household: HouseholdDetail }) {
  return (
    <>
      <h2>Comptes abonnés</h2>
      {household.accounts.length === 0 ? (
        <p>Aucun compte citoyen n&apos;est abonné à ce dossier.</p>
      ) : (
        <DataTable
          label="Comptes abonnés"
          caption={`Comptes citoyens abonnés au dossier de la famille ${household.name}`}
          hiddenCaption
          rows={household.accounts}
          rowKey={(account) => account.userId}
          columns={[
            {
              header: "Titulaire",
              cell: (account) => `${civilityLabels[account.civility]} ${account.firstName} ${account.lastName}`,
            },
            { header: "E-mail", cell: (account) => account.email },
            { header: "Abonné depuis le", cell: (account) => formatDate(account.since) },
            { header: "Abonnement", cell: (account) => subscriptionMethodLabels[account.method] },
          ]}
        />
      )}
    </>
  );
}
