import type { Metadata } from "next";
import styles from "@/components/nursery/agent/nursery-agent.module.css";
import { NewStructureForm, NurserySettingsForm, StructureForm } from "@/components/nursery/agent/structure-forms";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import type { NurseryAgeGroup } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { nurseryDemand } from "@/lib/nursery/agent-list";
import { NURSERY_KIND_LABELS } from "@/lib/nursery/labels";
import { getNurserySettings, listNurseryStructures } from "@/lib/nursery/structures";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { createNurseryStructureAction, saveNurserySettingsAction, updateNurseryStructureAction } from "../actions";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Paramètres de la petite enfance" };

/** The commune's structures and their places, and the delays given to families (admins only). */
export default async function NurserySettingsPage({ params }: Props) {
  const { commune: slug } = await params;
  const { commune } = await requireUser(slug, { roles: ["admin"], returnTo: routes.agent.nurserySettings(slug) });
  const db = await getDb();
  const [structures, demand, settings] = await Promise.all([
    listNurseryStructures(db, { communeId: commune.id }),
    nurseryDemand(db, { communeId: commune.id, now: currentTime() }),
    getNurserySettings(db, { communeId: commune.id }),
  ]);
  const placesOf = (structureId: string) =>
    Object.fromEntries(
      demand.filter((line) => line.structureId === structureId).map((line) => [line.ageGroup, line.places]),
    ) as Record<NurseryAgeGroup, number>;
  const updateStructure = updateNurseryStructureAction.bind(null, slug);

  return (
    <>
      <Breadcrumbs items={breadcrumbs.nurserySettings(slug)} />
      <h1>Paramètres de la petite enfance</h1>

      <h2>Délais</h2>
      <NurserySettingsForm action={saveNurserySettingsAction.bind(null, slug)} settings={settings} />

      <h2>Structures</h2>
      {structures.length === 0 ? <p>Aucune structure n&apos;est paramétrée.</p> : null}
      <ul className={styles.rows}>
        {structures.map((structure) => (
          <li key={structure.id} className="card">
            <h3>
              {structure.name}
              {structure.active ? "" : " (fermée aux demandes)"}
            </h3>
            <p className={styles.facts}>
              {NURSERY_KIND_LABELS[structure.kind]}
              {structure.address ? ` · ${structure.address}` : ""}
            </p>
            <StructureForm action={updateStructure} structure={{ ...structure, places: placesOf(structure.id) }} />
          </li>
        ))}
      </ul>

      <h2>Ajouter une structure</h2>
      <NewStructureForm action={createNurseryStructureAction.bind(null, slug)} />
    </>
  );
}
