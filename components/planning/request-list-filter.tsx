import type { RequestListChild } from "@/lib/bookings/request-list";
import styles from "./request-list.module.css";

/** "Enfants:" — the list's filter, a GET form so a filtered list has its own address. */
export function RequestListFilter({
  action,
  childrenList,
  value,
  householdId,
}: {
  action: string;
  childrenList: RequestListChild[];
  value?: string;
  householdId?: string;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a form with role="search" is the search landmark every screen reader knows (see SearchForm).
    <form
      method="get"
      action={action}
      className={styles.filter}
      role="search"
      aria-label="Filtrer les demandes par enfant"
    >
      {householdId ? <input type="hidden" name="famille" value={householdId} /> : null}
      <div className="field">
        <label htmlFor="filtre-enfant">Enfants</label>
        <select id="filtre-enfant" name="enfant" defaultValue={value ?? ""}>
          <option value="">Tous les enfants</option>
          {childrenList.map((child) => (
            <option key={child.id} value={child.id}>
              {child.firstName}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        Filtrer
      </button>
    </form>
  );
}
