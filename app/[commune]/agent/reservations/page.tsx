import type { Metadata } from "next";
import { BookingDecisionForm, type PendingLineView } from "@/components/agent/planning/booking-decision-form";
import { DayFilterForm } from "@/components/agent/planning/day-filter-form";
import { DayRoster } from "@/components/agent/planning/day-roster";
import { PendingDaysTable } from "@/components/agent/planning/pending-days-table";
import styles from "@/components/agent/planning/planning.module.css";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { listActivities } from "@/lib/activities/activities";
import { describeDay, describePlaces } from "@/lib/activities/labels";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { type ActivityDay, listPendingDays, loadActivityDay } from "@/lib/bookings/agent-views";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { activityLabel } from "@/lib/planning/labels";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { decideBookingsAction } from "./actions";
import { bookingInboxSearchParams, selectedDay } from "./search-params";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Réservations et absences" };

function pendingLines(slug: string, view: ActivityDay): PendingLineView[] {
  return view.pending.map((line) => ({
    bookingId: line.bookingId,
    childName: line.childName,
    householdName: line.householdName,
    householdHref: routes.agent.household(slug, line.householdId),
    kindLabel: line.status === "absence_requested" ? "Absence" : "Réservation",
    reference: line.reference,
    requestedAt: formatDateTime(line.requestedAt),
  }));
}

/**
 * The families' booking and absence requests, by activity and day: the days waiting for a decision, then one
 * day's requests to accept or refuse together, with the places left and the day's roster beneath.
 */
export default async function BookingInboxPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const { commune } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.bookings(slug) });
  const search = bookingInboxSearchParams.parse(await searchParams);
  const db = await getDb();
  const [activities, pendingDays] = await Promise.all([
    listActivities(db, { communeId: commune.id }),
    listPendingDays(db, { communeId: commune.id }),
  ]);
  const selection = selectedDay(search, pendingDays, todayInParis());
  const view = selection ? await loadActivityDay(db, { communeId: commune.id, ...selection }) : null;
  const dayText = view ? describeDay(view.day) : "";

  return (
    <>
      <Breadcrumbs items={breadcrumbs.bookings(slug)} />
      <h1>Réservations et absences</h1>
      <h2>Jours avec des demandes en attente</h2>
      <PendingDaysTable days={pendingDays} selected={selection} hrefOf={(day) => routes.agent.bookings(slug, day)} />
      <DayFilterForm
        activities={activities.map((activity) => ({ id: activity.id, label: activityLabel(activity) }))}
        selected={selection}
      />

      {selection && !view ? (
        <p className="notice notice--error" role="alert">
          Cette activité est introuvable.{" "}
          <Link href={routes.agent.bookings(slug)}>Revenir aux demandes en attente</Link>
        </p>
      ) : null}
      {view ? (
        <section aria-labelledby="jour-choisi">
          <h2 id="jour-choisi">
            {view.activity.label} – {dayText}
          </h2>
          <dl className="facts">
            <dt>Établissement</dt>
            <dd>{view.activity.facility}</dd>
            <dt>Horaires</dt>
            <dd>
              de {view.activity.startTime} à {view.activity.endTime}
            </dd>
            <dt>Places occupées</dt>
            <dd
              className={
                view.activity.capacity !== null && view.placesTaken >= view.activity.capacity ? styles.full : undefined
              }
            >
              {describePlaces(view.placesTaken, view.activity.capacity)}
            </dd>
          </dl>
          <h3>Demandes en attente</h3>
          <p className="field__hint">
            Une réservation acceptée un jour complet est mise en liste d&apos;attente ; une absence acceptée libère une
            place.
          </p>
          <BookingDecisionForm
            key={`${view.activity.id}-${view.day}`}
            action={decideBookingsAction.bind(null, slug)}
            lines={pendingLines(slug, view)}
            caption={`Demandes en attente du ${dayText} – ${view.activity.label} (${view.pending.length})`}
          />
          <DayRoster slug={slug} view={view} />
        </section>
      ) : null}
    </>
  );
}
