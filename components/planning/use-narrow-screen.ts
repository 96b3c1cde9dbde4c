"use client";

import { useSyncExternalStore } from "react";

// The width under which the main menu collapses too (app/globals.css).
const NARROW = "(max-width: 40rem)";

function subscribe(onChange: () => void) {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** Whether the screen is a phone's; null on the server and while the page hydrates, which cannot know. */
export function useNarrowScreen(): boolean | null {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW).matches,
    () => null,
  );
}
