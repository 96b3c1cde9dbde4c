"use client";

import { Dialog } from "radix-ui";
import { useActionState, useEffect, useRef } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form-feedback";
import { type ActionState, type FormAction, failure } from "@/lib/actions/state";
import type { PlanningSlot } from "@/lib/bookings/types";
import { isoWeekday } from "@/lib/planning/days";
import styles from "./planning.module.css";
import { type LoadSlotHistory, SlotHistory } from "./slot-history";
import {
  longDay,
  SLOT_ACTION_BUTTONS,
  type SlotEvent,
  slotHours,
  slotQuestion,
  slotRefusal,
  slotStateText,
} from "./slot-text";

/** A click's answer carries the slot as it now is (null: no longer in the planning). */
type SlotClick = FormAction<PlanningSlot | null>;

export interface SlotActions {
  request: SlotClick;
  cancel: SlotClick;
  history: LoadSlotHistory;
}

/** The dialog has no field to flag: a field error (e.g. a day gone past) is the message itself. */
function dialogMessage<D>(state: ActionState<D>): ActionState<D> {
  if (!state || state.ok) return state;
  const first = Object.values(state.fieldErrors).find((messages) => messages?.length)?.[0];
  return first ? failure(first) : state;
}

/** The question and its confirmation, then the town's answer; or why nothing can be asked on this slot. */
function SlotActionPanel({
  event,
  actions,
  onAnswer,
}: {
  event: SlotEvent;
  actions: SlotActions;
  onAnswer: (slot: PlanningSlot) => void;
}) {
  const { slot } = event;
  const [state, formAction, pending] = useActionState(
    slot.action === "cancel" ? actions.cancel : actions.request,
    null,
  );
  const resultRef = useRef<HTMLDivElement>(null);
  // The answer replaces the button that had focus: focus moves to the answer, which is then read out; the
  // planning redraws the slot it carries.
  useEffect(() => {
    if (!state) return;
    resultRef.current?.focus();
    if (state.data) onAnswer(state.data);
  }, [state, onAnswer]);

  const refusal = slotRefusal(slot);
  if (refusal) return <p className="notice">{refusal}</p>;
  if (state) {
    return (
      <div ref={resultRef} tabIndex={-1} className={styles.dialogResult}>
        <FormMessage state={dialogMessage(state)} />
      </div>
    );
  }
  return (
    <form action={formAction}>
      {slot.action === "cancel" ? (
        <input type="hidden" name="bookingId" value={slot.bookingId ?? ""} />
      ) : (
        <>
          <input type="hidden" name="kind" value={slot.action === "book" ? "booking" : "absence"} />
          <input type="hidden" name="childId" value={slot.childId} />
          <input type="hidden" name="activityId" value={slot.activityId} />
          <input type="hidden" name="from" value={slot.day} />
          <input type="hidden" name="to" value={slot.day} />
          <input type="hidden" name="weekdays" value={isoWeekday(slot.day)} />
        </>
      )}
      {/* Said before the family confirms, not only in the answer (e.g. a late absence that will be billed). */}
      {slot.warning ? <p className={`notice ${styles.warning}`}>{slot.warning}</p> : null}
      <p className={styles.question}>{slotQuestion(event)}</p>
      <div className="button-row">
        <SubmitButton pending={pending}>{SLOT_ACTION_BUTTONS[slot.action!]}</SubmitButton>
      </div>
    </form>
  );
}

/** Focus goes back to the slot that opened the dialog (found again: the planning may have been redrawn since). */
function focusSlot(key: string) {
  const slot = document.querySelector<HTMLElement>(`[data-slot-key="${CSS.escape(key)}"]`);
  (slot ?? document.getElementById("planning-periode"))?.focus();
}

/**
 * A slot's dialog. `opened` is the slot as it was clicked (what the family confirms); `current` is the same
 * slot in the planning as redrawn since (from the answer to a click), whose state and history follow it.
 */
export function SlotDialog({
  opened,
  current,
  open,
  onOpenChange,
  actions,
  onAnswer,
}: {
  opened: SlotEvent;
  current: SlotEvent;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  actions: SlotActions;
  /** The slot as the answer to a click says it now is. */
  onAnswer: (slot: PlanningSlot) => void;
}) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  const { slot, child, activity } = current;
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className={`dialog ${styles.dialog}`}
          // The title takes focus, not the confirmation button: a key held down on the slot confirms nothing.
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            titleRef.current?.focus();
          }}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            focusSlot(opened.slot.key);
          }}
        >
          <Dialog.Title asChild>
            <h2 ref={titleRef} tabIndex={-1}>
              {child.firstName} – {activity.label}
            </h2>
          </Dialog.Title>
          <Dialog.Description asChild>
            <dl className={styles.slotFacts}>
              <dt>Jour</dt>
              <dd>
                {longDay(slot.day)}, {slotHours(slot)}
              </dd>
              <dt>Établissement</dt>
              <dd>{activity.facility}</dd>
              <dt>État</dt>
              <dd>
                {slotStateText(slot)}
                {/* A cancelled request leaves the slot free: its reference stays in the history only. */}
                {slot.requestReference && slot.state !== "enrolled" ? ` (demande ${slot.requestReference})` : null}
              </dd>
            </dl>
          </Dialog.Description>
          <SlotActionPanel event={opened} actions={actions} onAnswer={onAnswer} />
          <SlotHistory bookingId={slot.bookingId} version={slot.state} load={actions.history} />
          <div className="button-row">
            <Dialog.Close asChild>
              <button type="button" className="button button--secondary">
                Fermer
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
