import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AuditTable } from "@/components/agent/audit/audit-table";
import { HouseholdQuotientForm } from "@/components/agent/audit/household-quotient-form";
import { HouseholdBilling } from "@/components/agent/billing/household-billing";
import { HouseholdDocuments, householdDocumentLines } from "@/components/agent/documents/household-documents";
import { HouseholdAccounts } from "@/components/agent/household/household-accounts";
import { HouseholdActionDialog } from "@/components/agent/household/household-action-dialog";
import { HouseholdChildren } from "@/components/agent/household/household-children";
import { HouseholdGuardians } from "@/components/agent/household/household-guardians";
import { SubscriberCodeCard } from "@/components/agent/household/subscriber-code-card";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { listHouseholdAudit } from "@/lib/agents/audit-read";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { householdBillingSummary } from "@/lib/billing/agent-invoices";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { listHouseholdDocuments } from "@/lib/documents/household-documents";
import { readDocumentSettings } from "@/lib/documents/types";
import { listHouseholdPhotoVersions } from "@/lib/family-file/photo-store";
import { formatDate } from "@/lib/format";
import { findHouseholdDetail } from "@/lib/households/household-detail";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { regenerateSubscriberCodeAction } from "./actions";
import { closeHouseholdAction, reopenHouseholdAction } from "./actions-closure";
import { updateFamilyQuotientAction } from "./actions-quotient";

type Props = { params: Promise<{ commune: string; id: string }> };

export const metadata: Metadata = { title: "Dossier famille" };

/** A household of this commune for the agents; an id of another commune (or not an id) is a 404. */
export default async function HouseholdPage({ params }: Props) {
  const { commune: slug, id } = await params;
  const { commune } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.households(slug) });
  const householdId = z.uuid().safeParse(id);
  if (!householdId.success) notFound();
  const household = await findHouseholdDetail(await getDb(), { communeId: commune.id, householdId: householdId.data });
  if (!household) notFound();
  const history = await listHouseholdAudit(await getDb(), { communeId: commune.id, householdId: household.id });
  const photos = await listHouseholdPhotoVersions(await getDb(), { communeId: commune.id, householdId: household.id });
  const billing = await householdBillingSummary(await getDb(), { communeId: commune.id, householdId: household.id });
  const documentLines = await listHouseholdDocuments(await getDb(), {
    communeId: commune.id,
    householdId: household.id,
    today: todayInParis(),
  });
  const { retentionMonths } = await readDocumentSettings(await getDb(), { communeId: commune.id });
  const closedOn = household.closedAt ? formatDate(household.closedAt) : null;
  const lines = householdDocumentLines(documentLines);

  return (
    <>
      <Breadcrumbs items={breadcrumbs.households(slug, `Famille ${household.name}`)} />
      <h1>Famille {household.name}</h1>
      {closedOn ? (
        <p className="notice" role="status">
          Dossier clôturé le {closedOn} : ses pièces justificatives seront supprimées {retentionMonths} mois après la
          clôture.
        </p>
      ) : null}

      <SubscriberCodeCard regenerate={regenerateSubscriberCodeAction.bind(null, slug)} household={household} />
      <HouseholdQuotientForm
        action={updateFamilyQuotientAction.bind(null, slug)}
        householdId={household.id}
        familyQuotient={household.familyQuotient}
      />
      <HouseholdGuardians household={household} />
      <HouseholdChildren slug={slug} household={household} photos={photos} />
      <HouseholdAccounts household={household} />
      <HouseholdBilling slug={slug} householdId={household.id} summary={billing} />
      <HouseholdDocuments slug={slug} householdName={household.name} lines={lines} />

      <section aria-labelledby="cloture">
        <h2 id="cloture">Clôture du dossier</h2>
        <p>
          {closedOn
            ? `Dossier clôturé le ${closedOn}.`
            : "Clôturez le dossier d'une famille qui a quitté la commune : ses pièces justificatives seront supprimées à la fin de la durée de conservation."}
        </p>
        {closedOn ? (
          <HouseholdActionDialog
            key="clos"
            action={reopenHouseholdAction.bind(null, slug)}
            householdId={household.id}
            trigger="Rouvrir le dossier"
            title="Rouvrir le dossier ?"
            confirm="Rouvrir le dossier"
          >
            {`Le dossier de la famille ${household.name}, clôturé le ${closedOn}, sera rouvert : ses pièces justificatives ne seront plus supprimées.`}
          </HouseholdActionDialog>
        ) : (
          <HouseholdActionDialog
            key="ouvert"
            action={closeHouseholdAction.bind(null, slug)}
            householdId={household.id}
            trigger="Clôturer le dossier"
            title="Clôturer le dossier ?"
            confirm="Clôturer le dossier"
            danger
          >
            {`Le dossier de la famille ${household.name} sera clôturé : ses pièces justificatives seront supprimées ${retentionMonths} mois après la clôture, sauf s'il est rouvert d'ici là.`}
          </HouseholdActionDialog>
        )}
      </section>

      <h2>Historique</h2>
      {history.length === 0 ? (
        <p>Aucune action enregistrée sur ce dossier.</p>
      ) : (
        <AuditTable
          rows={history}
          caption={`Dernières actions sur le dossier de la famille ${household.name}`}
          showTarget={false}
        />
      )}
    </>
  );
}
