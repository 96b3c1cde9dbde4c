import type { ReactNode } from "react";

/**
 * A GET form that searches or filters a list (role="search", named by `label`): the criteria go in the page's
 * address, so it works before any script has loaded and a filtered list has its own address.
 */
export function SearchForm({
  label,
  submitLabel,
  secondary,
  className = "form",
  after,
  children,
}: {
  label: string;
  submitLabel: string;
  /** A secondary button, where the page's main action is another one. */
  secondary?: boolean;
  className?: string;
  /** Beside the button (a "reset" link…). */
  after?: ReactNode;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: the <search> element is too recent for some screen readers; a form with role="search" is the landmark they know.
    <form className={className} method="get" role="search" aria-label={label}>
      {children}
      <div className="button-row">
        <button type="submit" className={secondary ? "button button--secondary" : "button"}>
          {submitLabel}
        </button>
        {after}
      </div>
    </form>
  );
}

/** The search box of a SearchForm: its label, its hint tied to it, and the current search. */
export function SearchField({
  id,
  label,
  hint,
  defaultValue,
}: {
  id: string;
  label: string;
  hint: ReactNode;
  defaultValue: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="field__hint" id={`${id}-aide`}>
        {hint}
      </p>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={defaultValue}
        maxLength={100}
        aria-describedby={`${id}-aide`}
      />
    </div>
  );
}
