"use client";

import { TZDate } from "@date-fns/tz";
import { useRouter } from "next/navigation";
import { type CSSProperties, type SyntheticEvent, useMemo, useRef, useState } from "react";
import { Calendar, type Components, type View } from "react-big-calendar";
import type { PlanningData } from "@/lib/bookings/types";
import { currentTime } from "@/lib/clock";
import { type IsoDay, PARIS } from "@/lib/planning/days";
import { routes } from "@/lib/routes/paths";
import { DayHeader, MonthDateHeader } from "./calendar-headers";
import { CULTURE, formats, localizer, messages } from "./calendar-locale";
import { dateToDay, dayToDate, defaultView, type PlanningView, rangeTitle } from "./calendar-view";
import styles from "./planning.module.css";
import { PlanningFilters } from "./planning-filters";
import { PlanningToolbar } from "./planning-toolbar";
import { type SlotActions, SlotDialog } from "./slot-dialog";
import { SlotEventContent, SlotEventWrapper } from "./slot-event";
import { SlotLegend } from "./slot-legend";
import { type SlotEvent, slotTooltip } from "./slot-text";
import { useNarrowScreen } from "./use-narrow-screen";
import { usePlainGrid } from "./use-plain-grid";

const RBC_VIEWS = { mois: "month", semaine: "week", semaine5: "work_week", jour: "day" } as const satisfies Record<
  PlanningView,
  View
>;
const FROM_RBC = Object.fromEntries(Object.entries(RBC_VIEWS).map(([ours, theirs]) => [theirs, ours])) as Record<
  View,
  PlanningView | undefined
>;

/** Paris's wall clock as a local Date: the calendar's "today" and time line, whatever the device's time zone. */
function parisNow(): Date {
  const now = new TZDate(currentTime(), PARIS);
  return new Date(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes());
}

function toEvents(data: PlanningData): SlotEvent[] {
  const children = new Map(data.children.map((c) => [c.id, c]));
  const activities = new Map(data.activities.map((a) => [a.id, a]));
  return data.slots.flatMap((slot) => {
    const child = children.get(slot.childId);
    const activity = activities.get(slot.activityId);
    if (!child || !activity) return [];
    return [
      { slot, child, activity, start: dayToDate(slot.day, slot.startTime), end: dayToDate(slot.day, slot.endTime) },
    ];
  });
}

const CALENDAR_COMPONENTS: Components<SlotEvent> = {
  event: SlotEventContent,
  eventWrapper: SlotEventWrapper,
  week: { header: DayHeader },
  work_week: { header: DayHeader },
  day: { header: DayHeader },
  month: { dateHeader: MonthDateHeader },
};

const slotClass = (state: string) => `${styles.slot} ${styles[state] ?? ""}`;

/**
 * The planning des activités: the toolbar, the filters, react-big-calendar drawing the loaded slots (one colour
 * per child, the state as a mark and words) and the dialog a slot opens.
 */
export function PlanningCalendar({
  slug,
  data,
  vue,
  date,
  today,
  famille,
  actions,
}: {
  slug: string;
  data: PlanningData;
  /** The view the URL names; null lets the screen's width choose. */
  vue: PlanningView | null;
  date: IsoDay;
  today: IsoDay;
  famille?: string;
  actions: SlotActions;
}) {
  const router = useRouter();
  const narrow = useNarrowScreen();
  const view = vue ?? defaultView(narrow);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<{ opened: SlotEvent; open: boolean; count: number } | null>(null);
  const calendarRef = useRef<HTMLDivElement>(null);

  const events = useMemo(() => toEvents(data), [data]);
  const shown = useMemo(
    () => events.filter((e) => !hidden.has(e.child.id) && !hidden.has(e.activity.id)),
    [events, hidden],
  );
  const current = dialog ? (events.find((e) => e.slot.key === dialog.opened.slot.key) ?? dialog.opened) : null;

  usePlainGrid(calendarRef);

  const toggle = (id: string) =>
    setHidden((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const openSlot = (event: SlotEvent) => setDialog((d) => ({ opened: event, open: true, count: (d?.count ?? 0) + 1 }));
  const go = (target: PlanningView | undefined, day: Date) =>
    router.push(routes.family.planning(slug, { vue: target ?? view, date: dateToDay(day), famille }), {
      scroll: false,
    });
  // react-big-calendar hands over the slot's keydown: Enter and Space open it, like a button.
  const onKeyPressEvent = (event: SlotEvent, e: SyntheticEvent<HTMLElement>) => {
    const key = (e.nativeEvent as globalThis.KeyboardEvent).key;
    if (key !== "Enter" && key !== " ") return;
    e.preventDefault();
    openSlot(event);
  };

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
      <div ref={calendarRef} className={`${styles.calendar} ${view === "mois" ? styles.calendarMonth : ""}`}>
        <Calendar<SlotEvent>
          localizer={localizer}
          culture={CULTURE}
          formats={formats}
          messages={messages}
          events={shown}
          views={Object.values(RBC_VIEWS)}
          view={RBC_VIEWS[view]}
          date={dayToDate(date)}
          onView={(next) => go(FROM_RBC[next], dayToDate(date))}
          onNavigate={(day, next) => go(FROM_RBC[next], day)}
          onDrillDown={(day) => go("jour", day)}
          toolbar={false}
          getNow={parisNow}
          min={dayToDate(date, "07:00")}
          max={dayToDate(date, "19:00")}
          step={30}
          timeslots={2}
          dayLayoutAlgorithm="no-overlap"
          tooltipAccessor={slotTooltip}
          eventPropGetter={(e) => ({
            className: slotClass(e.slot.state),
            style: { "--child-color": e.child.color } as CSSProperties,
          })}
          components={CALENDAR_COMPONENTS}
          onSelectEvent={openSlot}
          onKeyPressEvent={onKeyPressEvent}
        />
      </div>
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
        />
      ) : null}
    </>
  );
}
