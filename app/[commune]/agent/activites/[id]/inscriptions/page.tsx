import type { Metadata } from "next";
import { ChildChoiceTable } from "@/components/agent/planning/child-choice-table";
import { EnrolChildForm } from "@/components/agent/planning/enrolment-forms";
import { EnrolmentTable } from "@/components/agent/planning/enrolment-table";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { SearchField, SearchForm } from "@/components/ui/search-form";
import { CHILD_SEARCH_LIMIT, findChildOfCommune, listEnrolments, searchChildren } from "@/lib/activities/enrolments";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import type { IsoDay } from "@/lib/planning/days";
import { activityLabel } from "@/lib/planning/labels";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { createEnrolmentAction } from "../../actions";
import { activityFromParams } from "../../activity-from-params";
import { enrolmentSearchParams } from "./search-params";

type Props = {
  params: Promise<{ commune: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Inscriptions" };

/** A new enrolment runs from today to the end of the school year (31 August). */
function defaultPeriod(today: IsoDay) {
  const [year, month] = today.split("-").map(Number) as [number, number];
  return { startsOn: today, endsOn: `${month >= 9 ? year + 1 : year}-08-31` };
}

/** Who is enrolled at the activity, and enrolling a child found by name. */
export default async function EnrolmentsPage({ params, searchParams }: Props) {
  const { commune: slug, id } = await params;
  const { commune } = await requireUser(slug, {
    roles: staffRoles,
    returnTo: routes.agent.enrolments(slug, id),
  });
  const activity = await activityFromParams(commune.id, id);
  const search = enrolmentSearchParams.parse(await searchParams);
  const db = await getDb();
  const [lines, choices, chosen] = await Promise.all([
    listEnrolments(db, { communeId: commune.id, activityId: activity.id }),
    searchChildren(db, { communeId: commune.id, query: search.q }),
    search.enfant ? findChildOfCommune(db, { communeId: commune.id, childId: search.enfant }) : null,
  ]);
  const label = activityLabel(activity);

  return (
    <>
      <Breadcrumbs items={breadcrumbs.enrolments(slug, { id: activity.id, label })} />
      <h1>Inscriptions à {label}</h1>
      <EnrolmentTable slug={slug} activityLabel={label} lines={lines} />

      <h2>Inscrire un enfant</h2>
      <SearchForm label="Rechercher un enfant à inscrire" submitLabel="Rechercher" secondary>
        <SearchField
          id="recherche-enfant"
          label="Rechercher un enfant"
          hint={`Prénom, nom de l'enfant ou nom de la famille (${CHILD_SEARCH_LIMIT} résultats au plus).`}
          defaultValue={search.q}
        />
      </SearchForm>
      {search.q ? (
        <ChildChoiceTable
          choices={choices}
          hrefOf={(childId) => routes.agent.enrolments(slug, activity.id, { q: search.q, enfant: childId })}
        />
      ) : null}

      {chosen ? (
        <EnrolChildForm
          key={chosen.id}
          action={createEnrolmentAction.bind(null, slug)}
          activityId={activity.id}
          child={{ id: chosen.id, name: `${chosen.firstName} ${chosen.lastName}` }}
          period={defaultPeriod(todayInParis())}
        />
      ) : search.enfant ? (
        <p className="notice notice--error" role="alert">
          Cet enfant est introuvable.{" "}
          <Link href={routes.agent.enrolments(slug, activity.id, { q: search.q })}>Reprendre la recherche</Link>
        </p>
      ) : null}
    </>
  );
}
