import type { ReactNode } from "react";
import styles from "./family-file.module.css";

/** One titled part of a Dossier famille screen. */
export function FileSectionCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className={`card ${styles.section}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
