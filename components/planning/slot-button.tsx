"use client";

import type { CSSProperties } from "react";
import styles from "./planning.module.css";
import { type SlotEvent, slotAccessibleName, slotHours, slotStateIcon, slotStateText, slotTooltip } from "./slot-text";

/**
 * A slot in its child's colour and its state's pattern, with the state's mark and words (never colour alone); a
 * button named in full that opens the slot's dialog. `brief` (month grid) keeps the mark, child and activity only.
 */
export function SlotButton({
  event,
  brief = false,
  onOpen,
}: {
  event: SlotEvent;
  brief?: boolean;
  onOpen: (event: SlotEvent) => void;
}) {
  const { slot, child, activity } = event;
  return (
    <button
      type="button"
      className={`${styles.slot} ${styles[slot.state] ?? ""} ${brief ? styles.slotBrief : styles.slotCard}`}
      style={{ "--child-color": child.color } as CSSProperties}
      aria-label={slotAccessibleName(event)}
      aria-haspopup="dialog"
      title={slotTooltip(event)}
      data-slot-key={slot.key}
      onClick={() => onOpen(event)}
    >
      {brief ? null : <span className={styles.eventHours}>{slotHours(slot)}</span>}
      <span>
        <span aria-hidden="true">{slotStateIcon(slot)}</span>{" "}
        <span className={styles.eventWho}>
          {child.firstName} · {activity.label}
        </span>
      </span>
      {brief ? null : <span>{slotStateText(slot)}</span>}
    </button>
  );
}
