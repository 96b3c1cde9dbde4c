"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Link } from "@/components/ui/link";
import type { IsoDay } from "@/lib/planning/days";
import { routes } from "@/lib/routes/paths";
import { PLANNING_VIEWS, type PlanningView, stepDate } from "./calendar-view";
import styles from "./planning.module.css";

const STEP_NAMES: Record<PlanningView, [string, string]> = {
  jour: ["jour précédent", "jour suivant"],
  semaine: ["semaine précédente", "semaine suivante"],
  semaine5: ["semaine précédente", "semaine suivante"],
  mois: ["mois précédent", "mois suivant"],
};

/** Précédent / Aujourd'hui / Suivant, the views (Mois … Jour, Liste), Actualiser, Réservations, Absences and the calendar feed. */
export function PlanningToolbar({
  slug,
  view,
  date,
  today,
  famille,
}: {
  slug: string;
  view: PlanningView;
  date: IsoDay;
  today: IsoDay;
  famille?: string;
}) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const href = (vue: PlanningView, day: IsoDay) => routes.family.planning(slug, { vue, date: day, famille });
  const [previousName, nextName] = STEP_NAMES[view];
  const small = "button button--secondary button--small";
  return (
    <div className={styles.toolbar}>
      <nav aria-label="Période affichée" className={styles.toolbarGroup}>
        <Link className={small} href={href(view, stepDate(view, date, -1))} scroll={false}>
          <span aria-hidden="true">‹</span> Précédent<span className="visually-hidden"> : {previousName}</span>
        </Link>
        <Link className={small} href={href(view, today)} scroll={false}>
          Aujourd&apos;hui
        </Link>
        <Link className={small} href={href(view, stepDate(view, date, 1))} scroll={false}>
          Suivant<span className="visually-hidden"> : {nextName}</span> <span aria-hidden="true">›</span>
        </Link>
      </nav>
      <nav aria-label="Vues du planning">
        <ul className={styles.views}>
          {(Object.keys(PLANNING_VIEWS) as PlanningView[]).map((vue) => (
            <li key={vue}>
              <Link href={href(vue, date)} aria-current={vue === view ? "page" : undefined} scroll={false}>
                {PLANNING_VIEWS[vue]}
              </Link>
            </li>
          ))}
          <li>
            <Link href={routes.family.planningList(slug, { famille })}>Liste</Link>
          </li>
        </ul>
      </nav>
      <div className={styles.toolbarGroup}>
        <button
          type="button"
          className={small}
          onClick={() => startRefresh(() => router.refresh())}
          disabled={refreshing}
          aria-busy={refreshing || undefined}
        >
          {refreshing ? "Actualisation…" : "Actualiser"}
        </button>
        <Link className="button button--small" href={routes.family.bookingPeriod(slug, famille)}>
          Réservations
        </Link>
        <Link className="button button--small" href={routes.family.absencePeriod(slug, famille)}>
          Absences
        </Link>
        <Link className="button button--small" href={routes.family.calendarSync(slug, famille)}>
          Synchroniser avec mon agenda
        </Link>
      </div>
    </div>
  );
}
