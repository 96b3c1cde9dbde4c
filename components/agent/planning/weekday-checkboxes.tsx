"use client";

import { useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { WEEKDAY_NAMES } from "@/lib/planning/days";
import styles from "./planning.module.css";

/** "Jours de l'activité": one box per weekday (values 1 = lundi … 7 = dimanche), its error tied to the group. */
export function WeekdayCheckboxes({ registration, error }: { registration: UseFormRegisterReturn; error?: string }) {
  const id = useId();
  return (
    <fieldset
      className={`field field--radios${error ? " field--error" : ""}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>
        Jours de l&apos;activité<span aria-hidden="true"> *</span>
      </legend>
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
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
