"use client";

import { useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { ChoiceGroupFrame } from "@/components/ui/form-kit";

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
    <ChoiceGroupFrame legend={legend} error={error}>
      {Object.entries(options).map(([value, label]) => (
        <div className="field field--checkbox" key={value}>
          <input id={`${id}-${value}`} type="checkbox" value={value} {...registration} />
          <label htmlFor={`${id}-${value}`}>{label}</label>
        </div>
      ))}
    </ChoiceGroupFrame>
  );
}
