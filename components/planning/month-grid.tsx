"use client";

import { Link } from "@/components/ui/link";
import type { DayNote } from "@/lib/planning/day-notes";
import { type IsoDay, WEEKDAY_NAMES } from "@/lib/planning/days";
import { dayLinkName } from "./calendar-days";
import { DayNotes } from "./day-notes";
import styles from "./planning.module.css";
import { SlotButton } from "./slot-button";
import type { SlotEvent } from "./slot-text";

/**
 * The Mois view: every slot of every day, none hidden behind a "+N", each a named button. On a phone the slots
 * shrink to their marks and a tap anywhere on the day follows its link to the Jour view (CSS only: one markup).
 */
export function MonthGrid({
  weeks,
  month,
  today,
  events,
  notes,
  dayHref,
  onOpen,
}: {
  weeks: IsoDay[][];
  /** "2027-01": days of other months are greyed. */
  month: string;
  today: IsoDay;
  events: ReadonlyMap<IsoDay, SlotEvent[]>;
  notes: ReadonlyMap<IsoDay, DayNote[]>;
  dayHref: (day: IsoDay) => string;
  onOpen: (event: SlotEvent) => void;
}) {
  return (
    <table className={styles.month} aria-labelledby="planning-periode">
      <thead>
        <tr>
          {WEEKDAY_NAMES.map((name) => (
            <th key={name} scope="col">
              <abbr title={name}>{name.slice(0, 3)}.</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((day) => {
              const dayEvents = events.get(day) ?? [];
              const dayNotes = notes.get(day) ?? [];
              const classes = [
                day.startsWith(month) ? "" : styles.otherMonth,
                dayNotes.length ? styles.closedDay : "",
                day === today ? styles.today : "",
              ];
              return (
                <td key={day} className={classes.join(" ")} aria-current={day === today ? "date" : undefined}>
                  <Link href={dayHref(day)} className={styles.monthDay} scroll={false}>
                    <span aria-hidden="true">{Number(day.slice(8))}</span>
                    <span className="visually-hidden">{dayLinkName(day, dayEvents, dayNotes)}</span>
                  </Link>
                  <DayNotes notes={dayNotes} />
                  {dayEvents.length ? (
                    <ul className={styles.monthSlots}>
                      {dayEvents.map((event) => (
                        <li key={event.slot.key}>
                          <SlotButton event={event} brief onOpen={onOpen} />
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
