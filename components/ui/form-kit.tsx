"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { type FormEvent, type ReactNode, startTransition, useActionState, useEffect, useId } from "react";
import {
  type DefaultValues,
  type FieldValues,
  get,
  type Path,
  type Resolver,
  type UseFormRegisterReturn,
  useForm,
} from "react-hook-form";
import type { z } from "zod";
import type { ActionState, FormAction } from "@/lib/actions/state";

// Still offered here for the forms that validate with useActionForm; a form without it imports form-feedback.
export { FocusedFormMessage, FormMessage, SubmitButton } from "./form-feedback";

/**
 * react-hook-form validates with the same zod schema as the server action; once valid, the native form's
 * FormData (hidden fields included) goes to the action, whose French field errors are put back on the fields.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, D = undefined>(
  schema: S,
  action: FormAction<D>,
  defaultValues?: DefaultValues<z.input<S>>,
) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues,
    // Errors first appear on submit, then follow each keystroke. Showing them on blur instead moves the
    // submit button under the pointer while it is being clicked (the click then misses it).
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const [state, formAction, pending] = useActionState<ActionState<D>, FormData>(action, null);

  useEffect(() => {
    if (state && !state.ok) {
      const entries = Object.entries(state.fieldErrors).filter(([, messages]) => messages?.length);
      entries.forEach(([field, messages], index) => {
        form.setError(field as Path<z.input<S>>, { message: messages![0] }, { shouldFocus: index === 0 });
      });
    }
  }, [state, form]);

  const submitValid = form.handleSubmit((_values, event) => {
    const formData = new FormData(event?.target as HTMLFormElement);
    startTransition(() => formAction(formData));
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // Text typed before the page hydrated is in the fields but not in react-hook-form's state: take it over.
    const current = form.getValues();
    for (const [name, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string" && value !== "" && !get(current, name))
        form.setValue(name as Path<z.input<S>>, value as never);
    }
    return submitValid(event);
  };

  return { form, state, pending, onSubmit };
}

type FieldProps = {
  label: ReactNode;
  registration: UseFormRegisterReturn;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  type?: string;
  autoComplete?: string;
  inputMode?: "text" | "email" | "numeric" | "decimal" | "tel";
  /** A multi-line text (messages to a family…). */
  multiline?: boolean;
};

/** A field's error, under it; `id` is what the control's (or the group's) aria-describedby points to. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p className="field__error" id={id}>
      {message}
    </p>
  ) : null;
}

/**
 * The frame of a labelled control: label (with its "*"), hint, the control, error. The control gets the id and
 * the ARIA attributes that tie the hint and the error to it.
 */
function LabelledField({
  label,
  error,
  hint,
  required,
  control,
}: Pick<FieldProps, "label" | "error" | "hint" | "required"> & {
  control: (aria: {
    id: string;
    "aria-required"?: true;
    "aria-invalid"?: true;
    "aria-describedby"?: string;
  }) => ReactNode;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {control({
        id,
        "aria-required": required || undefined,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy,
      })}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A labelled input with its hint and its error tied to it (aria-describedby, aria-invalid). */
export function TextField({ registration, type = "text", autoComplete, inputMode, multiline, ...frame }: FieldProps) {
  return (
    <LabelledField
      {...frame}
      control={(aria) =>
        multiline ? (
          <textarea rows={4} {...aria} {...registration} />
        ) : (
          <input type={type} autoComplete={autoComplete} inputMode={inputMode} {...aria} {...registration} />
        )
      }
    />
  );
}

/** A labelled drop-down list with its hint and error tied to it, like TextField; `placeholder` adds an empty first choice. */
export function SelectField({
  registration,
  options,
  placeholder,
  ...frame
}: Pick<FieldProps, "label" | "registration" | "error" | "hint" | "required"> & {
  options: readonly { value: string; label: string }[];
  placeholder?: string;
}) {
  return (
    <LabelledField
      {...frame}
      control={(aria) => (
        <select {...aria} {...registration}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function CheckboxField({
  label,
  registration,
  error,
  required,
}: Omit<FieldProps, "type" | "autoComplete" | "hint" | "inputMode" | "multiline">) {
  const id = useId();
  return (
    <div className={`field field--checkbox${error ? " field--error" : ""}`}>
      <input
        id={id}
        type="checkbox"
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...registration}
      />
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/**
 * The frame of a group of radios or tick boxes: a fieldset named by its legend (with its "*"), and the error
 * tied to the whole group.
 */
export function ChoiceGroupFrame({
  legend,
  error,
  required,
  children,
}: {
  legend: ReactNode;
  error?: string;
  required?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset
      className={`field field--radios${error ? " field--error" : ""}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>
        {legend}
        {required ? <span aria-hidden="true"> *</span> : null}
      </legend>
      {children}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

export function RadioGroupField({
  legend,
  registration,
  options,
  error,
  required,
}: {
  legend: ReactNode;
  registration: UseFormRegisterReturn;
  options: { value: string; label: string }[];
  error?: string;
  required?: boolean;
}) {
  return (
    <ChoiceGroupFrame legend={legend} error={error} required={required}>
      <div className="radios">
        {options.map((option) => (
          <label key={option.value} className="radio">
            <input type="radio" value={option.value} aria-invalid={error ? true : undefined} {...registration} />
            {option.label}
          </label>
        ))}
      </div>
    </ChoiceGroupFrame>
  );
}
