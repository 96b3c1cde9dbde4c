import type { WishedService } from "./schemas";

/*
 * Step 3 asks for services ("Périscolaire du matin"…), the town runs activities ("1/Péri MATIN" at an école): the
 * activity a wished service means, so accepting a new family asks the agent to confirm one enrolment per wish.
 */

export interface ActivityChoice {
  id: string;
  name: string;
  facility: string;
  category: string;
  weekdays: number[];
  startTime: string;
}

const NOON = "12:00";

const MEANS: Record<WishedService, (a: ActivityChoice) => boolean> = {
  cantine: (a) => a.category === "restauration",
  matin: (a) => a.category === "periscolaire" && a.startTime < NOON,
  soir: (a) => a.category === "periscolaire" && a.startTime >= NOON,
  mercredi: (a) => a.category === "loisirs" && a.weekdays.includes(3),
};

const normalized = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLocaleLowerCase("fr-FR");

/**
 * The activity for a wished service: among those of its kind, the one at the child's school when the family named
 * it (its name in the facility's), else the first by name. Null when the commune runs none of that kind.
 */
export function activityForWish(
  service: WishedService,
  school: string | null,
  activities: readonly ActivityChoice[],
): ActivityChoice | null {
  const candidates = activities.filter(MEANS[service]).sort((a, b) => a.name.localeCompare(b.name, "fr"));
  const schoolName = school ? normalized(school) : null;
  const atSchool = schoolName ? candidates.find((a) => normalized(a.facility).includes(schoolName)) : undefined;
  return atSchool ?? candidates[0] ?? null;
}
