"use client";

import { useEffect, useState } from "react";
import { currentSectionIndex } from "./current-section";
import styles from "./family-file.module.css";

/** A part of a long Dossier famille screen: the id of its heading and its title. */
export interface FileSectionLink {
  id: string;
  title: string;
}

/**
 * The screen's sections as links (the guide's tabs), the one being read marked aria-current: every section stays on
 * the page with its own "Enregistrer", the links only take the reader there.
 */
export function FileSectionNav({ sections }: { sections: readonly FileSectionLink[] }) {
  const [current, setCurrent] = useState(0);

  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const tops = sections.map(({ id }) => document.getElementById(id)?.getBoundingClientRect().top ?? Infinity);
      const { scrollY, innerHeight } = window;
      const atPageEnd = scrollY > 0 && scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
      setCurrent(Math.max(0, currentSectionIndex(tops, atPageEnd)));
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    return () => {
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onScroll);
      cancelAnimationFrame(frame);
    };
  }, [sections]);

  return (
    <nav className={styles.sectionNav} aria-label="Rubriques de la fiche">
      <ul>
        {sections.map(({ id, title }, index) => (
          <li key={id}>
            <a href={`#${id}`} aria-current={index === current ? "location" : undefined}>
              {title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
