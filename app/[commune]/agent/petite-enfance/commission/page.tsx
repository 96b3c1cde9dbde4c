import type { Metadata } from "next";
import { CommissionDecisions, type CommissionRowView } from "@/components/nursery/agent/commission-form";
import { DemandTable } from "@/components/nursery/agent/demand-table";
import { NurseryFilters } from "@/components/nursery/agent/nursery-filters";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { currentTime, todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { AGE_GROUP_LABELS } from "@/lib/nursery/age-groups";
import { listNurseryApplications, type NurseryListRow, nurseryDemand } from "@/lib/nursery/agent-list";
import { CRECHE_WEEKDAYS, MAX_COMMISSION_ROWS } from "@/lib/nursery/agent-schemas";
import { APPLICATION_STATUS_LABELS, CARE_TYPE_LABELS, OPEN_STATUSES } from "@/lib/nursery/labels";
import type { NurseryStructureLine } from "@/lib/nursery/structures";
import { isIsoDay, laterDay } from "@/lib/planning/days";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { decideCommissionAction } from "../actions";
import { commissionSearchParams } from "../search-params";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Commission petite enfance" };

/** A row's form values: no decision yet, the first wish, the desired start (not before today), the wished days. */
function rowView(row: NurseryListRow, structures: readonly NurseryStructureLine[], today: string): CommissionRowView {
  const wished = row.wishes.map((wish, index) => ({
    value: wish.structureId,
    label: `${wish.name} (choix n°${index + 1})`,
  }));
  const others = structures
    .filter((s) => s.active && !row.wishes.some((w) => w.structureId === s.id))
    .map((s) => ({ value: s.id, label: s.name }));
  const days = Object.fromEntries(
    CRECHE_WEEKDAYS.flatMap((d) => {
      const wish = row.schedule.find((s) => s.weekday === d);
      return [
        [`day${d}`, Boolean(wish)],
        [`start${d}`, wish?.start ?? "08:00"],
        [`end${d}`, wish?.end ?? "17:30"],
      ];
    }),
  );
  const state =
    row.status === "waiting_list" && row.waitingRank
      ? `${APPLICATION_STATUS_LABELS[row.status]} (rang ${row.waitingRank})`
      : APPLICATION_STATUS_LABELS[row.status];
  return {
    reference: row.reference,
    childName: row.childName,
    facts: [
      `Famille ${row.householdName}`,
      AGE_GROUP_LABELS[row.ageGroup],
      CARE_TYPE_LABELS[row.careType],
      `entrée souhaitée le ${formatDate(row.desiredStartOn)}`,
      state,
    ].join(" · "),
    structureOptions: [...wished, ...others],
    initial: {
      applicationId: row.id,
      seen: row.updatedAt.toISOString(),
      decision: "none",
      structureId: row.wishes[0]?.structureId ?? "",
      startOn: laterDay(row.desiredStartOn, today),
      rank: row.waitingRank ? String(row.waitingRank) : "",
      reason: "",
      ...days,
    },
  };
}

/**
 * The commission: the applications waiting for a decision (filtered like the list), decided in one go, with the
 * places per structure and age group in view.
 */
export default async function NurseryCommissionPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const { commune } = await requireUser(slug, {
    roles: staffRoles,
    returnTo: routes.agent.nurseryCommission(slug),
  });
  const search = commissionSearchParams.parse(await searchParams);
  const today = todayInParis();
  const commissionOn = search.date && isIsoDay(search.date) ? search.date : today;
  const db = await getDb();
  const [list, demand] = await Promise.all([
    listNurseryApplications(db, {
      communeId: commune.id,
      page: 1,
      pageSize: MAX_COMMISSION_ROWS,
      filters: {
        structureId: search.structure,
        month: search.mois,
        ageGroup: search.age,
        careType: search.garde,
        statuses: OPEN_STATUSES,
      },
    }),
    nurseryDemand(db, { communeId: commune.id, now: currentTime() }),
  ]);
  const rows = list.rows.map((row) => rowView(row, list.structures, today));

  return (
    <>
      <Breadcrumbs items={breadcrumbs.nurseryCommission(slug)} />
      <h1>Commission petite enfance</h1>
      <p>
        Les demandes en attente de commission et sur liste d&apos;attente, les plus anciennes d&apos;abord. Chaque
        décision est envoyée par mail à la famille ; une place proposée lui laisse le délai de réponse de la commune.
      </p>
      <DemandTable lines={demand} />
      <h2>Demandes à examiner</h2>
      <NurseryFilters
        label="Filtrer les demandes à examiner"
        structures={list.structures}
        values={{
          structure: search.structure,
          mois: search.mois,
          age: search.age,
          garde: search.garde,
          date: search.date,
        }}
        resetHref={routes.agent.nurseryCommission(slug, search.date)}
      />
      {list.total > rows.length ? (
        <p>
          {list.total} demandes : les {rows.length} plus anciennes sont affichées.
        </p>
      ) : null}
      <CommissionDecisions action={decideCommissionAction.bind(null, slug)} commissionOn={commissionOn} rows={rows} />
    </>
  );
}
