"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { ActionState } from "@/lib/actions/state";

/** Once a step is saved, goes on to the next one. */
export function useGoOnWhenSaved(state: ActionState, href: string) {
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.push(href);
  }, [state, href, router]);
}
