import styles from "./planning.module.css";

/** "Afficher" another activity and day (a plain GET form: it works before any script has loaded). */
export function DayFilterForm({
  activities,
  selected,
}: {
  activities: { id: string; label: string }[];
  selected: { activityId: string; day: string } | null;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a form with role="search" is the search landmark every screen reader knows (see SearchForm).
    <form
      className={`form ${styles.form} ${styles.filters}`}
      method="get"
      role="search"
      aria-label="Choisir une activité et un jour"
    >
      <div className="field">
        <label htmlFor="choix-activite">Activité</label>
        <select id="choix-activite" name="activite" defaultValue={selected?.activityId ?? ""} required>
          <option value="" disabled>
            Choisissez une activité
          </option>
          {activities.map((activity) => (
            <option key={activity.id} value={activity.id}>
              {activity.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="choix-jour">Jour</label>
        <input id="choix-jour" type="date" name="jour" defaultValue={selected?.day ?? ""} required />
      </div>
      <div className="field">
        <button type="submit" className="button button--secondary">
          Afficher
        </button>
      </div>
    </form>
  );
}
