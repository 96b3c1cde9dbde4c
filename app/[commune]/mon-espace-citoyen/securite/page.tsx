import type { Metadata } from "next";
import { SecondFactorSection } from "@/components/accounts/second-factor-section";
import { InlineActionForm } from "@/components/agent/inline-action-form";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { secondFactorSummary } from "@/lib/auth/second-factor/store";
import { requireUser } from "@/lib/auth/session";
import { listLiveSessions } from "@/lib/auth/sessions";
import { describeUserAgent } from "@/lib/auth/user-agent";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { endOtherSession, logOutEverywhere } from "./actions";

type Props = { params: Promise<{ commune: string }> };

const TITLE = "Sécurité";

export const metadata: Metadata = { title: TITLE };

/** The account's open sessions, and the ways to close them. */
export default async function SecurityPage({ params }: Props) {
  const { commune: slug } = await params;
  const { commune, user } = await requireUser(slug, { returnTo: routes.citizen.security(slug) });
  const db = await getDb();
  const sessions = await listLiveSessions(db, { communeId: commune.id, userId: user.id });
  const endSession = endOtherSession.bind(null, commune.slug);
  return (
    <>
      <Breadcrumbs items={breadcrumbs.citizenSpace(slug, TITLE)} />
      <h1>{TITLE}</h1>
      <h2>Mes sessions ouvertes</h2>
      <p>
        Chaque connexion à votre compte ouvre une session, fermée à la déconnexion, après 30 minutes sans activité ou au
        plus tard 12 heures après la connexion. Si vous ne reconnaissez pas un appareil, fermez sa session et changez
        votre mot de passe.
      </p>
      <ul className="card-list">
        {sessions.map((session) => {
          const device = describeUserAgent(session.userAgent);
          return (
            <li key={session.id} className="card">
              <h3>{device}</h3>
              <p>
                Connexion : {formatDateTime(session.createdAt)}
                <br />
                Dernière activité : {formatDateTime(session.lastSeenAt)}
              </p>
              {session.id === user.sessionId ? (
                <p>
                  <strong>Cet appareil</strong>
                </p>
              ) : (
                <InlineActionForm
                  action={endSession}
                  fields={{ sessionId: session.id }}
                  label="Déconnecter"
                  accessibleLabel={`Déconnecter la session ${device} ouverte le ${formatDateTime(session.createdAt)}`}
                />
              )}
            </li>
          );
        })}
      </ul>
      {user.role === "family" ? null : (
        <SecondFactorSection
          slug={slug}
          summary={await secondFactorSummary(db, { communeId: commune.id, userId: user.id })}
        />
      )}
      <h2>Se déconnecter partout</h2>
      <p>
        Ferme toutes vos sessions, celle-ci comprise, et désactive les liens de synchronisation d&apos;agenda que vous
        avez créés. Vous devrez vous reconnecter.
      </p>
      <InlineActionForm
        action={logOutEverywhere.bind(null, commune.slug)}
        fields={{}}
        label="Se déconnecter de tous mes appareils"
        danger
      />
    </>
  );
}
