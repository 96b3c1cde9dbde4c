"use client";

import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import type { ActionState, FormAction } from "@/lib/actions/state";
import type { DayResult, PeriodOutcome } from "@/lib/bookings/types";
import { DayOutcomeTable, summarizeDays } from "./period-form-days";

/** What "Dates concernées" shows: the dates and their verdicts, or why there are none yet. */
export interface PreviewView {
  days: DayResult[] | null;
  /** The server's objections (period outside the enrolment…). */
  problems: string[];
  checking: boolean;
}

export const EMPTY_PREVIEW: PreviewView = { days: null, problems: [], checking: false };

export function previewFromState(state: ActionState<PeriodOutcome>): PreviewView {
  const outcome = state?.data;
  if (outcome) return { days: outcome.days, problems: [], checking: false };
  if (state && !state.ok) {
    const fieldMessages = Object.values(state.fieldErrors).flatMap((messages) => messages ?? []);
    return { days: null, problems: fieldMessages.length ? fieldMessages : [state.message], checking: false };
  }
  return EMPTY_PREVIEW;
}

const DEBOUNCE_MS = 400;

/** The preview reads the dates only: an absence's certificate is not uploaded at every question. */
function withoutFiles(data: FormData): FormData {
  for (const [name, value] of [...data.entries()]) if (typeof value !== "string") data.delete(name);
  return data;
}

/**
 * Asks the server what the form would do each time its values settle (`key` changes) and are complete; an
 * answer that arrives after a newer question is dropped.
 */
export function usePeriodPreview(
  preview: FormAction<PeriodOutcome>,
  formRef: RefObject<HTMLFormElement | null>,
  key: string,
  complete: boolean,
  initial: PreviewView,
) {
  const [view, setView] = useState(initial);
  const asked = useRef(0);

  const refresh = useCallback(async () => {
    if (!formRef.current) return;
    const question = ++asked.current;
    setView((current) => ({ ...current, checking: true }));
    let next: PreviewView;
    try {
      next = previewFromState(await preview(null, withoutFiles(new FormData(formRef.current))));
    } catch {
      next = {
        days: null,
        problems: [
          "La vérification des dates n'a pas abouti. Vérifiez votre connexion puis cliquez sur « Vérifier les dates ».",
        ],
        checking: false,
      };
    }
    if (question === asked.current) setView(next);
  }, [preview, formRef]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` (the form's answers) changing is what asks for a new preview.
  useEffect(() => {
    if (!complete) {
      asked.current++;
      setView(EMPTY_PREVIEW);
      return;
    }
    const timer = setTimeout(refresh, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, complete, refresh]);

  return { view, setView, refresh };
}

/** "Dates concernées": a short summary, then the table. */
export function PreviewPanel({ view, headingId }: { view: PreviewView; headingId: string }) {
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Dates concernées</h2>
      {/* The summary and any objection are announced; the table is there to be read at leisure. */}
      <div role="status">
        <p>
          {view.checking
            ? "Vérification des dates…"
            : view.days
              ? summarizeDays(view.days, "preview")
              : view.problems.length
                ? "Impossible d'afficher les dates concernées :"
                : "Choisissez l'enfant, l'activité, la période et au moins un jour pour voir les dates concernées."}
        </p>
        {view.problems.length && !view.days ? (
          <ul className="field__error">
            {view.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {view.days?.length ? (
        <DayOutcomeTable days={view.days} tense="preview" caption="Prévision date par date" />
      ) : null}
    </section>
  );
}
