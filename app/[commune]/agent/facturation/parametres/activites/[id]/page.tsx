import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActivityNatureForm } from "@/components/agent/billing/activity-nature-form";
import billing from "@/components/agent/billing/billing.module.css";
import { TariffForm, type TariffValues } from "@/components/agent/billing/tariff-form";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import type { Tariff } from "@/db/schema";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { centsToEurosInput } from "@/lib/billing/euros";
import { findActivityBilling, listNatures, tariffOn } from "@/lib/billing/settings";
import { describeBracket } from "@/lib/billing/settings-schemas";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { formatDate, formatEuros } from "@/lib/format";
import { isIsoDay } from "@/lib/planning/days";
import { activityLabel } from "@/lib/planning/labels";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { saveTariffAction, setActivityNatureAction } from "../../actions";

type Props = {
  params: Promise<{ commune: string; id: string }>;
  searchParams: Promise<{ depuis?: string | string[] }>;
};

export const metadata: Metadata = { title: "Nature et tarifs de l'activité" };

/** The form's start: the tariff being corrected, else the latest one's brackets from a date to choose. */
function formValues(tariff: Tariff | undefined, correcting: boolean): TariffValues {
  if (!tariff)
    return {
      validFrom: "",
      defaultUnitPrice: "",
      brackets: [
        { upToQuotient: "", unitPrice: "" },
        { upToQuotient: "", unitPrice: "" },
      ],
    };
  return {
    validFrom: correcting ? tariff.validFrom : "",
    defaultUnitPrice: centsToEurosInput(tariff.defaultUnitCents),
    brackets: tariff.brackets.map((b) => ({
      upToQuotient: b.upToQuotient === null ? "" : String(b.upToQuotient),
      unitPrice: centsToEurosInput(b.unitCents),
    })),
  };
}

/** An activity's nature de facturation and its tariffs by quotient familial, for every agent. */
export default async function ActivityBillingPage({ params, searchParams }: Props) {
  const { commune: slug, id } = await params;
  const { commune } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.activityBilling(slug, id) });
  const activityId = z.uuid().safeParse(id);
  if (!activityId.success) notFound();
  const db = await getDb();
  const [found, natures] = await Promise.all([
    findActivityBilling(db, { communeId: commune.id, activityId: activityId.data }),
    listNatures(db, { communeId: commune.id }),
  ]);
  if (!found) notFound();
  const { activity, tariffs } = found;
  const label = activityLabel(activity);
  const today = todayInParis();
  const current = tariffOn(tariffs, today);
  const from = (await searchParams).depuis;
  const corrected = typeof from === "string" && isIsoDay(from) ? tariffs.find((t) => t.validFrom === from) : undefined;
  return (
    <>
      <Breadcrumbs items={breadcrumbs.billingSettings(slug, label)} />
      <h1>Facturation de {label}</h1>
      <p>
        <Link href={routes.agent.activity(slug, activity.id)}>Jours, horaires et délais de l&apos;activité</Link>
      </p>

      <h2>Nature de facturation</h2>
      <ActivityNatureForm
        action={setActivityNatureAction.bind(null, slug)}
        activityId={activity.id}
        natureId={activity.natureId}
        natures={natures.map((n) => ({ value: n.id, label: `${n.label} (${n.regieCode})` }))}
      />

      <h2>Tarifs</h2>
      {tariffs.length === 0 ? (
        <p>Aucun tarif : les jours de cette activité ne peuvent pas être facturés.</p>
      ) : (
        <DataTable
          caption={`Tarifs de ${label}`}
          hiddenCaption
          rows={tariffs}
          columns={[
            {
              header: "Applicable à partir du",
              rowHeader: true,
              cell: (t) => (
                <>
                  {formatDate(t.validFrom)}
                  {t.id === current?.id ? <span className="badge">En vigueur</span> : null}
                </>
              ),
            },
            { header: "QF inconnu", cell: (t) => formatEuros(t.defaultUnitCents) },
            {
              header: "Tranches",
              cell: (t) => (
                <ul className={billing.brackets}>
                  {t.brackets.map((bracket, index) => (
                    <li key={bracket.upToQuotient ?? "open"}>
                      {describeBracket(bracket, t.brackets[index - 1])} : {formatEuros(bracket.unitCents)}
                    </li>
                  ))}
                </ul>
              ),
            },
            {
              header: "Correction",
              cell: (t) => (
                <Link
                  href={routes.agent.activityBilling(slug, activity.id, { from: t.validFrom })}
                  aria-label={`Corriger le tarif du ${formatDate(t.validFrom)}`}
                >
                  Corriger
                </Link>
              ),
            },
          ]}
        />
      )}

      <h2>{corrected ? `Corriger le tarif du ${formatDate(corrected.validFrom)}` : "Nouveau tarif"}</h2>
      <p>
        {corrected
          ? "Un tarif ne peut être corrigé que tant qu'aucune facture ne l'a utilisé ; sinon, saisissez un nouveau tarif à partir du mois suivant le dernier mois facturé."
          : "Les prix des tranches sont repris du dernier tarif : choisissez la date d'application et changez les prix votés."}
      </p>
      <TariffForm
        key={corrected?.id ?? "new"}
        action={saveTariffAction.bind(null, slug)}
        activityId={activity.id}
        initial={formValues(corrected ?? tariffs[0], Boolean(corrected))}
      />
    </>
  );
}
