import styles from "@/components/agent/requests/requests.module.css";
import { Link } from "@/components/ui/link";
import { SearchForm } from "@/components/ui/search-form";
import { AGE_GROUP_LABELS } from "@/lib/nursery/age-groups";
import { CARE_TYPE_LABELS } from "@/lib/nursery/labels";
import type { NurseryStructureLine } from "@/lib/nursery/structures";

export type NurseryFilterValues = {
  structure?: string;
  mois?: string;
  age?: string;
  garde?: string;
  etat?: string;
  date?: string;
};

/**
 * The filters the list and the commission share: "Structure souhaitée", "Mois d'entrée", "Tranche d'âge", "Type de
 * garde", and the list's "État" (`states`). A GET form: a filtered list has its own address.
 */
export function NurseryFilters({
  label,
  structures,
  values,
  states,
  resetHref,
}: {
  label: string;
  structures: readonly NurseryStructureLine[];
  values: NurseryFilterValues;
  states?: readonly { value: string; label: string }[];
  resetHref: string;
}) {
  return (
    <SearchForm
      label={label}
      submitLabel="Filtrer"
      secondary
      className={`form ${styles.filters}`}
      after={<Link href={resetHref}>Réinitialiser les filtres</Link>}
    >
      {values.date ? <input type="hidden" name="date" value={values.date} /> : null}
      <div className="field">
        <label htmlFor="filtre-structure">Structure souhaitée</label>
        <select id="filtre-structure" name="structure" defaultValue={values.structure ?? ""}>
          <option value="">Toutes les structures</option>
          {structures.map((structure) => (
            <option key={structure.id} value={structure.id}>
              {structure.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filtre-mois">Mois d&apos;entrée</label>
        <input id="filtre-mois" type="month" name="mois" defaultValue={values.mois ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="filtre-age">Tranche d&apos;âge</label>
        <select id="filtre-age" name="age" defaultValue={values.age ?? ""}>
          <option value="">Toutes les tranches</option>
          {Object.entries(AGE_GROUP_LABELS).map(([code, text]) => (
            <option key={code} value={code}>
              {text}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filtre-garde">Type de garde</label>
        <select id="filtre-garde" name="garde" defaultValue={values.garde ?? ""}>
          <option value="">Tous les types</option>
          {Object.entries(CARE_TYPE_LABELS).map(([code, text]) => (
            <option key={code} value={code}>
              {text}
            </option>
          ))}
        </select>
      </div>
      {states ? (
        <div className="field">
          <label htmlFor="filtre-etat">État</label>
          <select id="filtre-etat" name="etat" defaultValue={values.etat}>
            {states.map((state) => (
              <option key={state.value} value={state.value}>
                {state.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </SearchForm>
  );
}
