"use client";

import { useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

/** Tick boxes sharing one name (e.g. "Pratiques alimentaires"), in a fieldset named by its legend. */
export function ChoicesField({
  legend,
  options,
  registration,
  error,
}: {
  legend: string;
  options: Readonly<Record<string, string>>;
  registration: UseFormRegisterReturn;
  error?: string;
}) {
  const id = useId();
  return (
    <fieldset
      className={`field field--radios${error ? " field--error" : ""}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {Object.entries(options).map(([value, label]) => (
        <div className="field field--checkbox" key={value}>
          <input id={`${id}-${value}`} type="checkbox" value={value} {...registration} />
          <label htmlFor={`${id}-${value}`}>{label}</label>
        </div>
      ))}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
