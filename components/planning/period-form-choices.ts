import type { EnrolmentChoice } from "@/lib/bookings/types";

/* What the period form offers, from the household's enrolments (one choice per child, activity and period). */

const uniqueBy = <T>(items: T[], key: (item: T) => string) => [
  ...new Map(items.map((item) => [key(item), item])).values(),
];

/** "Enfants": each enrolled child once. */
export function childOptionsOf(choices: EnrolmentChoice[]) {
  return uniqueBy(choices, (c) => c.childId).map((c) => ({ value: c.childId, label: c.childName }));
}

/** The child's activities, each once. */
export function activitiesOf(choices: EnrolmentChoice[], childId: string) {
  return uniqueBy(
    choices.filter((c) => c.childId === childId),
    (c) => c.activityId,
  );
}

/** The child's activity when it has only one (chosen for the family), else "". */
export function soleActivityOf(choices: EnrolmentChoice[], childId: string): string {
  const activities = activitiesOf(choices, childId);
  return activities.length === 1 ? activities[0]!.activityId : "";
}

/** The child's enrolment(s) in the activity: the activity's days and hours, and every period it may be asked in. */
export function enrolmentOf(choices: EnrolmentChoice[], childId: string, activityId: string) {
  const periods = choices
    .filter((c) => c.childId === childId && c.activityId === activityId)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  if (periods.length === 0) return null;
  return { ...periods[0]!, periods, endsOn: periods.at(-1)!.endsOn };
}

export type Enrolment = NonNullable<ReturnType<typeof enrolmentOf>>;
