import { format, getDay, parse, startOfWeek } from "date-fns";
import { fr } from "date-fns/locale/fr";
import { dateFnsLocalizer, type Formats, type Messages } from "react-big-calendar";
import { dateToDay } from "./calendar-view";
import { longDay, type SlotEvent } from "./slot-text";

/* react-big-calendar in French: date-fns with the fr locale (weeks start on Monday), 24-hour times. */

export const CULTURE = "fr";

export const localizer = dateFnsLocalizer({ format, parse, startOfWeek, getDay, locales: { [CULTURE]: fr } });

// The slot's hours, also at the start of its tooltip in the week views.
const hours = ({ start, end }: { start: Date; end: Date }) => `${format(start, "HH:mm")} – ${format(end, "HH:mm")}`;

export const formats: Formats = {
  dateFormat: "d",
  dayFormat: "EEE dd/MM",
  weekdayFormat: "EEEE",
  timeGutterFormat: "HH:mm",
  eventTimeRangeFormat: hours,
};

export const messages: Messages<SlotEvent> = {
  date: "Date",
  time: "Heure",
  event: "Créneau",
  allDay: "Journée",
  week: "Semaine",
  work_week: "Semaine 5 j",
  day: "Jour",
  month: "Mois",
  previous: "Précédent",
  next: "Suivant",
  today: "Aujourd'hui",
  agenda: "Liste",
  noEventsInRange: "Aucun créneau sur cette période.",
  // "+3" on the month grid, named in full for screen readers.
  showMore: (count, _remaining, events) => (
    <>
      +{count}
      <span className="visually-hidden">
        {" "}
        autre{count > 1 ? "s" : ""} créneau{count > 1 ? "x" : ""}
        {events[0] ? ` le ${longDay(dateToDay(events[0].start))}` : ""}
      </span>
    </>
  ),
};
