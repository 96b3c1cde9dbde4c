import type { Metadata } from "next";
import Link from "next/link";
import { DocumentsToProvide } from "@/components/documents/documents-to-provide";
import styles from "@/components/family-file/family-file.module.css";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { NoSubscriptionNotice } from "@/components/subscriptions/no-subscription-notice";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { countDocumentsToProvide } from "@/lib/documents/household-documents";
import type { FamilyFile } from "@/lib/family-file/read";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { civilityLabels } from "@/lib/validation/fields";
import { loadOwnFamilyFiles } from "./load";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Dossier famille" };

type Child = FamilyFile["children"][number];
const childHasPending = (c: Child) =>
  Boolean(
    c.pending ||
      c.vaccinations.pending ||
      c.pendingAdditions.length ||
      c.authorizedAdults.some((a) => a.pending || a.pendingRemoval),
  );

function PendingBadge({ show }: { show: boolean }) {
  return show ? <span className="badge pending-value">Modification en attente</span> : null;
}

/** "Dossier famille": the responsables and children of each subscribed household, each opening its own screen. */
export default async function FamilyFilePage({ params }: Props) {
  const { commune: slug } = await params;
  const { commune, user, files } = await loadOwnFamilyFiles(slug, routes.family.file(slug));
  const db = await getDb();
  const today = todayInParis();
  const toProvide = await Promise.all(
    files.map((file) => countDocumentsToProvide(db, { communeId: commune.id, householdId: file.household.id, today })),
  );
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
                      {civilityLabels[g.values.civility]} {g.values.firstName} {g.values.lastName}
                    </Link>
                    {g.values.quality ? <span>({g.values.quality})</span> : null}
                    <PendingBadge show={Boolean(g.pending)} />
                  </li>
                ))}
              </ul>
              <h3>Enfants</h3>
              {file.children.length === 0 ? <p>Aucun enfant n&apos;est inscrit dans ce dossier.</p> : null}
              <ul className={styles.memberList}>
                {file.children.map((c) => (
                  <li key={c.id}>
                    <Link href={routes.family.child(slug, c.id)}>
                      {c.values.firstName} {c.values.lastName}
                    </Link>
                    <PendingBadge show={childHasPending(c)} />
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
