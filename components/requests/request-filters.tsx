import { Link } from "@/components/ui/link";
import { REQUEST_STATE_FILTERS } from "@/lib/requests/types";
import { RequestTypeSelect } from "./request-type-select";
import styles from "./requests.module.css";

/** The "Filtres" of Mes demandes: a GET form, so a filtered list has its own address. */
export function RequestFilters({
  action,
  resetHref,
  values,
  householdId,
}: {
  action: string;
  resetHref: string;
  values: { type?: string; etat: string; reference?: string };
  householdId?: string;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a form with role="search" is the search landmark every screen reader knows (see SearchForm).
    <form method="get" action={action} className={styles.filters} role="search" aria-label="Filtrer mes demandes">
      {householdId ? <input type="hidden" name="famille" value={householdId} /> : null}
      <RequestTypeSelect value={values.type} />
      <fieldset className="field field--radios">
        <legend>État</legend>
        <div className="radios">
          {Object.entries(REQUEST_STATE_FILTERS).map(([code, label]) => (
            <label key={code} className="radio">
              <input type="radio" name="etat" value={code} defaultChecked={values.etat === code} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="filtre-reference">Référence</label>
        <input
          id="filtre-reference"
          type="search"
          name="reference"
          defaultValue={values.reference ?? ""}
          maxLength={30}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          Rechercher
        </button>
        <Link className="button button--secondary" href={resetHref}>
          Réinitialiser
        </Link>
      </div>
    </form>
  );
}
