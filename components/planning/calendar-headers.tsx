"use client";

import type { DateHeaderProps, HeaderProps } from "react-big-calendar";
import { dateToDay } from "./calendar-view";
import { longDay } from "./slot-text";

/*
 * The day headings react-big-calendar turns into buttons leading to the day's view: "lun. 23/11" or "23" on
 * screen, named in full for screen readers.
 */

const drillDownHint = (date: Date) => ` ${longDay(dateToDay(date))} : afficher la journée`;

/** Week and day views: the heading's text, inside react-big-calendar's own button. */
export function DayHeader({ label, date }: HeaderProps) {
  return (
    <>
      {label}
      <span className="visually-hidden">{drillDownHint(date)}</span>
    </>
  );
}

/** Month view: the day's number as a button. */
export function MonthDateHeader({ label, date, drilldownView, onDrillDown }: DateHeaderProps) {
  if (!drilldownView) return <span>{label}</span>;
  return (
    <button type="button" className="rbc-button-link" onClick={onDrillDown}>
      {label}
      <span className="visually-hidden">{drillDownHint(date)}</span>
    </button>
  );
}
