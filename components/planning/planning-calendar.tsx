"use client";

import { useMemo, useState } from "react";
import type { IsoDay } from "@/lib/planning/days";
import { routes } from "@/lib/routes/paths";
import { eventsByDay, notesByDay, viewWeeks } from "./calendar-days";
import { defaultView, type PlanningView, rangeTitle } from "./calendar-view";
import { DayColumns } from "./day-columns";
import { MonthGrid } from "./month-grid";
import { type PackedPlanning, unpackPlanning } from "./packed-planning";
import styles from "./planning.module.css";
import { PlanningFilters } from "./planning-filters";
import { PlanningToolbar } from "./planning-toolbar";
import { type SlotActions, SlotDialog } from "./slot-dialog";
import { SlotLegend } from "./slot-legend";
import { useSlotPatches, withPatches } from "./slot-patches";
import type { SlotEvent } from "./slot-text";
import { useNarrowScreen } from "./use-narrow-screen";

/**
 * The planning des activités: the toolbar, the filters, the days of the view with every loaded slot (one colour
 * per child, the state as a pattern, a mark and words), the holidays and closures, and the dialog a slot opens.
 */
export function PlanningCalendar({
  slug,
  planning,
  vue,
  date,
  today,
  famille,
  actions,
}: {
  slug: string;
  /** The page's planning in rows (packed-planning.ts): every slot is embedded in the page. */
  planning: PackedPlanning;
  /** The view the URL names; null lets the screen's width choose. */
  vue: PlanningView | null;
  date: IsoDay;
  today: IsoDay;
  famille?: string;
  actions: SlotActions;
}) {
  // The default view and the grid's layout depend on the screen's width, which only the browser knows: the
  // server sends the slots (compact) and the page around them, and the grid is drawn once the width is known. No
  // phone gets a desktop week drawn then replaced, and the server does not render some 160 slots per request.
  const narrow = useNarrowScreen();
  const view = vue ?? defaultView(narrow ?? false);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<{ opened: SlotEvent; open: boolean; count: number } | null>(null);

  const [patches, patchSlot] = useSlotPatches(planning);
  const unpacked = useMemo(() => unpackPlanning(planning), [planning]);
  const data = useMemo(() => ({ ...unpacked, slots: withPatches(unpacked.slots, patches) }), [unpacked, patches]);
  const events = useMemo(() => eventsByDay(data), [data]);
  const shown = useMemo(() => {
    if (hidden.size === 0) return events;
    const visible = (e: SlotEvent) => !hidden.has(e.child.id) && !hidden.has(e.activity.id);
    return new Map([...events].map(([day, list]) => [day, list.filter(visible)]));
  }, [events, hidden]);
  const notes = useMemo(() => notesByDay(data.dayNotes), [data]);
  const current = dialog
    ? ([...events.values()].flat().find((e) => e.slot.key === dialog.opened.slot.key) ?? dialog.opened)
    : null;

  const toggle = (id: string) =>
    setHidden((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const openSlot = (event: SlotEvent) => setDialog((d) => ({ opened: event, open: true, count: (d?.count ?? 0) + 1 }));
  const dayHref = (day: IsoDay) => routes.family.planning(slug, { vue: "jour", date: day, famille });
  const weeks = viewWeeks(view, date);

  return (
    <>
      <PlanningToolbar slug={slug} view={view} date={date} today={today} famille={famille} />
      <h2 id="planning-periode" className={styles.period} tabIndex={-1} aria-live="polite">
        {rangeTitle(view, date)}
      </h2>
      <PlanningFilters childList={data.children} activities={data.activities} hidden={hidden} onToggle={toggle} />
      {data.children.length === 0 ? (
        <p className="notice">Aucun de vos enfants n&apos;est inscrit à une activité sur cette période.</p>
      ) : null}
      <div className={styles.calendar} aria-busy={narrow === null || undefined}>
        {narrow === null ? (
          <>
            <p className={vue ? styles.calendarPending : `${styles.calendarPending} ${styles.pendingBesideDay}`}>
              Chargement du planning…
            </p>
            {vue ? null : (
              // A phone's default view is this one day: drawn at once, inert until the page can answer a tap, so
              // that nothing below moves when the live one replaces it. A desktop keeps the placeholder of its week.
              <div className={styles.pendingDay} inert>
                <DayColumns days={[date]} today={today} events={shown} notes={notes} dayHref={null} onOpen={openSlot} />
              </div>
            )}
          </>
        ) : view === "mois" ? (
          <MonthGrid
            weeks={weeks}
            month={date.slice(0, 7)}
            today={today}
            events={shown}
            notes={notes}
            dayHref={dayHref}
            onOpen={openSlot}
          />
        ) : (
          <DayColumns
            days={weeks[0] ?? []}
            today={today}
            events={shown}
            notes={notes}
            dayHref={view === "jour" ? null : dayHref}
            onOpen={openSlot}
          />
        )}
      </div>
      {/* Below the calendar, which a phone's first screen must reach. */}
      <p>
        Cliquez sur les créneaux du planning pour faire vos demandes de réservation ou d&apos;absence, ou pour annuler
        une demande en cours.
      </p>
      <p>Seules les activités auxquelles vos enfants sont inscrits sont affichées sur ce planning.</p>
      <SlotLegend />
      {dialog && current ? (
        <SlotDialog
          key={dialog.count}
          opened={dialog.opened}
          current={current}
          open={dialog.open}
          onOpenChange={(open) => setDialog({ ...dialog, open })}
          actions={actions}
          onAnswer={patchSlot}
        />
      ) : null}
    </>
  );
}
