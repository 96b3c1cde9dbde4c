import type { ReactNode } from "react";
import type { SectionId } from "@/lib/family-file/schemas-sections";
import styles from "./family-file.module.css";
import { type FileSectionLink, FileSectionNav } from "./section-nav";

/** The heading id of a section with a form ("guardian.address" → "guardian-address"), a fragment the links go to. */
export function sectionAnchor(sectionId: SectionId): string {
  return sectionId.replace(".", "-");
}

/** One titled part of a Dossier famille screen; `id` is its heading's, the section links' target. */
export function FileSectionCard({ id, title, children }: FileSectionLink & { children: ReactNode }) {
  return (
    <section className={`card ${styles.section}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** The sections of a long Dossier famille screen after the links to each (beside them on a wide screen). */
export function FileSections({ links, children }: { links: readonly FileSectionLink[]; children: ReactNode }) {
  return (
    <div className={styles.sections}>
      <FileSectionNav sections={links} />
      <div>{children}</div>
    </div>
  );
}
