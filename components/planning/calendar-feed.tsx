"use client";

import { useId, useRef, useState } from "react";
import { z } from "zod";
import { FormDone } from "@/components/accounts/form-done";
import { FormMessage, SubmitButton, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import type { FeedLink } from "@/lib/bookings/types";
import styles from "./calendar-feed.module.css";

// Only hidden fields: the server action checks the household against the account's subscriptions.
const noVisibleFields = z.object({});

/** The new address, shown this once, with a copy button and a webcal:// link that opens the calendar app. */
function NewFeedLink({ url, message }: { url: string; message: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("Lien copié dans le presse-papiers.");
    } catch {
      // No clipboard access (browser setting, insecure context): leave the text selected to copy by hand.
      input.current?.select();
      setCopied("Copie automatique impossible : le lien est sélectionné, copiez-le avec Ctrl+C (ou Cmd+C).");
    }
  };
  return (
    <FormDone message={message}>
      <div className="field">
        <label htmlFor={id}>Adresse de votre agenda</label>
        <input
          ref={input}
          id={id}
          className={styles.url}
          type="text"
          value={url}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <p className="button-row">
        <button type="button" className="button" onClick={copy}>
          Copier le lien
        </button>
        <a className="button button--secondary" href={url.replace(/^https?:/, "webcal:")}>
          Ouvrir dans mon application d&apos;agenda
        </a>
      </p>
      <p role="status">{copied}</p>
    </FormDone>
  );
}

/** "Créer le lien" / "Révoquer": the household's private iCalendar link. */
export function CalendarFeedSettings({
  householdId,
  activeSince,
  create,
  revoke,
}: {
  householdId: string;
  /** "12/11/2026" when a link is live, else null. */
  activeSince: string | null;
  create: FormAction<FeedLink>;
  revoke: FormAction;
}) {
  const creation = useActionForm(noVisibleFields, create);
  const revocation = useActionForm(noVisibleFields, revoke);
  const feedUrl = creation.state?.data?.feedUrl;
  const hiddenFields = (
    <>
      <input type="hidden" name="householdId" value={householdId} />
    </>
  );
  return (
    <section aria-labelledby="lien-agenda" className={styles.settings}>
      <h2 id="lien-agenda">Votre lien d&apos;agenda</h2>
      <p>{activeSince ? `Un lien est actif depuis le ${activeSince}.` : "Aucun lien n'est actif."}</p>
      {/* Once revoked, the address just created no longer works: it is not shown any more. */}
      {feedUrl ? (
        activeSince ? (
          <NewFeedLink key={feedUrl} url={feedUrl} message={creation.state?.message ?? ""} />
        ) : null
      ) : (
        <FormMessage state={creation.state} />
      )}
      <form onSubmit={creation.onSubmit} noValidate>
        {hiddenFields}
        {activeSince ? (
          <p className="field__hint">Un nouveau lien remplace l&apos;actuel, qui cesse aussitôt de fonctionner.</p>
        ) : null}
        <p className="button-row">
          <SubmitButton pending={creation.pending}>
            {activeSince ? "Créer un nouveau lien" : "Créer le lien"}
          </SubmitButton>
        </p>
      </form>
      <form onSubmit={revocation.onSubmit} noValidate>
        {hiddenFields}
        <FormMessage state={revocation.state} />
        {activeSince ? (
          <p className="button-row">
            <button
              type="submit"
              className="button button--danger"
              disabled={revocation.pending}
              aria-busy={revocation.pending || undefined}
            >
              Révoquer le lien
            </button>
          </p>
        ) : null}
      </form>
    </section>
  );
}
