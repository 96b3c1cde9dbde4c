import type { DayNote } from "@/lib/planning/day-notes";
import styles from "./planning.module.css";

/** "Jour de l'an", "Vacances de Noël", a closure's label: what a day is, above its slots. */
export function DayNotes({ notes }: { notes: readonly DayNote[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className={styles.dayNotes}>
      {notes.map((note) => (
        <li key={note.label} data-kind={note.kind}>
          {note.label}
        </li>
      ))}
    </ul>
  );
}
