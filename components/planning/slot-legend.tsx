import { SLOT_STATE_LABELS, SLOT_STATES } from "@/lib/planning/slot-state";
import styles from "./planning.module.css";
import { JUSTIFIED_ABSENCE, JUSTIFIED_ABSENCE_ICON, SLOT_STATE_ICONS } from "./slot-text";

/** "Légende": each state's pattern and mark, as drawn on the slots. */
export function SlotLegend() {
  return (
    <section className={styles.legend} aria-labelledby="planning-legende">
      <h2 id="planning-legende">Légende</h2>
      <ul>
        {SLOT_STATES.map((state) => (
          <li key={state}>
            <span className={`${styles.slot} ${styles[state]} ${styles.swatch}`} aria-hidden="true">
              {SLOT_STATE_ICONS[state]}
            </span>
            <span>{SLOT_STATE_LABELS[state]}</span>
          </li>
        ))}
        <li>
          <span className={`${styles.slot} ${styles.absent} ${styles.swatch}`} aria-hidden="true">
            {JUSTIFIED_ABSENCE_ICON}
          </span>
          <span>{JUSTIFIED_ABSENCE}</span>
        </li>
      </ul>
    </section>
  );
}
