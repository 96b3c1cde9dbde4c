"use client";

import { type RefObject, useEffect } from "react";

// react-big-calendar marks its grids up as ARIA tables whose rows also hold the slot buttons (invalid ARIA), and
// names the month "Month View" in English, with no prop to change either. Every slot button is named in full
// (child, activity, day, hours, state), so the grid is left as plain layout instead.
const GRID_ROLES = '[role="table"], [role="rowgroup"], [role="row"], [role="cell"], [role="columnheader"]';

function stripGridRoles(root: HTMLElement) {
  for (const element of root.querySelectorAll(GRID_ROLES)) {
    element.removeAttribute("role");
    element.removeAttribute("aria-sort");
  }
  root.querySelector(".rbc-month-view")?.removeAttribute("aria-label");
}

/** Keeps the calendar under `ref` free of react-big-calendar's table roles, whatever it redraws. */
export function usePlainGrid(ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    stripGridRoles(root);
    // Only added nodes are watched: removing attributes does not wake the observer again.
    const observer = new MutationObserver(() => stripGridRoles(root));
    observer.observe(root, { subtree: true, childList: true });
    return () => observer.disconnect();
  }, [ref]);
}
