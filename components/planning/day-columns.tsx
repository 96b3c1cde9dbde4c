"use client";

import type { CSSProperties } from "react";
import { Link } from "@/components/ui/link";
import { formatDate } from "@/lib/format";
import type { DayNote } from "@/lib/planning/day-notes";
import type { IsoDay } from "@/lib/planning/days";
import { isoWeekday, weekdayName } from "@/lib/planning/days";
import { dayLinkName } from "./calendar-days";
import { DayNotes } from "./day-notes";
import styles from "./planning.module.css";
import { SlotButton } from "./slot-button";
import type { SlotEvent } from "./slot-text";

/**
 * Semaine, Semaine 5 j and Jour: one column per day, its slots in the order of the day as cards whose words wrap
 * whole; side by side on a desktop, a list of days on a phone. Each day's heading leads to its Jour view.
 */
export function DayColumns({
  days,
  today,
  events,
  notes,
  dayHref,
  onOpen,
}: {
  days: IsoDay[];
  today: IsoDay;
  events: ReadonlyMap<IsoDay, SlotEvent[]>;
  notes: ReadonlyMap<IsoDay, DayNote[]>;
  /** Null on the Jour view, whose day is the page's. */
  dayHref: ((day: IsoDay) => string) | null;
  onOpen: (event: SlotEvent) => void;
}) {
  return (
    <ol
      className={`${styles.days} ${dayHref ? "" : styles.oneDay}`}
      style={{ "--days": days.length } as CSSProperties}
      aria-labelledby="planning-periode"
    >
      {days.map((day) => {
        const dayEvents = events.get(day) ?? [];
        const dayNotes = notes.get(day) ?? [];
        const classes = [styles.day, dayNotes.length ? styles.closedDay : "", day === today ? styles.today : ""];
        return (
          <li key={day} className={classes.join(" ")} aria-current={day === today ? "date" : undefined}>
            {dayHref ? (
              <h3 className={styles.dayHeading}>
                <Link href={dayHref(day)} scroll={false}>
                  <span aria-hidden="true">
                    {weekdayName(isoWeekday(day))} {formatDate(day).slice(0, 5)}
                  </span>
                  <span className="visually-hidden">{dayLinkName(day, dayEvents, dayNotes)}</span>
                </Link>
              </h3>
            ) : null}
            <DayNotes notes={dayNotes} />
            {dayEvents.length ? (
              <ul className={styles.daySlots}>
                {dayEvents.map((event) => (
                  <li key={event.slot.key}>
                    <SlotButton event={event} onOpen={onOpen} />
                  </li>
                ))}
              </ul>
            ) : dayNotes.length ? null : (
              <p className={styles.noSlot}>Aucun créneau</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
