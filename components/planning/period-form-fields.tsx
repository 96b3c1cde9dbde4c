"use client";

import { useId } from "react";
import { type Control, type UseFormRegisterReturn, useController } from "react-hook-form";
import { ChoiceGroupFrame } from "@/components/ui/form-kit";
import type { SlotRequestForm } from "@/lib/bookings/schemas";

/* The period form's own fields, beyond the form kit's. */

type Option = { value: string; label: string };

/**
 * react-hook-form puts the values into its fields once mounted; the server-rendered page (all a browser without
 * JavaScript gets, e.g. after "Vérifier les dates") needs them as attributes, with the date bounds.
 */
export function withHtmlAttributes(
  registration: UseFormRegisterReturn,
  attributes: { defaultValue?: string; min?: string; max?: string },
): UseFormRegisterReturn {
  return { ...registration, ...attributes };
}

const checkedDays = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/**
 * The weekday tick boxes, "lundi (07:30 - 08:30)". Kept as a list in the form state whatever their number:
 * react-hook-form reads a lone unticked box as `false`, which the shared schema would not word in French.
 */
export function WeekdayField({
  control,
  options,
  error,
}: {
  control: Control<SlotRequestForm>;
  options: readonly Option[];
  error?: string;
}) {
  const id = useId();
  const { field } = useController({ control, name: "weekdays" });
  const checked = checkedDays(field.value);
  return (
    <ChoiceGroupFrame legend="Jours de la semaine" error={error} required>
      {options.map((o, index) => (
        <div className="field field--checkbox" key={o.value}>
          <input
            id={`${id}-${o.value}`}
            type="checkbox"
            name="weekdays"
            value={o.value}
            checked={checked.includes(o.value)}
            onChange={(e) =>
              field.onChange(e.target.checked ? [...checked, o.value] : checked.filter((v) => v !== o.value))
            }
            onBlur={field.onBlur}
            ref={index === 0 ? field.ref : undefined}
            aria-invalid={error ? true : undefined}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </ChoiceGroupFrame>
  );
}
