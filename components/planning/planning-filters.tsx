"use client";

import { useId } from "react";
import type { PlanningActivity, PlanningChild } from "@/lib/bookings/types";
import styles from "./planning.module.css";

function Switch({
  label,
  checked,
  onToggle,
  color,
}: {
  label: string;
  checked: boolean;
  onToggle: () => void;
  color?: string;
}) {
  const id = useId();
  return (
    <div className={styles.switch}>
      <input id={id} type="checkbox" role="switch" checked={checked} aria-checked={checked} onChange={onToggle} />
      <label htmlFor={id}>
        {color ? <span className={styles.chip} style={{ background: color }} aria-hidden="true" /> : null}
        {label}
      </label>
    </div>
  );
}

/** The guide's "switch" filters: show or hide each child and each activity (all shown at first). */
export function PlanningFilters({
  childList,
  activities,
  hidden,
  onToggle,
}: {
  childList: PlanningChild[];
  activities: PlanningActivity[];
  hidden: ReadonlySet<string>;
  onToggle: (id: string) => void;
}) {
  const hiddenCount = [...childList, ...activities].filter((item) => hidden.has(item.id)).length;
  return (
    <details className={styles.filters}>
      <summary>
        Afficher ou masquer des enfants et des activités
        {hiddenCount ? ` (${hiddenCount} masqué${hiddenCount > 1 ? "s" : ""})` : ""}
      </summary>
      <div className={styles.filterGroups}>
        <fieldset>
          <legend>Enfants</legend>
          {childList.map((child) => (
            <Switch
              key={child.id}
              label={`${child.lastName} ${child.firstName}`}
              color={child.color}
              checked={!hidden.has(child.id)}
              onToggle={() => onToggle(child.id)}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>Activités</legend>
          {activities.map((activity) => (
            <Switch
              key={activity.id}
              label={`${activity.label} (${activity.facility})`}
              checked={!hidden.has(activity.id)}
              onToggle={() => onToggle(activity.id)}
            />
          ))}
        </fieldset>
      </div>
    </details>
  );
}
