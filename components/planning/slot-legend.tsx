import { CLOSURE_KIND_LABELS, type ClosureKind } from "@/lib/activities/labels";
import { SLOT_STATE_LABELS, SLOT_STATES } from "@/lib/planning/slot-state";
import styles from "./planning.module.css";
import { JUSTIFIED_ABSENCE, JUSTIFIED_ABSENCE_ICON, SLOT_STATE_ICONS } from "./slot-text";

/** "Légende": each state's pattern and mark, as drawn on the slots, and the edges of holidays and closures. */
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
        {(Object.keys(CLOSURE_KIND_LABELS) as ClosureKind[]).map((kind) => (
          <li key={kind}>
            <span
              className={`${styles.closedDay} ${styles.swatch} ${styles.noteSwatch}`}
              data-kind={kind}
              aria-hidden="true"
            />
            <span>{CLOSURE_KIND_LABELS[kind]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
