"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { ChoiceGroupFrame } from "@/components/ui/form-kit";
import { WEEKDAY_NAMES } from "@/lib/planning/days";
import styles from "./planning.module.css";

/** "Jours de l'activité": one box per weekday (values 1 = lundi … 7 = dimanche), its error tied to the group. */
export function WeekdayCheckboxes({ registration, error }: { registration: UseFormRegisterReturn; error?: string }) {
  return (
    <ChoiceGroupFrame legend="Jours de l'activité" error={error} required>
      <div className={styles.weekdays}>
        {WEEKDAY_NAMES.map((name, index) => (
          <label key={name}>
            <input
              type="checkbox"
              value={String(index + 1)}
              aria-invalid={error ? true : undefined}
              {...registration}
            />
            {name}
          </label>
        ))}
      </div>
    </ChoiceGroupFrame>
  );
}
