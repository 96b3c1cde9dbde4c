import { type Column, DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import type { ActivityDay, DayBookingLine } from "@/lib/bookings/agent-views";
import { formatDateTime } from "@/lib/format";
import { SLOT_STATE_LABELS, slotState } from "@/lib/planning/slot-state";
import { routes } from "@/lib/routes/paths";

/** One list of the day (présents, absences, liste d'attente): the child and the family, plus its own columns. */
function RosterList({
  slug,
  id,
  title,
  empty,
  lines,
  columns = [],
}: {
  slug: string;
  id: string;
  title: string;
  empty: string;
  lines: DayBookingLine[];
  columns?: Column<DayBookingLine>[];
}) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>
        {title} ({lines.length})
      </h3>
      {lines.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <DataTable
          caption={title}
          hiddenCaption
          rows={lines}
          rowKey={(line) => line.bookingId}
          columns={[
            ...columns,
            { header: "Enfant", rowHeader: true, cell: (line) => line.childName },
            {
              header: "Famille",
              cell: (line) => (
                <Link href={routes.agent.household(slug, line.householdId)}>Famille {line.householdName}</Link>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

const absenceState: Column<DayBookingLine> = {
  header: "État",
  cell: (line) => SLOT_STATE_LABELS[slotState(line.status)],
};
const waitingRank: Column<DayBookingLine>[] = [
  { header: "Rang", cell: (_line, index) => index + 1 },
  { header: "En attente depuis", cell: (line) => (line.waitingSince ? formatDateTime(line.waitingSince) : "–") },
];

/** The day's roster: who is expected, who is (or asked to be) absent, and the waiting list in the order places go. */
export function DayRoster({ slug, view }: { slug: string; view: ActivityDay }) {
  return (
    <>
      <RosterList
        slug={slug}
        id="presents-prevus"
        title="Présents prévus"
        empty="Aucun enfant n'est attendu ce jour-là."
        lines={view.booked}
      />
      <RosterList
        slug={slug}
        id="absences"
        title="Absences"
        empty="Aucune absence ce jour-là."
        lines={view.absences}
        columns={[absenceState]}
      />
      <RosterList
        slug={slug}
        id="liste-attente"
        title="Liste d'attente"
        empty="Personne n'est en liste d'attente."
        lines={view.waiting}
        columns={waitingRank}
      />
    </>
  );
}
