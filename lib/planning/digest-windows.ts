import { addDays, parisDay, parisInstant, parisTime } from "./days";

/*
 * The accusé de traitement digest goes out twice a day, Europe/Paris: at 13:00 (decisions from 18:01 the day
 * before to 13:00) and at 18:00 (13:01 to 18:00). Times are read at minute resolution, so a window ending at E
 * after the previous end P covers [P + 1 min, E + 1 min): 13:00:59 still belongs to the 13:00 window.
 * A window is named by its end instant; every instant is computed from the Paris wall clock (DST-safe).
 */

const WINDOW_END_TIMES = ["13:00", "18:00"] as const;
const MINUTE_MS = 60_000;
/**
 * A decision is stamped when its transaction starts and visible once it commits: a window is only read one
 * minute after it closes (13:02, 18:02), so a decision committing just after 13:01 is not missed.
 */
const COMMIT_GRACE_MS = MINUTE_MS;

export interface DigestWindow {
  /** 13:00 or 18:00 Paris: the window's name (digest_runs.window_end). */
  end: Date;
  /** First instant covered (the previous end + 1 min). */
  from: Date;
  /** First instant no longer covered (end + 1 min). */
  until: Date;
}

const plusMinute = (instant: Date) => new Date(instant.getTime() + MINUTE_MS);

function assertWindowEnd(end: Date): "13:00" | "18:00" {
  const time = parisTime(end);
  if (end.getTime() % MINUTE_MS !== 0 || (time !== "13:00" && time !== "18:00")) {
    throw new Error(`${end.toISOString()} is not a digest window end (13:00 or 18:00 Europe/Paris)`);
  }
  return time;
}

/** The window end just before this one: 13:00 → 18:00 the day before, 18:00 → 13:00 the same day. */
export function previousWindowEnd(end: Date): Date {
  const day = parisDay(end);
  return assertWindowEnd(end) === "18:00" ? parisInstant(day, "13:00") : parisInstant(addDays(day, -1), "18:00");
}

export function windowEndingAt(end: Date): DigestWindow {
  return { end, from: plusMinute(previousWindowEnd(end)), until: plusMinute(end) };
}

/** The most recent window end whose window is complete and settled at `now` (now ≥ end + 1 min + the grace). */
export function latestDueWindowEnd(now: Date): Date {
  const today = parisDay(now);
  // Looking back over today and yesterday always finds one: yesterday's 18:00 is due by today 00:00.
  for (const day of [today, addDays(today, -1)]) {
    for (const time of [...WINDOW_END_TIMES].reverse()) {
      const end = parisInstant(day, time);
      if (plusMinute(end).getTime() + COMMIT_GRACE_MS <= now.getTime()) return end;
    }
  }
  throw new Error("unreachable: yesterday's 18:00 window is always due");
}

/**
 * The window ends to run now, oldest first: those after the last completed one up to the latest due one, at
 * most `maxCatchUp` (the most recent); with no completed run yet, just the latest due window.
 */
export function dueWindowEnds(lastCompletedEnd: Date | null, now: Date, maxCatchUp: number): Date[] {
  const latest = latestDueWindowEnd(now);
  if (!lastCompletedEnd) return [latest];
  const ends: Date[] = [];
  for (
    let end = latest;
    end.getTime() > lastCompletedEnd.getTime() && ends.length < maxCatchUp;
    end = previousWindowEnd(end)
  ) {
    ends.push(end);
  }
  return ends.reverse();
}
