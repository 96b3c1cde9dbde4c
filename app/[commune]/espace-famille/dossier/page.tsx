import type { Metadata } from "next";
import { DocumentsToProvide } from "@/components/documents/documents-to-provide";
import styles from "@/components/family-file/family-file.module.css";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { NoSubscriptionNotice } from "@/components/subscriptions/no-subscription-notice";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { countDocumentsToProvide } from "@/lib/documents/household-documents";
import { readFamilyFileSummaries } from "@/lib/family-file/summary";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { listSubscribedHouseholds } from "@/lib/subscriptions/households";
import { civilityLabels } from "@/lib/validation/fields";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Dossier famille" };

function PendingBadge({ show }: { show: boolean }) {
  return show ? <span className="badge pending-value">Modification en attente</span> : null;
}

/** "Dossier famille": the responsables and children of each subscribed household, each opening its own screen. */
export default async function FamilyFilePage({ params }: Props) {
  const { commune: slug } = await params;
  const { commune, user } = await requireUser(slug, { returnTo: routes.family.file(slug) });
  const db = await getDb();
  const today = todayInParis();
  // The account's own households only; the overview needs names and pending marks, not each member's whole file.
  const households = await listSubscribedHouseholds(db, { communeId: commune.id, userId: user.id });
  const [summaries, toProvide] = await Promise.all([
    readFamilyFileSummaries(db, { communeId: commune.id, householdIds: households.map((h) => h.id) }),
    Promise.all(
      households.map((h) => countDocumentsToProvide(db, { communeId: commune.id, householdId: h.id, today })),
    ),
  ]);
  const files = households.map((household, index) => ({ household, ...summaries[index]! }));
  return (
    <>
      <Breadcrumbs items={breadcrumbs.familyFile(slug)} />
      <h1>Dossier famille</h1>
      {files.length === 0 ? (
        <NoSubscriptionNotice commune={commune} canSubscribe={user.role === "family"} />
      ) : (
        <>
          <p>
            Dans cet espace, vous pouvez consulter et modifier les données des membres de votre famille. Toute
            modification est soumise à une validation par la collectivité : les modifications qui n&apos;ont pas encore
            été traitées sont affichées en jaune. Suivez-les dans{" "}
            <Link href={routes.citizen.requests(slug)}>Mes demandes</Link>.
          </p>
          {files.map((file, index) => (
            <section
              key={file.household.id}
              className={`card ${styles.section}`}
              aria-labelledby={`famille-${file.household.id}`}
            >
              <h2 id={`famille-${file.household.id}`}>Famille {file.household.name}</h2>
              <DocumentsToProvide
                slug={slug}
                count={toProvide[index] ?? 0}
                householdId={files.length > 1 ? file.household.id : undefined}
              />
              <h3>Responsables</h3>
              <ul className={styles.memberList}>
                {file.guardians.map((g) => (
                  <li key={g.id}>
                    <Link href={routes.family.guardian(slug, g.id)}>
                      {civilityLabels[g.civility]} {g.firstName} {g.lastName}
                    </Link>
                    {g.quality ? <span>({g.quality})</span> : null}
                    <PendingBadge show={g.pending} />
                  </li>
                ))}
              </ul>
              <h3>Enfants</h3>
              {file.children.length === 0 ? <p>Aucun enfant n&apos;est inscrit dans ce dossier.</p> : null}
              <ul className={styles.memberList}>
                {file.children.map((c) => (
                  <li key={c.id}>
                    <Link href={routes.family.child(slug, c.id)}>
                      {c.firstName} {c.lastName}
                    </Link>
                    <PendingBadge show={c.pending} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </>
  );
}
