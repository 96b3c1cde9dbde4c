import type { Metadata } from "next";
import { NatureForm } from "@/components/agent/billing/nature-form";
import styles from "@/components/agent/planning/planning.module.css";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { describeTariff } from "@/lib/billing/describe-tariff";
import { listActivityBilling, listNatures, listRegies, tariffOn } from "@/lib/billing/settings";
import { PAYFIP_MODE_LABELS } from "@/lib/billing/settings-schemas";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { activityLabel } from "@/lib/planning/labels";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { saveNatureAction } from "./actions";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Paramètres de facturation" };

const days = (n: number) => `${n} jour${n > 1 ? "s" : ""}`;

/**
 * The town's billing settings: régies and natures (changed by admins), and each activity's nature and tariffs
 * (changed by every agent, on the activity's own page).
 */
export default async function BillingSettingsPage({ params }: Props) {
  const { commune: slug } = await params;
  const { commune, user } = await requireUser(slug, {
    roles: staffRoles,
    returnTo: routes.agent.billingSettings(slug),
  });
  const db = await getDb();
  const scope = { communeId: commune.id };
  const [regies, natures, activities] = await Promise.all([
    listRegies(db, scope),
    listNatures(db, scope),
    listActivityBilling(db, scope),
  ]);
  const isAdmin = user.role === "admin";
  const regieOptions = regies.map((r) => ({ value: r.id, label: `${r.name} (${r.code})` }));
  const today = todayInParis();
  const saveNature = saveNatureAction.bind(null, slug);
  return (
    <>
      <Breadcrumbs items={breadcrumbs.billingSettings(slug)} />
      <h1>Paramètres de facturation</h1>

      <h2>Régies</h2>
      {isAdmin ? (
        <ul className={styles.links}>
          <li>
            <Link className="button" href={routes.agent.newRegie(slug)}>
              Créer une régie
            </Link>
          </li>
        </ul>
      ) : (
        <p>Les régies et les natures sont modifiées par un administrateur.</p>
      )}
      {regies.length === 0 ? (
        <p>Aucune régie n&apos;est paramétrée.</p>
      ) : (
        <DataTable
          caption="Régies de la commune"
          hiddenCaption
          rows={regies}
          columns={[
            {
              header: "Régie",
              rowHeader: true,
              cell: (r) => (isAdmin ? <Link href={routes.agent.regie(slug, r.id)}>{r.name}</Link> : r.name),
            },
            { header: "Code", cell: (r) => r.code },
            { header: "N° client PayFiP", cell: (r) => r.payfipClientNumber ?? "Non renseigné" },
            { header: "Mode PayFiP", cell: (r) => PAYFIP_MODE_LABELS[r.payfipMode] },
            { header: "Délai de paiement", cell: (r) => days(r.dueDays) },
            { header: "Trésorerie", cell: (r) => `${days(r.treasuryDelayDays)} après l'échéance` },
          ]}
        />
      )}

      <h2>Natures de facturation</h2>
      {isAdmin && regies.length > 0 ? (
        <>
          {natures.map((nature) => (
            <NatureForm
              key={nature.id}
              action={saveNature}
              regies={regieOptions}
              nature={{ id: nature.id, label: nature.label, regieId: nature.regieId, childcare: nature.childcare }}
            />
          ))}
          <h3>Ajouter une nature</h3>
          <NatureForm action={saveNature} regies={regieOptions} />
        </>
      ) : natures.length === 0 ? (
        <p>Aucune nature n&apos;est paramétrée.</p>
      ) : (
        <DataTable
          caption="Natures de facturation"
          hiddenCaption
          rows={natures}
          columns={[
            { header: "Nature", rowHeader: true, cell: (n) => n.label },
            { header: "Régie", cell: (n) => `${n.regieName} (${n.regieCode})` },
            { header: "Frais de garde", cell: (n) => (n.childcare ? "Oui" : "Non (repas)") },
          ]}
        />
      )}

      <h2>Activités et tarifs</h2>
      {activities.length === 0 ? (
        <p>Aucune activité pour le moment.</p>
      ) : (
        <DataTable
          caption="Nature et tarif de chaque activité"
          hiddenCaption
          rowKey={(row) => row.activity.id}
          rows={activities}
          columns={[
            {
              header: "Activité",
              rowHeader: true,
              cell: (row) => (
                <Link href={routes.agent.activityBilling(slug, row.activity.id)}>
                  {activityLabel(row.activity)}
                  {row.activity.archived ? " (archivée)" : ""}
                </Link>
              ),
            },
            { header: "Nature", cell: (row) => row.nature?.label ?? "Non facturée" },
            {
              header: "Tarif en vigueur",
              cell: (row) => {
                const current = tariffOn(row.tariffs, today);
                return current ? describeTariff(current) : "Aucun tarif";
              },
            },
            {
              header: "Prochain tarif",
              cell: (row) => {
                const next = row.tariffs.filter((t) => t.validFrom > today).at(-1);
                return next ? `à partir du ${formatDate(next.validFrom)}` : "–";
              },
            },
          ]}
        />
      )}
    </>
  );
}
