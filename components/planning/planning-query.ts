// The planning page's URL parameters (?vue, ?date, ?famille), read on the server: zod stays out of the calendar's bundle.
import { z } from "zod";
import { type IsoDay, isIsoDay } from "@/lib/planning/days";
import { PLANNING_VIEWS, type PlanningView } from "./calendar-view";

export interface PlanningQuery {
  /** Null when the URL names none: the screen's width then chooses (see defaultView). */
  vue: PlanningView | null;
  date: IsoDay;
  famille?: string;
}

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

const querySchema = z.object({
  vue: z
    .preprocess(
      first,
      z
        .enum(Object.keys(PLANNING_VIEWS) as [PlanningView, ...PlanningView[]])
        .nullable()
        .default(null),
    )
    .catch(null),
  date: z.preprocess(first, z.string().refine(isIsoDay).optional()).catch(undefined),
  famille: z.preprocess(first, z.uuid().optional()).catch(undefined),
});

/** The GET parameters of the planning; anything malformed falls back to its default rather than failing. */
export function parsePlanningQuery(
  params: Record<string, string | string[] | undefined>,
  today: IsoDay,
): PlanningQuery {
  const parsed = querySchema.parse(params);
  return { vue: parsed.vue, date: parsed.date ?? today, famille: parsed.famille };
}
