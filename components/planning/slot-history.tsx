"use client";

import { type ReactNode, useEffect, useId, useState } from "react";
import requestStyles from "@/components/requests/requests.module.css";
import { type ActionState, type FormAction, failure } from "@/lib/actions/state";

/** One line of a slot's history, formatted on the server (Paris time). */
export interface SlotHistoryItem {
  at: string;
  when: string;
  label: string;
  /** "family": named after its account; the town's and automatic decisions read "la collectivité". */
  side: "family" | "town" | "system";
  actorName: string | null;
  message: string | null;
  requestReference: string | null;
}

export type LoadSlotHistory = FormAction<SlotHistoryItem[]>;

/** Who acted: the town as "la collectivité", a family act by the account that made it (two guardians may share a file). */
function actor(item: SlotHistoryItem): string {
  if (item.side !== "family") return " par la collectivité";
  return item.actorName ? ` (${item.actorName})` : "";
}

/** "Historique du créneau", read from the server each time the slot's state changes. */
export function SlotHistory({
  bookingId,
  version,
  load,
}: {
  bookingId: string | null;
  version: string;
  load: LoadSlotHistory;
}) {
  const titleId = useId();
  const [state, setState] = useState<ActionState<SlotHistoryItem[]> | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new state of the slot (version) is what asks for its history again.
  useEffect(() => {
    if (!bookingId) return;
    let current = true;
    const form = new FormData();
    form.set("bookingId", bookingId);
    load(null, form)
      .then((result) => current && setState(result))
      .catch(() => current && setState(failure("L'historique n'a pas pu être chargé. Actualisez le planning.")));
    return () => {
      current = false;
    };
  }, [bookingId, version, load]);

  let body: ReactNode;
  if (!bookingId) body = <p>Aucune demande n&apos;a encore été faite pour ce créneau.</p>;
  else if (state === undefined) body = <p>Chargement de l&apos;historique…</p>;
  else if (state?.ok && state.data) {
    body = (
      <ol className={requestStyles.history}>
        {state.data.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the history is read whole each time and never reordered.
          <li key={index}>
            <time dateTime={item.at}>{item.when}</time> <strong>{item.label}</strong>
            {actor(item)}
            {item.requestReference ? ` (demande ${item.requestReference})` : null}
            {item.message ? <p>« {item.message} »</p> : null}
          </li>
        ))}
      </ol>
    );
  } else body = <p className="notice notice--error">{state?.message}</p>;

  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId}>Historique du créneau</h3>
      {body}
    </section>
  );
}
