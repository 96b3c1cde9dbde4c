"use client";

import { cloneElement, type HTMLAttributes, isValidElement, type ReactElement } from "react";
import type { EventProps, EventWrapperProps } from "react-big-calendar";
import styles from "./planning.module.css";
import { type SlotEvent, slotAccessibleName, slotHours, slotStateIcon, slotStateText } from "./slot-text";

/** What a slot shows: hours, child and activity, and its state as a mark and words (never colour alone). */
export function SlotEventContent({ event }: EventProps<SlotEvent>) {
  const { slot, child, activity } = event;
  return (
    <span className={styles.eventText}>
      <span className={styles.eventHours}>{slotHours(slot)}</span>
      <span>
        <span aria-hidden="true">{slotStateIcon(slot)}</span>{" "}
        <span className={styles.eventWho}>
          {child.firstName} · {activity.label}
        </span>
      </span>
      <span className={styles.eventState}>{slotStateText(slot)}</span>
    </span>
  );
}

type SlotElement = ReactElement<HTMLAttributes<HTMLElement> & { "data-slot-key"?: string }>;

/**
 * react-big-calendar draws each slot as a bare div (focusable in the week views only, never named): every slot
 * becomes a focusable button named in full, marked so the dialog can give focus back to it.
 */
export function SlotEventWrapper({ event, children }: EventWrapperProps<SlotEvent> & { children?: SlotElement }) {
  if (!isValidElement(children)) return children ?? null;
  return cloneElement(children, {
    role: "button",
    tabIndex: 0,
    "aria-label": slotAccessibleName(event),
    "aria-haspopup": "dialog",
    "data-slot-key": event.slot.key,
  });
}
