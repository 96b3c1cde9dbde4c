import type { Metadata } from "next";
import { CalendarFeedSettings } from "@/components/planning/calendar-feed";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { NoSubscriptionNotice } from "@/components/subscriptions/no-subscription-notice";
import { requireUser } from "@/lib/auth/session";
import { findCalendarFeed } from "@/lib/bookings/ical";
import { getDb } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { chooseSubscribedHousehold } from "@/lib/subscriptions/households";
import { createCalendarLink, revokeCalendarLink } from "./actions";

type Props = { params: Promise<{ commune: string }>; searchParams: Promise<{ famille?: string | string[] }> };

const TITLE = "Synchroniser avec mon agenda";

export const metadata: Metadata = { title: TITLE };

/** The household's planning in the family's own calendar app, through a private iCalendar link. */
export default async function CalendarSyncPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const { commune, user } = await requireUser(slug, { returnTo: routes.family.calendarSync(slug) });
  const db = await getDb();
  const households = await chooseSubscribedHousehold(db, {
    communeId: commune.id,
    userId: user.id,
    requested: (await searchParams).famille,
  });
  const heading = (
    <>
      <Breadcrumbs items={breadcrumbs.planning(slug, TITLE)} />
      <h1>{TITLE}</h1>
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
  const feed = await findCalendarFeed(db, { communeId: commune.id, householdId: household.id });
  return (
    <>
      {heading}
      {households.all.length > 1 ? <p>Famille {household.name}</p> : null}
      <p>
        Abonnez votre application d&apos;agenda (Google Agenda, Outlook, Calendrier d&apos;Apple…) au planning de vos
        enfants : les jours réservés, les demandes en cours, les listes d&apos;attente et les absences, d&apos;un mois
        en arrière à six mois en avant. L&apos;agenda se met à jour tout seul, au rythme choisi par votre application
        (souvent quelques heures). Il est en lecture seule : les demandes se font toujours depuis le planning.
      </p>
      <h2>Confidentialité</h2>
      <p>
        Ce lien est personnel : toute personne qui le connaît peut voir le planning de vos enfants. Nous n&apos;en
        conservons qu&apos;une empreinte (un « hachage ») qui permet de le reconnaître mais pas de le retrouver :
        c&apos;est pourquoi il n&apos;est affiché qu&apos;une seule fois, à sa création. Si vous le perdez ou pensez
        qu&apos;il a été partagé, créez-en un nouveau ou révoquez-le.
      </p>
      <CalendarFeedSettings
        householdId={household.id}
        activeSince={feed ? formatDate(feed.createdAt) : null}
        create={createCalendarLink.bind(null, slug)}
        revoke={revokeCalendarLink.bind(null, slug)}
      />
      <h2>Ajouter le lien à votre agenda</h2>
      <ul>
        <li>
          Google Agenda (sur ordinateur) : « Autres agendas », « + », « À partir de l&apos;URL », puis collez le lien.
        </li>
        <li>Outlook : « Ajouter un calendrier », « S&apos;abonner à partir du web », puis collez le lien.</li>
        <li>Calendrier d&apos;Apple : « Fichier », « Nouvel abonnement à un calendrier », puis collez le lien.</li>
      </ul>
    </>
  );
}
