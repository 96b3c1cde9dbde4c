import { useCallback, useReducer } from "react";
import type { PlanningSlot } from "@/lib/bookings/types";
import type { PackedPlanning } from "./packed-planning";

/*
 * The slots a click's answer redrew (the answer carries the slot as it now is; the page is not rendered again),
 * kept per planning the server sent: a new planning from the server knows them already and starts without, and
 * the same planning shown again by the browser's Back (Next.js keeps it for Back and Forward) gets them back.
 */
const patchesByPlanning = new WeakMap<PackedPlanning, ReadonlyMap<string, PlanningSlot>>();
const none: ReadonlyMap<string, PlanningSlot> = new Map();

export function useSlotPatches(planning: PackedPlanning) {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const patches = patchesByPlanning.get(planning) ?? none;
  const patch = useCallback(
    (slot: PlanningSlot) => {
      patchesByPlanning.set(planning, new Map(patchesByPlanning.get(planning)).set(slot.key, slot));
      redraw();
    },
    [planning],
  );
  return [patches, patch] as const;
}

/** The slots with each redrawn one in its place. */
export function withPatches(slots: PlanningSlot[], patches: ReadonlyMap<string, PlanningSlot>): PlanningSlot[] {
  return patches.size === 0 ? slots : slots.map((slot) => patches.get(slot.key) ?? slot);
}
