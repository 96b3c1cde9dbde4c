import { PeriodForm, type PeriodFormValues } from "@/components/planning/period-form";
import { EMPTY_PREVIEW, type PreviewView } from "@/components/planning/period-form-preview";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { NoSubscriptionNotice } from "@/components/subscriptions/no-subscription-notice";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { listEnrolmentChoices } from "@/lib/bookings/planning";
import { slotRequestSchema } from "@/lib/bookings/schemas";
import { previewSlotRequest } from "@/lib/bookings/submit";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import type { SlotRequestKind } from "@/lib/planning/period";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { chooseSubscribedHousehold } from "@/lib/subscriptions/households";
import { previewPeriodRequest, submitPeriodRequest } from "./actions";

export type PeriodPageProps = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const PERIOD_PAGES = {
  booking: { title: "Réservation d'activité", path: routes.family.bookingPeriod },
  absence: { title: "Absence à une activité", path: routes.family.absencePeriod },
} as const satisfies Record<SlotRequestKind, { title: string; path: (slug: string) => string }>;

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

/** The form's values carried in the address by the no-JavaScript "Vérifier les dates" (a GET of the form). */
function valuesFromQuery(query: Record<string, string | string[] | undefined>): PeriodFormValues {
  return {
    childId: text(query.childId),
    activityId: text(query.activityId),
    from: text(query.from),
    to: text(query.to),
    weekdays: [query.weekdays ?? []].flat(),
  };
}

/** "Réservation d'activité" and "Absence à une activité": one page, two kinds of request. */
export async function PeriodRequestPage({ params, searchParams, kind }: PeriodPageProps & { kind: SlotRequestKind }) {
  const { commune: slug } = await params;
  const page = PERIOD_PAGES[kind];
  const { commune, user } = await requireUser(slug, { returnTo: page.path(slug) });
  const query = await searchParams;
  const db = await getDb();
  const households = await chooseSubscribedHousehold(db, {
    communeId: commune.id,
    userId: user.id,
    requested: query.famille,
  });
  const heading = (
    <>
      <Breadcrumbs items={breadcrumbs.planning(slug, page.title)} />
      <h1>{page.title}</h1>
    </>
  );
  if (!households) {
    return (
      <>
        {heading}
        <NoSubscriptionNotice commune={commune} canSubscribe={user.role === "family"} />
      </>
    );
  }

  const household = households.current;
  const choices = await listEnrolmentChoices(db, { communeId: commune.id, householdId: household.id });
  const initial = valuesFromQuery(query);
  const asked = slotRequestSchema.safeParse({ kind, ...initial });
  let initialPreview: PreviewView = EMPTY_PREVIEW;
  if (asked.success) {
    const preview = await previewSlotRequest(db, {
      communeId: commune.id,
      householdId: household.id,
      input: asked.data,
    });
    initialPreview = preview.ok
      ? { days: preview.days, problems: [], checking: false }
      : { days: null, problems: Object.values(preview.fieldErrors), checking: false };
  }
  const several = households.all.length > 1;

  return (
    <>
      {heading}
      {several ? <p>Famille {household.name}</p> : null}
      <p>
        Ce formulaire permet de faire une demande {kind === "booking" ? "de réservation" : "d'absence"} sur une longue
        période en précisant les journées concernées. La collectivité traite ensuite la demande ; suivez-la dans{" "}
        <Link href={routes.citizen.requests(slug)}>Mes demandes</Link> ou dans la{" "}
        <Link href={routes.family.planningList(slug)}>liste des demandes</Link>.
      </p>
      {choices.length === 0 ? (
        <p className="notice">
          Aucun enfant de ce dossier n&apos;est inscrit à une activité pour le moment : les inscriptions sont faites par
          la collectivité. <Link href={routes.family.planning(slug)}>Retour au planning</Link>
        </p>
      ) : (
        <PeriodForm
          slug={slug}
          kind={kind}
          choices={choices}
          initial={initial}
          initialPreview={initialPreview}
          today={todayInParis()}
          householdId={several ? household.id : undefined}
          preview={previewPeriodRequest.bind(null, slug)}
          submit={submitPeriodRequest.bind(null, slug)}
        />
      )}
    </>
  );
}
